package io.github.camelomics.aws2.omics.internal.upload;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Which failures of an upload a later attempt can mend, so that the upload is kept for it. */
final class UploadFailures {

    private UploadFailures() {
    }

    /**
     * A network failure or timeout (the SDK's client exceptions, after its own retries), a 5xx, throttling (429) or a
     * request timeout (408): the parts confirmed so far stay good. A 4xx refusal (a checksum the service does not
     * accept, an upload it no longer knows) would be refused again.
     */
    static boolean mendable(RuntimeException failure) {
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
