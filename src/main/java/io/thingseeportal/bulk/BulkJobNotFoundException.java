package io.thingseeportal.bulk;

/** The signed-in user's tenant has no job with this id. */
public class BulkJobNotFoundException extends RuntimeException {

    public BulkJobNotFoundException(long jobId) {
        super("No bulk job " + jobId);
    }
}
