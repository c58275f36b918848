package io.thingseeportal.device;

/**
 * Where the ingest reports stream input it cannot use: counted and skipped, never retried. Stands in for
 * {@code thingsee.StreamRejections} until that exists; then one adapter bean replaces {@link LoggedIngestRejections}.
 */
public interface IngestRejections {

    /**
     * One message (or batch) dropped.
     *
     * @param tenant the slug of the tenant whose stream delivered it
     * @param reason a short stable reason, for example {@code unknown-tsmid}
     * @param detail what was wrong, for the log; no payload content beyond ids
     */
    void reject(String tenant, String reason, String detail);
}
