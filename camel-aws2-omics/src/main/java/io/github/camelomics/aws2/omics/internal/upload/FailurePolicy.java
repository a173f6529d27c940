package io.github.camelomics.aws2.omics.internal.upload;

import io.github.camelomics.aws2.omics.UploadLedger.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What becomes of an upload that failed after its Create: kept with its record for the next attempt when the failure is
 * retryable, or when asked to keep it (keepUploadOnFailure); aborted and forgotten otherwise. A file that changed while
 * it was sent is always aborted: its parts are of two versions.
 */
final class FailurePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(FailurePolicy.class);

    private final UploadCalls calls;
    private final LedgerEntry entry;
    private final boolean keepOnFailure;

    FailurePolicy(UploadCalls calls, LedgerEntry entry, boolean keepOnFailure) {
        this.calls = calls;
        this.entry = entry;
        this.keepOnFailure = keepOnFailure;
    }

    /** Keeps or aborts the upload, and gives back the failure to throw. */
    RuntimeException keepOrAbort(Upload upload, RuntimeException failure) {
        if (retryable(failure)) {
            LOG.warn("Upload {} of {} failed ({}); kept for a resume: the next attempt goes on from its first missing "
                     + "part", upload.uploadId(), entry.source1(), failure.toString());
            return failure;
        }
        if (keepOnFailure && !(failure instanceof FileChangedException)) {
            LOG.warn("Upload {} of {} failed ({}); kept for a later resume (keepUploadOnFailure=true)",
                    upload.uploadId(), entry.source1(), failure.toString());
            return failure;
        }
        LOG.warn("Upload {} of {} failed ({}); aborting it", upload.uploadId(), entry.source1(), failure.toString());
        calls.abortQuietly(upload.uploadId());
        entry.forget();
        return failure;
    }

    /**
     * A network failure or timeout (the SDK's client exceptions, after its own retries), a 5xx, throttling (429) or a
     * request timeout (408): the parts confirmed so far stay good. A 4xx refusal (a checksum the service does not
     * accept, an upload it no longer knows) would be refused again. Not the SDK's {@code SdkException.retryable()}: it
     * answers false for a 500 and for most client exceptions, which a later attempt does mend.
     */
    static boolean retryable(RuntimeException failure) {
        if (failure instanceof FileChangedException) {
            return false;
        }
        if (failure instanceof AwsServiceException aws) {
            int status = aws.statusCode();
            return status >= 500 || status == 429 || status == 408 || aws.isThrottlingException();
        }
        return failure instanceof SdkClientException || failure.getCause() instanceof InterruptedException;
    }
}
