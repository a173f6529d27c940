package io.github.camelomics.aws2.omics.internal.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the component tells its meters, in the domain's words. {@link #NONE} when no Micrometer {@code MeterRegistry}
 * is bound in the Camel registry: every method then returns at once, so the bare path costs nothing more. Tags are
 * low-cardinality (store, operation, status, quota line, family): never a job id or a file name. Camel-free, so that
 * the job and upload engines are told directly; only {@code MicrometerMetrics}, beside it, knows Micrometer.
 * <p>
 * The meters (Micrometer's dotted names; Prometheus writes dots as underscores and adds {@code _total} to counters);
 * the README's "Metrics" section says what to alert on:
 * <ul>
 * <li>{@code aws2.omics.requests} counter {operation, outcome}: every HTTP attempt, retries included; outcome
 * success, throttled (429), client_error (other 4xx), server_error (5xx), network (no answer: connection lost,
 * attempt timed out)</li>
 * <li>{@code aws2.omics.budget.wait} timer {quota.line, shared}: time an attempt waited for its permit</li>
 * <li>{@code aws2.omics.budget.fallback} gauge {budget.key}: 1 while the shared budget runs on its per-JVM fallback</li>
 * <li>{@code aws2.omics.jobs.started} counter {family, store}: start calls the service answered (not a job found in
 * the start ledger)</li>
 * <li>{@code aws2.omics.jobs.ended} counter {family, store, status}: jobs a waiting request saw end</li>
 * <li>{@code aws2.omics.job.items.ended} counter {family, store, status}: their sources (items) by their own status</li>
 * <li>{@code aws2.omics.job.items.retried} counter {family, store}: failed items started again (retryFailedSources)</li>
 * <li>{@code aws2.omics.jobs.wait} timer {family, store, status}: from the start of a waited request to its answer,
 * retries included, tagged with the overall status</li>
 * <li>{@code aws2.omics.jobs.waiting} gauge {family, store}: exchanges waiting for jobs now</li>
 * <li>{@code aws2.omics.upload.bytes} counter {store}: part bytes the service confirmed</li>
 * <li>{@code aws2.omics.upload.parts} counter {store, outcome}: parts sent, skipped (confirmed before a resume),
 * retried (sent again by the SDK after a failed attempt)</li>
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

    /** The outcomes of {@link #uploadParts}. */
    String PART_SENT = "sent";
    String PART_SKIPPED = "skipped";
    String PART_RETRIED = "retried";

    /**
     * The meters of the MeterRegistry among these beans, picked as camel-micrometer picks its own (so both count into
     * the same): a CompositeMeterRegistry named metricsRegistry, else the only CompositeMeterRegistry (Spring Boot's,
     * which hands every meter to each of its registries), else a MeterRegistry named metricsRegistry, else the only
     * one. {@link #NONE} when Micrometer is not on the class path, or no registry is picked.
     *
     * @param beansOfType the beans of a type by name: the Camel registry's {@code findByTypeWithName}
     */
    static OmicsMetrics of(Function<Class<?>, Map<String, ?>> beansOfType) {
        return micrometerPresent() ? MicrometerMetrics.find(beansOfType) : NONE;
    }

    /** Whether Micrometer is on the class path: it is an optional dependency of the component. */
    private static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, OmicsMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

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

        /** What an HTTP status says of the attempt that got it. */
        public static Outcome of(int httpStatus) {
            if (httpStatus == 429) {
                return THROTTLED;
            }
            return httpStatus >= 500 ? SERVER_ERROR : httpStatus >= 400 ? CLIENT_ERROR : SUCCESS;
        }
    }

    /** @param operation the API operation, e.g. StartReadSetImportJob */
    default void attempt(String operation, Outcome outcome) {
    }

    /** @param quotaLine the line's id, budgetKey/region/operation */
    default void permitWait(String quotaLine, boolean shared, long nanos) {
    }

    /** Registers, once per budget key, whether the shared budget is on its fallback now; a later one replaces it. */
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

    /** @param outcome {@link #PART_SENT}, {@link #PART_SKIPPED} or {@link #PART_RETRIED} */
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

    /**
     * Registers, once per store, the consumer's watermark (null while it has none) for the lag gauge; a later one (the
     * consumer started again) replaces it.
     */
    default void consumerWatermark(String store, Supplier<Instant> watermark) {
    }
}
