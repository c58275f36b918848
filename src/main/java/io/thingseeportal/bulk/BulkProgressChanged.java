package io.thingseeportal.bulk;

/**
 * An item of the job has a new outcome, or the job a new state; published on the node that committed the change,
 * after the commit.
 */
public record BulkProgressChanged(long jobId, long tenantId) {}
