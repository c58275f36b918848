package io.thingseeportal.bulk;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A job as its handler and its followers see it.
 *
 * @param subject what the job is about, as the feature submitted it (for example a group id)
 * @param params the feature's own parameters, as submitted (JSON text by convention)
 * @param createdBy the name of who submitted it
 */
public record BulkJobView(
        long id,
        long tenantId,
        String kind,
        String subject,
        String params,
        String createdBy,
        Instant createdAt,
        BulkJobState state,
        @Nullable Instant finishedAt) {}
