package io.github.camelomics.aws2.omics;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Camel's own check of a polling consumer, the one the route's consumer check ({@code consumer:<routeId>}) asks, with
 * its readiness (DOWN before the first poll, by camel.health.initialState) and its reset by a good poll, plus what
 * polling HealthOmics needs: DOWN only once healthCheckErrorThreshold polls in a row have failed (Camel's own is DOWN at
 * the first), the last failure's AWS error code, HTTP status and message in the message and details, and failures
 * below the threshold in the details of an UP. The result holds no exception: Camel's health endpoint prints an
 * exception's stack trace when asked, and the code and message say what failed.
 */
final class ImportJobStatusHealthCheck extends ScheduledPollConsumerHealthCheck {

    /** The failed polls in a row that make the check DOWN, beside Camel's failure.error.count. */
    static final String FAILURE_ERROR_THRESHOLD = "failure.error.threshold";

    private final ImportJobStatusConsumer consumer;

    ImportJobStatusHealthCheck(ImportJobStatusConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result camel = super.call(options);
        long failed = consumer.getErrorCounter();
        Throwable last = consumer.lastPollFailure();
        if (!isEnabled() || failed == 0 || last == null) {
            return camel; // no failed poll: Camel's answer has nothing to add, and no exception
        }
        int threshold = consumer.getEndpoint().getConfiguration().getHealthCheckErrorThreshold();
        ServiceFailure failure = ServiceFailure.of(last);
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).details(camel.getDetails())
                .detail(FAILURE_ERROR_COUNT, failed).detail(FAILURE_ERROR_THRESHOLD, threshold);
        failure.addTo(builder);
        if (failed < threshold) {
            builder.message(failed + " of " + threshold + " polls in a row failed, the last with " + failure.description())
                    .up();
        } else {
            builder.message(camel.getMessage().map(message -> message + ": ").orElse("") + failure.description()).down();
        }
        return builder.build();
    }
}
