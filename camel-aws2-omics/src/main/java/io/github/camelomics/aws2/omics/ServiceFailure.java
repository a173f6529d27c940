package io.github.camelomics.aws2.omics;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A failed call as the health checks report it: the AWS error code, HTTP status and message, or the client's error
 * when HealthOmics was not reached. Text only, never a stack trace; AWS messages hold no secret.
 *
 * @param description what failed, one line: {@code InvalidSignatureException: The request signature ...}
 * @param errorCode   the AWS error code; null when the service did not answer one
 * @param statusCode  the HTTP status; null when the service did not answer
 */
record ServiceFailure(String description, String errorCode, Integer statusCode) {

    static ServiceFailure of(Throwable failure) {
        if (failure instanceof AwsServiceException aws) {
            // the error code may be absent (a proxy's HTML error page): describing must never throw
            AwsErrorDetails details = aws.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            return new ServiceFailure((code == null ? "HealthOmics error" : code) + ": "
                                      + (details == null ? aws.getMessage() : details.errorMessage()),
                    code, aws.statusCode());
        }
        if (failure instanceof SdkException) {
            return new ServiceFailure("HealthOmics is not reachable: " + failure.getMessage(), null, null);
        }
        return new ServiceFailure(failure.getClass().getSimpleName() + ": " + failure.getMessage(), null, null);
    }

    /** The status and the error code, where known, under the detail names of Camel's own checks. */
    void addTo(HealthCheckResultBuilder builder) {
        if (statusCode != null) {
            builder.detail(AbstractHealthCheck.SERVICE_STATUS_CODE, statusCode);
        }
        if (errorCode != null) {
            builder.detail(AbstractHealthCheck.SERVICE_ERROR_CODE, errorCode);
        }
    }
}
