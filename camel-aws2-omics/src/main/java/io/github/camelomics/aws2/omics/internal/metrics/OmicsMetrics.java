package io.github.camelomics.aws2.omics.internal.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the component tells its meters, in the domain's words. {@link #NONE} when no Micrometer {@code MeterRegistry}
 * is bound in the Camel registry: every method then returns at once, so the bare path costs nothing more. Tags are
 * low-cardinality (store, operation, status, quota line, family): never a job id or a file name.
 * <p>
 * The meters (Micrometer's dotted names; Prometheus writes dots as underscores and adds {@code _total} to counters):
 * <ul>
 * <li>{@code aws2.omics.requests} counter {operation, outcome}: every HTTP attempt, retries included</li>
 * <li>{@code aws2.omics.budget.wait} timer {quota.line, shared}: time an attempt waited for its permit</li>
 * <li>{@code aws2.omics.budget.fallback} gauge {budget.key}: 1 while the shared budget runs on its per-JVM fallback</li>
 * <li>{@code aws2.omics.jobs.started} counter {family, store}</li>
 * <li>{@code aws2.omics.jobs.ended} counter {family, store, status}</li>
 * <li>{@code aws2.omics.job.items.ended} counter {family, store, status}: sources (items) by their own status</li>
 * <li>{@code aws2.omics.job.items.retried} counter {family, store}: failed items started again (retryFailedSources)</li>
 * <li>{@code aws2.omics.jobs.wait} timer {family, store, status}: from the start of a waited request to its end</li>
 * <li>{@code aws2.omics.jobs.waiting} gauge {family, store}: exchanges waiting for jobs now</li>
 * <li>{@code aws2.omics.upload.bytes} counter {store}: part bytes the service confirmed</li>
 * <li>{@code aws2.omics.upload.parts} counter {store, outcome}: parts sent, skipped (confirmed before a resume),
 * retried</li>
 * <li>{@code aws2.omics.uploads.active} gauge {store}: uploads in progress</li>
 * <li>{@code aws2.omics.uploads.ended} counter {store, status}: read sets that ended ACTIVE or UPLOAD_FAILED</li>
 * <li>{@code aws2.omics.consumer.polls} counter {store, outcome}: success or failure</li>
 * <li>{@code aws2.omics.consumer.events} counter {store, status}: status events emitted</li>
 * <li>{@code aws2.omics.consumer.lag} gauge {store}: seconds from the consumer's watermark to now</li>
 * </ul>
 */
public interface OmicsMetrics {

    /** No registry: nothing is counted. */
    OmicsMetrics NONE = new OmicsMetrics() {
    };

    /** How an HTTP attempt ended. */
    enum Outcome {
        SUCCESS,
        THROTTLED,
        CLIENT_ERROR,
        SERVER_ERROR,
        NETWORK;

        /** The tag value: lower case. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param operation the API operation, e.g. StartReadSetImportJob */
    default void attempt(String operation, Outcome outcome) {
    }

    default void permitWait(String quotaLine, boolean shared, long nanos) {
    }

    /** Registers, once per budget key, whether the shared budget is on its fallback now. */
    default void budgetFallback(String budgetKey, BooleanSupplier onFallback) {
    }

    /** @param family e.g. import */
    default void jobsStarted(String family, String store, int jobs) {
    }

    default void jobEnded(String family, String store, String status) {
    }

    default void itemsEnded(String family, String store, String status, int items) {
    }

    default void itemsRetried(String family, String store, int items) {
    }

    /** A waited request ended, with this overall status, this long after its start. */
    default void waitEnded(String family, String store, String status, Duration waited) {
    }

    /** @param delta +1 when an exchange starts waiting for jobs, -1 when its wait is over */
    default void waiting(String family, String store, int delta) {
    }

    default void uploadBytes(String store, long bytes) {
    }

    /** @param outcome sent, skipped or retried */
    default void uploadParts(String store, String outcome, int parts) {
    }

    /** @param delta +1 when an upload begins, -1 when it ends, whichever way */
    default void uploadsInProgress(String store, int delta) {
    }

    /** @param status ACTIVE or UPLOAD_FAILED */
    default void readSetEnded(String store, String status) {
    }

    default void poll(String store, boolean succeeded) {
    }

    default void eventEmitted(String store, String status) {
    }

    /** Registers, once per store, the consumer's watermark (null while it has none) for the lag gauge. */
    default void consumerWatermark(String store, Supplier<Instant> watermark) {
    }
}
