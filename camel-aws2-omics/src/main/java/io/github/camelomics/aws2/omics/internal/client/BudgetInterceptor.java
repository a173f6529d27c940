package io.github.camelomics.aws2.omics.internal.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.QuotaLine;
import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * The one place where requests draw from the {@link RequestBudget}: just before each HTTP attempt is sent, retries
 * included, whoever made the call (producer, job wait, consumer, health check).
 * <p>
 * The wait for a permit is part of the attempt, so it counts against apiCallAttemptTimeout and apiCallTimeout like a
 * slow answer does. A permit that cannot be had within what is left of them is not taken: the attempt waits until the
 * SDK's own timer ends it, and the call fails or is retried exactly as any attempt that overran
 * (ApiCallAttemptTimeoutException, retried while attempts remain; ApiCallTimeoutException). Without those timeouts a
 * call waits as long as the budget requires; an exhausted budget never fails a call by itself.
 * <p>
 * With a MeterRegistry bound, the time each attempt waited is told to the metrics; without one, not even the clock is
 * read.
 */
final class BudgetInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> CALL_START = new ExecutionAttribute<>("aws2-omics.callStartNanos");
    /**
     * The quota lines of the upload operations, at the service's own rates (HealthOmics quotas page): parts 10 per
     * second; Create, Complete and Abort 1, not adjustable. Every other operation is paced at requestsPerSecond.
     */
    private static final Map<String, Double> UPLOAD_QUOTAS = Map.of("UploadReadSetPart", 10.0,
            "CreateMultipartReadSetUpload", 1.0, "CompleteMultipartReadSetUpload", 1.0, "AbortMultipartReadSetUpload", 1.0);

    private final RequestBudget budget;
    /** Whether the budget is shared with other replicas (the PostgreSQL one, or the user's): a tag of the wait timer. */
    private final boolean shared;
    private final OmicsMetrics metrics;
    private final boolean timed;
    /** Where each permit is told, for the dev console and JMX. */
    private final QuotaLineUse use;
    private final String budgetKey;
    private final double permitsPerSecond;
    private final long attemptTimeoutNanos;
    private final long callTimeoutNanos;

    BudgetInterceptor(QuotaLineUse use, OmicsMetrics metrics, String budgetKey, double permitsPerSecond,
                      long attemptTimeoutMillis, long callTimeoutMillis) {
        this.budget = use.budget();
        this.use = use;
        this.shared = use.shared();
        this.metrics = metrics;
        this.timed = metrics != OmicsMetrics.NONE;
        this.budgetKey = budgetKey;
        this.permitsPerSecond = permitsPerSecond;
        this.attemptTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(attemptTimeoutMillis);
        this.callTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(callTimeoutMillis);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(CALL_START, System.nanoTime());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        QuotaLine line = new QuotaLine(budgetKey, region == null ? "unknown" : region.id(), operation,
                UPLOAD_QUOTAS.getOrDefault(operation, permitsPerSecond));
        Long callStart = attributes.getAttribute(CALL_START);
        long callLeft = callTimeoutNanos > 0 && callStart != null
                ? callTimeoutNanos - (System.nanoTime() - callStart) : Long.MAX_VALUE;
        long maxWait = Math.max(0, Math.min(attemptTimeoutNanos > 0 ? attemptTimeoutNanos : Long.MAX_VALUE, callLeft));
        try {
            long asked = System.nanoTime();
            boolean granted = budget.acquire(line, maxWait == Long.MAX_VALUE ? null : Duration.ofNanos(maxWait));
            long waited = System.nanoTime() - asked;
            if (timed) {
                metrics.permitWait(line.id(), shared, waited);
            }
            if (granted) {
                use.permitTaken(line, waited);
                return;
            }
            // no permit in time: the SDK's timers started before this attempt, so they end it while this sleeps
            TimeUnit.NANOSECONDS.sleep(maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.builder().message("interrupted while waiting for the request budget of " + line.id())
                    .cause(e).build();
        } catch (RuntimeException e) {
            throw SdkClientException.builder().message("the request budget failed for " + line.id() + ": " + e)
                    .cause(e).build();
        }
        throw callLeft <= attemptTimeoutNanos || attemptTimeoutNanos == 0
                ? ApiCallTimeoutException.create(TimeUnit.NANOSECONDS.toMillis(callTimeoutNanos))
                : ApiCallAttemptTimeoutException.create(TimeUnit.NANOSECONDS.toMillis(attemptTimeoutNanos));
    }
}
