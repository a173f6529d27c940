package io.github.camelomics.aws2.omics.internal.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters in a Micrometer registry: the only class that knows Micrometer, an optional dependency. Each meter is
 * registered the first time its tags are seen and kept in a map by them, so a call looks up no registry; a gauge is
 * registered once per tag set and reads a value kept here.
 */
final class MicrometerMetrics implements OmicsMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetrics.class);
    /** The name camel-micrometer looks its registry up by. */
    private static final String REGISTRY_NAME = "metricsRegistry";

    /** A meter's name, what it means, its unit, and the names of its tags in the order the calls give them. */
    private enum Spec {
        REQUESTS("aws2.omics.requests", "HTTP attempts sent to HealthOmics, retries included", null, "operation",
                "outcome"),
        BUDGET_WAIT("aws2.omics.budget.wait", "Time an HTTP attempt waited for its request budget permit", null,
                "quota.line", "shared"),
        BUDGET_FALLBACK("aws2.omics.budget.fallback",
                "1 while the shared request budget paces in this JVM because its database failed", null, "budget.key"),
        JOBS_STARTED("aws2.omics.jobs.started", "Jobs the service started", null, "family", "store"),
        JOBS_ENDED("aws2.omics.jobs.ended", "Jobs a waiting request saw end, by status", null, "family", "store",
                "status"),
        ITEMS_ENDED("aws2.omics.job.items.ended", "Sources of ended jobs, by their own status", null, "family", "store",
                "status"),
        ITEMS_RETRIED("aws2.omics.job.items.retried", "Failed sources started again (retryFailedSources)", null,
                "family", "store"),
        JOBS_WAIT("aws2.omics.jobs.wait", "From the start of a waited request to its answer", null, "family", "store",
                "status"),
        JOBS_WAITING("aws2.omics.jobs.waiting", "Exchanges waiting for jobs now", null, "family", "store"),
        UPLOAD_BYTES("aws2.omics.upload.bytes", "Part bytes the service confirmed", "bytes", "store"),
        UPLOAD_PARTS("aws2.omics.upload.parts", "Upload parts sent, skipped on a resume, or sent again after a failed "
                                                + "attempt", null, "store", "outcome"),
        UPLOADS_ACTIVE("aws2.omics.uploads.active", "Uploads in progress", null, "store"),
        UPLOADS_ENDED("aws2.omics.uploads.ended", "Uploaded read sets that ended ACTIVE or UPLOAD_FAILED", null, "store",
                "status"),
        POLLS("aws2.omics.consumer.polls", "Polls of the import job status consumer", null, "store", "outcome"),
        EVENTS("aws2.omics.consumer.events", "Import job status events emitted", null, "store", "status"),
        LAG("aws2.omics.consumer.lag", "Time from the consumer's watermark to now", "seconds", "store");

        private final String meter;
        private final String description;
        private final String unit;
        private final String[] tags;

        Spec(String meter, String description, String unit, String... tags) {
            this.meter = meter;
            this.description = description;
            this.unit = unit;
            this.tags = tags;
        }
    }

    /** One meter's tags: the values in the order of its spec's tag names, unused ones null. */
    private record Key(Spec spec, String first, String second, String third) {

        Tags tags() {
            String[] values = { first, second, third };
            Tags tags = Tags.empty();
            for (int i = 0; i < spec.tags.length; i++) {
                tags = tags.and(spec.tags[i], values[i] == null ? "unknown" : values[i]);
            }
            return tags;
        }
    }

    private final MeterRegistry registry;
    /** Per operation, a counter per outcome (by ordinal): every HTTP attempt comes here. */
    private final Map<String, Counter[]> requests = new ConcurrentHashMap<>();
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    private final Map<Key, AtomicLong> levels = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<BooleanSupplier>> fallbacks = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Supplier<Instant>>> watermarks = new ConcurrentHashMap<>();

    MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** See {@link OmicsMetrics#of}. */
    static OmicsMetrics find(Function<Class<?>, Map<String, ?>> beansOfType) {
        Map<String, ?> registries = beansOfType.apply(MeterRegistry.class);
        Map.Entry<String, ?> picked = pick(beansOfType.apply(CompositeMeterRegistry.class));
        if (picked == null) {
            picked = pick(registries);
        }
        if (picked == null) {
            if (registries.isEmpty()) {
                LOG.debug("No MeterRegistry in the Camel registry: aws2-omics counts nothing");
            } else {
                LOG.warn("{} MeterRegistry beans in the Camel registry ({}), none named {} and no single "
                         + "CompositeMeterRegistry: aws2-omics counts nothing; name the one to use {}", registries.size(),
                        registries.keySet(), REGISTRY_NAME, REGISTRY_NAME);
            }
            return NONE;
        }
        LOG.info("aws2-omics meters go to MeterRegistry '{}' ({})", picked.getKey(),
                picked.getValue().getClass().getSimpleName());
        return new MicrometerMetrics((MeterRegistry) picked.getValue());
    }

    /** The bean named metricsRegistry, else the only one, else none. */
    private static Map.Entry<String, ?> pick(Map<String, ?> beans) {
        Object named = beans.get(REGISTRY_NAME);
        if (named != null) {
            return Map.entry(REGISTRY_NAME, named);
        }
        return beans.size() == 1 ? beans.entrySet().iterator().next() : null;
    }

    @Override
    public void attempt(String operation, Outcome outcome) {
        Counter[] byOutcome = requests.get(operation);
        if (byOutcome == null) {
            // every outcome at once: a series at 0 is there to alert on before its first increment
            byOutcome = requests.computeIfAbsent(operation, op -> {
                Counter[] counters = new Counter[Outcome.values().length];
                for (Outcome o : Outcome.values()) {
                    counters[o.ordinal()] = counter(new Key(Spec.REQUESTS, op, o.tag(), null));
                }
                return counters;
            });
        }
        byOutcome[outcome.ordinal()].increment();
    }

    @Override
    public void permitWait(String quotaLine, boolean shared, long nanos) {
        timer(Spec.BUDGET_WAIT, quotaLine, Boolean.toString(shared), null).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void budgetFallback(String budgetKey, BooleanSupplier onFallback) {
        replaceable(fallbacks, Spec.BUDGET_FALLBACK, budgetKey, f -> f.getAsBoolean() ? 1 : 0).set(onFallback);
    }

    @Override
    public void jobsStarted(String family, String store, int jobs) {
        counted(Spec.JOBS_STARTED, family, store, null).increment(jobs);
    }

    @Override
    public void jobEnded(String family, String store, String status) {
        counted(Spec.JOBS_ENDED, family, store, status).increment();
    }

    @Override
    public void itemsEnded(String family, String store, String status, int items) {
        counted(Spec.ITEMS_ENDED, family, store, status).increment(items);
        // retries follow ended items: their series is there at 0, to alert on, before the first retry
        counted(Spec.ITEMS_RETRIED, family, store, null);
    }

    @Override
    public void itemsRetried(String family, String store, int items) {
        counted(Spec.ITEMS_RETRIED, family, store, null).increment(items);
    }

    @Override
    public void waitEnded(String family, String store, String status, Duration waited) {
        timer(Spec.JOBS_WAIT, family, store, status).record(waited);
    }

    @Override
    public void waiting(String family, String store, int delta) {
        level(Spec.JOBS_WAITING, family, store).addAndGet(delta);
    }

    @Override
    public void uploadBytes(String store, long bytes) {
        counted(Spec.UPLOAD_BYTES, store, null, null).increment(bytes);
    }

    @Override
    public void uploadParts(String store, String outcome, int parts) {
        counted(Spec.UPLOAD_PARTS, store, outcome, null).increment(parts);
    }

    @Override
    public void uploadsInProgress(String store, int delta) {
        level(Spec.UPLOADS_ACTIVE, store, null).addAndGet(delta);
    }

    @Override
    public void readSetEnded(String store, String status) {
        counted(Spec.UPLOADS_ENDED, store, status, null).increment();
    }

    @Override
    public void poll(String store, boolean succeeded) {
        counted(Spec.POLLS, store, succeeded ? "success" : "failure", null).increment();
    }

    @Override
    public void eventEmitted(String store, String status) {
        counted(Spec.EVENTS, store, status, null).increment();
    }

    @Override
    public void consumerWatermark(String store, Supplier<Instant> watermark) {
        replaceable(watermarks, Spec.LAG, store, MicrometerMetrics::lagSeconds).set(watermark);
    }

    private static double lagSeconds(Supplier<Instant> watermark) {
        Instant at = watermark.get();
        return at == null ? Double.NaN : (System.currentTimeMillis() - at.toEpochMilli()) / 1000.0;
    }

    private Counter counted(Spec spec, String first, String second, String third) {
        Key key = new Key(spec, first, second, third);
        Counter counter = counters.get(key);
        return counter != null ? counter : counters.computeIfAbsent(key, this::counter);
    }

    private Counter counter(Key key) {
        return Counter.builder(key.spec().meter).description(key.spec().description).baseUnit(key.spec().unit)
                .tags(key.tags()).register(registry);
    }

    private Timer timer(Spec spec, String first, String second, String third) {
        Key key = new Key(spec, first, second, third);
        Timer timer = timers.get(key);
        return timer != null ? timer : timers.computeIfAbsent(key, k -> Timer.builder(spec.meter)
                .description(spec.description).tags(k.tags()).register(registry));
    }

    /** The value a gauge reads, registered with it the first time its tags are seen. */
    private AtomicLong level(Spec spec, String first, String second) {
        Key key = new Key(spec, first, second, null);
        AtomicLong level = levels.get(key);
        return level != null ? level : levels.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(spec.meter, value, AtomicLong::get).description(spec.description).baseUnit(spec.unit)
                    .tags(k.tags()).strongReference(true).register(registry);
            return value;
        });
    }

    /**
     * Where a gauge of one tag reads its source from, registered once: a source told again (a consumer started again)
     * takes the old one's place instead of leaving a second gauge on a stopped one.
     */
    private <T> AtomicReference<T> replaceable(Map<String, AtomicReference<T>> sources, Spec spec, String tag,
                                               ToDoubleFunction<T> read) {
        return sources.computeIfAbsent(tag, t -> {
            AtomicReference<T> source = new AtomicReference<>();
            Gauge.builder(spec.meter, source, s -> {
                T current = s.get();
                return current == null ? Double.NaN : read.applyAsDouble(current);
            }).description(spec.description).baseUnit(spec.unit).tags(new Key(spec, t, null, null).tags())
                    .strongReference(true).register(registry);
            return source;
        });
    }
}
