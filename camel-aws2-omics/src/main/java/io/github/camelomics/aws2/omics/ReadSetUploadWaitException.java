package io.github.camelomics.aws2.omics;

/**
 * Waiting for an uploaded read set to be processed (uploadReadSet with waitForCompletion) ended before it was: the wait
 * timeout passed, or Camel stopped. The upload itself is complete and the service goes on processing it; a redelivery
 * gets the same read set back from the upload ledger, sends nothing and waits again.
 */
public class ReadSetUploadWaitException extends RuntimeException {

    private final String readSetId;
    private final String lastStatus;

    public ReadSetUploadWaitException(String why, String readSetId, String lastStatus) {
        super("aws2-omics:uploadReadSet: stopped waiting for read set " + readSetId + " because " + why + "; it was "
              + lastStatus + ": the upload is complete, a redelivery waits again");
        this.readSetId = readSetId;
        this.lastStatus = lastStatus;
    }

    public String getReadSetId() {
        return readSetId;
    }

    /** The read set's status when the wait ended (PROCESSING_UPLOAD). */
    public String getLastStatus() {
        return lastStatus;
    }
}
