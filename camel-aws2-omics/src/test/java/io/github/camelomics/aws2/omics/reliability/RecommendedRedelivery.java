package io.github.camelomics.aws2.omics.reliability;

import io.github.camelomics.aws2.omics.InvalidRequestException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.omics.model.InternalServerException;
import software.amazon.awssdk.services.omics.model.RequestTimeoutException;
import software.amazon.awssdk.services.omics.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.omics.model.ThrottlingException;

/**
 * The redelivery docs/RELIABILITY.md recommends, in one place so the fault tests use exactly that: the SDK retries
 * each call a few times quickly (retryMode=STANDARD, maxAttempts=3, apiCallAttemptTimeout), and Camel redelivers the
 * exchange when the SDK gives up, on transient failures only, with exponential back-off. A start is safe to repeat
 * because every attempt carries the same client token (clientTokenStrategy=content, the default).
 */
public final class RecommendedRedelivery {

    /** The endpoint options of the recommendation (the attempt timeout is the test's; 30s in production). */
    private static final String SDK_OPTIONS = "retryMode=STANDARD&maxAttempts=3";

    /** The start endpoint with the recommended SDK retries and the given attempt timeout. */
    public static String startEndpoint(long attemptTimeoutMillis) {
        return "aws2-omics:startReadSetImportJob?" + SDK_OPTIONS + "&apiCallAttemptTimeout=" + attemptTimeoutMillis;
    }

    private RecommendedRedelivery() {
    }

    /**
     * @param firstDelayMillis 1000 in production; a few milliseconds in tests
     */
    public static OnExceptionDefinition configure(RouteBuilder routes, long firstDelayMillis) {
        OnExceptionDefinition transientFailures = routes.onException(SdkClientException.class, ThrottlingException.class, InternalServerException.class,
                        RequestTimeoutException.class, ServiceQuotaExceededException.class)
                .maximumRedeliveries(6)
                .redeliveryDelay(firstDelayMillis)
                .useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(firstDelayMillis * 60)
                .retryAttemptedLogLevel(LoggingLevel.WARN);
        // a request that cannot be sent as given never succeeds by trying again
        routes.onException(InvalidRequestException.class).maximumRedeliveries(0);
        return transientFailures;
    }
}
