package io.github.camelomics.aws2.omics;

/**
 * The uploaded read set ended UPLOAD_FAILED (the service found its files invalid): the message is the service's.
 * The upload itself completed, so a redelivery gets the same read set back and fails the same way; upload the
 * corrected file to make a new one.
 */
public class ReadSetUploadFailedException extends RuntimeException {

    private final String readSetId;
    private final String statusMessage;

    public ReadSetUploadFailedException(String readSetId, String statusMessage) {
        super("aws2-omics:uploadReadSet: read set " + readSetId + " ended UPLOAD_FAILED: " + statusMessage);
        this.readSetId = readSetId;
        this.statusMessage = statusMessage;
    }

    public String getReadSetId() {
        return readSetId;
    }

    /** The service's reason. */
    public String getStatusMessage() {
        return statusMessage;
    }
}
