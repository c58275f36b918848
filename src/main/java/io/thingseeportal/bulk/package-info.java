/**
 * The bulk-work engine: every batch of Thingsee calls (group moves, removals and deletes; configuration rollouts) runs
 * as a durable job of items in PostgreSQL, claimed by the workers of any node, limited per tenant, and followed by the
 * people who started it. Features register a {@link io.thingseeportal.bulk.BulkHandler} per kind of job and submit jobs
 * through {@link io.thingseeportal.bulk.BulkJobs}.
 */
@NullMarked
package io.thingseeportal.bulk;

import org.jspecify.annotations.NullMarked;
