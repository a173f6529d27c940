package io.github.camelomics.aws2.omics.internal.client;

import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics.Outcome;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.omics.model.UploadReadSetPartRequest;

/**
 * Tells the metrics how each HTTP attempt ended, retries included, whoever made the call: installed after the
 * {@link BudgetInterceptor}, so it sees the attempts that had their permit and went out, and only when a MeterRegistry
 * is bound. The SDK tells no interceptor of an attempt that got no answer (connection lost, attempt timed out): it is
 * counted as network when the next attempt begins, or when the call fails.
 */
final class AttemptMeter implements ExecutionInterceptor {

    /** The attempts of this call that went out; the last one still unanswered while {@link #UNANSWERED}. */
    private static final ExecutionAttribute<Integer> SENT = new ExecutionAttribute<>("aws2-omics.attemptsSent");
    private static final ExecutionAttribute<Boolean> UNANSWERED = new ExecutionAttribute<>("aws2-omics.attemptUnanswered");

    private final OmicsMetrics metrics;

    AttemptMeter(OmicsMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        endUnanswered(attributes);
        Integer sent = attributes.getAttribute(SENT);
        if (sent != null && context.request() instanceof UploadReadSetPartRequest part) {
            metrics.uploadParts(part.sequenceStoreId(), OmicsMetrics.PART_RETRIED, 1);
        }
        attributes.putAttribute(SENT, sent == null ? 1 : sent + 1);
        attributes.putAttribute(UNANSWERED, Boolean.TRUE);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(UNANSWERED, Boolean.FALSE);
        metrics.attempt(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                Outcome.of(context.httpResponse().statusCode()));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        endUnanswered(attributes);
    }

    private void endUnanswered(ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(UNANSWERED))) {
            attributes.putAttribute(UNANSWERED, Boolean.FALSE);
            metrics.attempt(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), Outcome.NETWORK);
        }
    }
}
