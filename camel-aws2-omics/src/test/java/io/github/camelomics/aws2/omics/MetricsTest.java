package io.github.camelomics.aws2.omics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.ImportJobStatusConsumerTest.PollCounter;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.s3.SyntheticFastqPair;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.aws2.omics.support.Replica;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.omics.model.ValidationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meters, with a Micrometer registry bound in the Camel registry, through the real SDK to the emulator: each is
 * checked against what reached the emulator (its request counts, its jobs, read sets and uploads) or what came back.
 * Without a registry, nothing is made to count with.
 */
class MetricsTest extends EmulatorTestSupport {

    private static final int PART = 64 * 1024;

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b.maxActiveJobs(1000));
    /** The service's 5 requests per second (burst 5), for the throttled answers. */
    @RegisterExtension
    static final OmicsEmulatorExtension RATE_LIMITED = emulator(b -> b.rateLimitPerSecond(5));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PollCounter polls = new PollCounter();

    @TempDir
    Path dir;

    MetricsTest() {
        super(EMULATOR);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        context.getRegistry().bind("polls", polls);
        return context;
    }

    private static String store() {
        return EMULATOR.sequenceStoreId();
    }

    private static String fastq(int sample) {
        return "s3://lab-bucket/run9/S" + sample + "_R1.fastq.gz";
    }

    private static Map<String, Object> source(int sample) {
        return Map.of("sourceFiles", Map.of("source1", fastq(sample)), "sourceFileType", "FASTQ", "subjectId", "P1",
                "sampleId", "S" + sample);
    }

    private double count(String meter, String... tags) {
        Counter counter = meters.find(meter).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String meter, String... tags) {
        Gauge gauge = meters.find(meter).tags(tags).gauge();
        assertNotNull(gauge, meter + " " + List.of(tags) + " is registered");
        return gauge.value();
    }

    /** The attempts of an operation the meters counted with this outcome. */
    private double attempts(Operation operation, String outcome) {
        return count("aws2.omics.requests", "operation", operation.modelName(), "outcome", outcome);
    }

    @Test
    void aWaitedImportWithAFailedSourceCountsItsJobItsSourcesAndItsWait() {
        EMULATOR.s3().putFastq(fastq(1), 4, 50);
        EMULATOR.s3().putFastq(fastq(2), 4, 50); // sample 3's file never arrived: that source fails
        String uri = "aws2-omics:startReadSetImportJob?waitForCompletion=true";
        onEmulatedTime(uri);
        Instant began = EMULATOR.clock().instant();

        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(List.of(source(1), source(2), source(3))));

        assertInstanceOf(ImportJobFailedException.class, exchange.getException());
        String[] family = { "family", "import", "store", store() };
        assertEquals(1, count("aws2.omics.jobs.started", family));
        assertEquals(1, count("aws2.omics.jobs.ended", "family", "import", "store", store(), "status",
                "COMPLETED_WITH_FAILURES"));
        assertEquals(1, count("aws2.omics.job.items.ended", "family", "import", "store", store(), "status", "FAILED"));
        assertEquals(2, count("aws2.omics.job.items.ended", "family", "import", "store", store(), "status", "FINISHED"));
        assertEquals(0, count("aws2.omics.job.items.retried", family));
        assertNotNull(meters.find("aws2.omics.job.items.retried").tags(family).counter(),
                "the retries' series is there at 0 before the first, to alert on");
        assertEquals(0, gauge("aws2.omics.jobs.waiting", family), "the exchange no longer waits");
        Timer wait = meters.get("aws2.omics.jobs.wait").tags(family).tag("status", "COMPLETED_WITH_FAILURES").timer();
        assertEquals(1, wait.count());
        assertEquals(Duration.between(began, EMULATOR.clock().instant()).toMillis(),
                (long) wait.totalTime(TimeUnit.MILLISECONDS), "timed on the endpoint's clock, emulated here");
        for (Operation op : List.of(Operation.START_READ_SET_IMPORT_JOB, Operation.GET_READ_SET_IMPORT_JOB,
                Operation.LIST_READ_SET_IMPORT_JOBS)) {
            assertEquals(EMULATOR.requestCounts().of(op), attempts(op, "success"), "every " + op.modelName() + " counted");
        }
    }

    @Test
    void aFailedSourceStartedAgainCountsTheRetryAndBothJobs() {
        EMULATOR.s3().putFastq(fastq(1), 4, 50);
        EMULATOR.s3().putFastq(fastq(2), 4, 50);
        EMULATOR.faults().failFirstImport(fastq(2));
        String uri = "aws2-omics:startReadSetImportJob?waitForCompletion=true&retryFailedSources=1";
        onEmulatedTime(uri);

        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(List.of(source(1), source(2))));

        assertNull(exchange.getException());
        assertEquals(2, EMULATOR.state().jobs(store()).size());
        assertEquals(2, count("aws2.omics.jobs.started", "family", "import", "store", store()));
        assertEquals(1, count("aws2.omics.job.items.retried", "family", "import", "store", store()));
        assertEquals(1, count("aws2.omics.jobs.ended", "family", "import", "store", store(), "status",
                "COMPLETED_WITH_FAILURES"));
        assertEquals(1, count("aws2.omics.jobs.ended", "family", "import", "store", store(), "status", "COMPLETED"));
        assertEquals(1, count("aws2.omics.job.items.ended", "family", "import", "store", store(), "status", "FAILED"));
        assertEquals(2, count("aws2.omics.job.items.ended", "family", "import", "store", store(), "status", "FINISHED"));
        assertEquals(1, meters.get("aws2.omics.jobs.wait").tag("status", "COMPLETED").timer().count(),
                "one waited request, its retry included");
        assertEquals(0, gauge("aws2.omics.jobs.waiting", "family", "import", "store", store()));
    }

    @Test
    void anUploadCountsItsBytesAndPartsAndItsReadSet() throws IOException {
        Path r1 = pair().r1();
        Path r2 = pair().r2();
        String uri = uploadUri("&waitForCompletion=true&pollInterval=1s");
        onEmulatedTime(uri);

        Exchange done = upload(uri, r1, Map.of(Omics2Constants.UPLOAD_SOURCE2, r2));

        assertNull(done.getException());
        long parts = parts(r1) + parts(r2);
        assertEquals(Files.size(r1) + Files.size(r2), count("aws2.omics.upload.bytes", "store", store()));
        assertEquals(parts, count("aws2.omics.upload.parts", "store", store(), "outcome", "sent"));
        assertEquals(parts, EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART));
        assertEquals(parts, attempts(Operation.UPLOAD_READ_SET_PART, "success"));
        assertEquals(0, count("aws2.omics.upload.parts", "store", store(), "outcome", "skipped"));
        assertEquals(0, count("aws2.omics.upload.parts", "store", store(), "outcome", "retried"));
        assertEquals(0, gauge("aws2.omics.uploads.active", "store", store()), "the upload is over");
        assertEquals(1, count("aws2.omics.uploads.ended", "store", store(), "status", "ACTIVE"));
    }

    @Test
    void aPartCutOffOnTheWayIsCountedAsANetworkAttemptAndARetriedPart() throws IOException {
        Path r1 = pair().r1();
        EMULATOR.faults().dropConnectionsDuringPart(1);

        Exchange done = upload(uploadUri("&partsInFlight=1"), r1, Map.of());

        assertNull(done.getException());
        assertEquals(1, attempts(Operation.UPLOAD_READ_SET_PART, "network"));
        assertEquals(1, count("aws2.omics.upload.parts", "store", store(), "outcome", "retried"));
        assertEquals(parts(r1), count("aws2.omics.upload.parts", "store", store(), "outcome", "sent"));
        assertEquals(EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART),
                attempts(Operation.UPLOAD_READ_SET_PART, "success") + attempts(Operation.UPLOAD_READ_SET_PART, "network"));
    }

    @Test
    void aResumedUploadCountsThePartsConfirmedBeforeAsSkipped() throws IOException {
        Path r1 = pair().r1();
        EMULATOR.faults().failNext(1, Operation.COMPLETE_MULTIPART_READ_SET_UPLOAD, ErrorShape.VALIDATION);
        Exchange kept = upload(uploadUri("&keepUploadOnFailure=true"), r1, Map.of());
        assertInstanceOf(ValidationException.class, kept.getException());
        assertEquals(1, attempts(Operation.COMPLETE_MULTIPART_READ_SET_UPLOAD, "client_error"));

        Exchange resumed = upload(uploadUri(""), r1, Map.of());

        assertNull(resumed.getException());
        assertEquals(parts(r1), count("aws2.omics.upload.parts", "store", store(), "outcome", "skipped"));
        assertEquals(parts(r1), count("aws2.omics.upload.parts", "store", store(), "outcome", "sent"),
                "sent by the first run only");
        assertEquals(0, gauge("aws2.omics.uploads.active", "store", store()), "both runs are over, the failed one too");
    }

    @Test
    void theConsumerCountsItsPollsItsEventsAndItsLag() throws Exception {
        EMULATOR.s3().putFastq(fastq(1), 4, 50);
        for (int sample : new int[] { 1, 2 }) { // sample 2's file is missing: its job ends FAILED
            assertNull(template.send("aws2-omics:startReadSetImportJob", e -> e.getMessage().setBody(List.of(source(sample))))
                    .getException());
        }
        // the first poll fails, once, with no retry
        EMULATOR.faults().failNext(1, Operation.LIST_READ_SET_IMPORT_JOBS, ErrorShape.INTERNAL_SERVER);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-omics:listReadSetImportJobs?delay=50&initialDelay=0&maxAttempts=1&pollStrategy=#polls")
                        .routeId("events").to("mock:events");
            }
        });

        polls.awaitMore(3);
        EMULATOR.finishImports();
        polls.awaitMore(3);
        double lag = gauge("aws2.omics.consumer.lag", "store", store());
        context.getRouteController().stopRoute("events");

        assertEquals(2, count("aws2.omics.consumer.events", "store", store(), "status", "SUBMITTED"));
        assertEquals(1, count("aws2.omics.consumer.events", "store", store(), "status", "COMPLETED"));
        assertEquals(1, count("aws2.omics.consumer.events", "store", store(), "status", "FAILED"));
        assertEquals(4, getMockEndpoint("mock:events").getReceivedCounter());
        assertEquals(1, count("aws2.omics.consumer.polls", "store", store(), "outcome", "failure"));
        assertEquals(1, attempts(Operation.LIST_READ_SET_IMPORT_JOBS, "server_error"));
        // one page a poll: each poll is one listing that reached the emulator
        assertEquals(EMULATOR.requestCounts().of(Operation.LIST_READ_SET_IMPORT_JOBS),
                count("aws2.omics.consumer.polls", "store", store(), "outcome", "success")
                + count("aws2.omics.consumer.polls", "store", store(), "outcome", "failure"));
        // the watermark is the jobs' creation time, on the emulator's clock: the lag is that far behind the real now
        double expected = Duration.between(OmicsEmulatorExtension.DEFAULT_START, Instant.now()).toSeconds();
        assertTrue(Math.abs(lag - expected) < 60, "lag " + lag + " s, about " + expected);
        assertTrue(Double.isNaN(gauge("aws2.omics.consumer.lag", "store", store())), "a stopped consumer has no lag");
    }

    @Test
    void aSharedBudgetWhoseDatabaseFailsRunsOnItsFallbackAndSaysSo() {
        context.getRegistry().bind("unreachable", unreachableDatabase());
        String uri = "aws2-omics:listReadSets?requestsPerSecond=5&sharedBudget=true&dataSource=#unreachable";

        Exchange listed = template.send(uri, e -> { });

        assertNull(listed.getException(), "the call goes on, paced in this JVM");
        assertEquals(1, gauge("aws2.omics.budget.fallback", "budget.key", "default"));
        Timer waited = meters.get("aws2.omics.budget.wait").tags("quota.line",
                "default/" + EMULATOR.emulator().region() + "/ListReadSets", "shared", "true").timer();
        assertEquals(1, waited.count(), "the one attempt's wait for its permit");
        assertEquals(1, attempts(Operation.LIST_READ_SETS, "success"));
    }

    @Test
    void theComponentsClientsCountTheirAttempts() {
        template.send("aws2-omics:listReadSets", e -> { });

        Omics2Component component = context.getComponent("aws2-omics", Omics2Component.class);
        assertNotSame(OmicsMetrics.NONE, component.metrics());
        Omics2Endpoint endpoint = context.getEndpoint("aws2-omics:listReadSets", Omics2Endpoint.class);
        assertEquals(List.of("AttemptMeter"), componentInterceptors(endpoint));
    }

    @Test
    void onCamelMainARegistryBoundByPropertiesIsFound() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.beans.metricsRegistry", "#class:" + SimpleMeterRegistry.class.getName());
        main.start();
        try {
            pointAtEmulator(main.getCamelContext(), EMULATOR);
            assertNull(main.getCamelContext().createProducerTemplate().send("aws2-omics:listReadSets", e -> { })
                    .getException());

            SimpleMeterRegistry bound = main.getCamelContext().getRegistry().lookupByNameAndType("metricsRegistry",
                    SimpleMeterRegistry.class);
            assertEquals(1, bound.get("aws2.omics.requests").tags("operation", "ListReadSets", "outcome", "success")
                    .counter().count());
        } finally {
            main.stop();
        }
    }

    @Test
    void everyThrottledAnswerIsCountedOnceRetriesIncluded() throws Exception {
        String list = "aws2-omics:listReadSets?maxAttempts=2";
        try (Replica replica = Replica.start(RATE_LIMITED, options -> { })) {
            replica.registry().bind("meters", meters);
            replica.endpoint(list); // its client is made before the burst
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<Exchange>> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    sent.add(pool.submit(() -> replica.send(list, null)));
                }
                for (Future<Exchange> exchange : sent) {
                    exchange.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        long throttled = RATE_LIMITED.throttledRequests();
        long counted = (long) attempts(Operation.LIST_READ_SETS, "throttled");
        System.out.println("OBSERVE | throttled | meter=" + counted + " emulator=" + throttled);
        assertTrue(throttled > 0, "20 requests at once against 5 a second");
        assertEquals(throttled, counted);
        assertEquals(RATE_LIMITED.requestCounts().of(Operation.LIST_READ_SETS),
                (long) (attempts(Operation.LIST_READ_SETS, "success") + counted), "every attempt that reached it");
    }

    @Test
    void withoutAMeterRegistryTheComponentAndItsClientsCountNothing() {
        try (Replica bare = Replica.start(EMULATOR, options -> { })) {
            assertNull(bare.send("aws2-omics:listReadSets", null).getException());

            Omics2Endpoint endpoint = bare.endpoint("aws2-omics:listReadSets");
            assertSame(OmicsMetrics.NONE, endpoint.getComponent().metrics());
            assertSame(OmicsMetrics.NONE, endpoint.resources().metrics());
            assertEquals(List.of(), componentInterceptors(endpoint),
                    "none sees the attempts (nor paces them, at requestsPerSecond=0)");
        }
        assertEquals(1, EMULATOR.requestCounts().of(Operation.LIST_READ_SETS));
        assertTrue(meters.getMeters().isEmpty(), "the registry of another context saw nothing");
    }

    @Test
    void everyHookOfNoneReturnsWithoutAllocating() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        OmicsMetrics none = OmicsMetrics.NONE;
        Duration waited = Duration.ofMinutes(47);
        BooleanSupplier onFallback = () -> false;
        Supplier<Instant> watermark = () -> null;
        long allocated = 0;
        for (int round = 0; round < 2; round++) { // the first round loads and links what the calls need
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                none.attempt("StartReadSetImportJob", OmicsMetrics.Outcome.THROTTLED);
                none.permitWait("default/us-east-1/StartReadSetImportJob", true, 1_000L + i);
                none.budgetFallback("default", onFallback);
                none.jobsStarted("import", "1234567890", i);
                none.jobEnded("import", "1234567890", "COMPLETED");
                none.itemsEnded("import", "1234567890", "FINISHED", i);
                none.itemsRetried("import", "1234567890", i);
                none.waitEnded("import", "1234567890", "COMPLETED", waited);
                none.waiting("import", "1234567890", 1);
                none.uploadBytes("1234567890", 67_108_864L + i);
                none.uploadParts("1234567890", OmicsMetrics.PART_SENT, 1);
                none.uploadsInProgress("1234567890", -1);
                none.readSetEnded("1234567890", "ACTIVE");
                none.poll("1234567890", true);
                none.eventEmitted("1234567890", "SUBMITTED");
                none.consumerWatermark("1234567890", watermark);
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertTrue(allocated < 1024, "160,000 calls allocated " + allocated + " bytes");
    }

    /** The component's own interceptors on the endpoint's client, by simple name (the SDK adds its own). */
    static List<String> componentInterceptors(Omics2Endpoint endpoint) {
        return endpoint.getClient().serviceClientConfiguration().overrideConfiguration().executionInterceptors().stream()
                .map(Object::getClass).filter(c -> c.getName().startsWith("io.github.camelomics."))
                .map(Class::getSimpleName).toList();
    }

    private String uploadUri(String extra) {
        return uploadUri(PART, dir.resolve("ledger"), extra);
    }

    private static long parts(Path file) throws IOException {
        return (Files.size(file) + PART - 1) / PART;
    }

    /** A gzip FASTQ pair of random reads, each file in three parts. */
    private SyntheticFastqPair pair() throws IOException {
        return SyntheticFastqPair.atLeast(dir, 2 * PART + 1);
    }

    /** A DataSource whose database never answers: every connection is refused. */
    private static DataSource unreachableDatabase() {
        return (DataSource) Proxy.newProxyInstance(MetricsTest.class.getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "unreachable";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new SQLException("connection refused");
                });
    }
}
