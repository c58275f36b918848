package io.thingseeportal.group;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's sync with Thingsee.
 *
 * @param lastSyncedAt when a sync last finished; null when none has
 * @param differences how many differences the last sync left to look at
 */
public record GroupSyncStatus(@Nullable Instant lastSyncedAt, long differences) {}
