package io.github.camelomics.examples.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.state.ImportSource;
import io.github.camelomics.testing.postgres.PostgresServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.RoutePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The job-events pattern of the replica app, in one JVM for speed: two replicas (Camel contexts) poll one store,
 * remembering what they emitted in camel-sql's JdbcMessageIdRepository and their watermark in the same real
 * PostgreSQL. Under a ClusteredRoutePolicy on the file-lock cluster service only the leader polls, and when it stops
 * the other takes over and emits the new ends only; without the policy both poll, and the repository alone still
 * makes each end emitted once.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StatusEventsOnceTest {

    private static final ImportSource SOURCE = new ImportSource("s3://lab-bucket/missing/R1.fastq.gz", null, "FASTQ",
            "P1", "S", null, null, null, null, Map.of());

    private static Path dir;
    private static PostgresServer postgres;
    private static OmicsEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("omics-leader-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        postgres = PostgresServer.start(dir.resolve("postgres"));
        new WorkTable(postgres.dataSource()).createSchema();
        emulator = OmicsEmulator.builder().port(0).credentials("AKIDLEADER", "leader-secret").maxActiveJobs(1000)
                .build().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (emulator != null) {
            emulator.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void onlyTheLeaderEmitsAndItsSuccessorEmitsNothingTwice() throws Exception {
        Queue<String> events = new ConcurrentLinkedQueue<>();
        try (CamelContext first = replica("replica-1", events); CamelContext second = replica("replica-2", events)) {
            first.start();
            await(() -> first.getRouteController().getRouteStatus("job-events").isStarted(), "replica-1 leads");
            second.start();
            List<String> early = addEndedJobs(3);
            await(() -> events.size() >= 3, "the first three ends");
            Thread.sleep(1500); // the follower's chances to emit them too, had it been polling

            first.stop(); // the leader goes away; its lock is released
            await(() -> second.getRouteController().getRouteStatus("job-events").isStarted(), "replica-2 takes over");
            List<String> late = addEndedJobs(2);
            await(() -> events.size() >= 5, "the two later ends");
            Thread.sleep(1500);

            Map<String, List<String>> byReplica = events.stream().collect(Collectors.groupingBy(
                    e -> e.substring(0, e.indexOf(' ')), Collectors.mapping(e -> e.substring(e.indexOf(' ') + 1),
                            Collectors.toList())));
            assertEquals(early.stream().map(id -> id + ":FAILED").toList(), byReplica.get("replica-1"));
            assertEquals(late.stream().map(id -> id + ":FAILED").toList(), byReplica.get("replica-2"),
                    "the successor lists from the shared watermark and skips what the repository holds");
            assertEquals(5, events.size(), "each end once: " + events);
        }
    }

    @Test
    void twoReplicasPollingAtOnceEmitEachEndOnceThroughTheSharedRepository() throws Exception {
        Queue<String> events = new ConcurrentLinkedQueue<>();
        List<String> jobs = new ArrayList<>();
        try (CamelContext first = replica("replica-1", events, false);
             CamelContext second = replica("replica-2", events, false)) {
            first.start();
            second.start();
            for (int batch = 0; batch < 5; batch++) {
                jobs.addAll(addEndedJobs(4));
                int expected = jobs.size();
                await(() -> events.size() >= expected, expected + " ends");
            }
            Thread.sleep(1500); // more polls of both, over jobs both have listed

            List<String> emitted = events.stream().map(e -> e.substring(e.indexOf(' ') + 1)).sorted().toList();
            assertEquals(jobs.stream().map(id -> id + ":FAILED").sorted().toList(), emitted, "each end once: " + events);
        }
    }

    private static CamelContext replica(String name, Queue<String> events) throws Exception {
        return replica(name, events, true);
    }

    /** A replica: the component on the emulator and the database, the events route, under the leader-only policy or not. */
    private static CamelContext replica(String name, Queue<String> events, boolean leaderOnly) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(dir.resolve("cluster-lock").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(1, TimeUnit.SECONDS);
        context.addService(cluster);
        Omics2Configuration options = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
        options.setRegion(emulator.region());
        options.setAccessKey("AKIDLEADER");
        options.setSecretKey("leader-secret");
        options.setOverrideEndpoint(true);
        options.setUriEndpointOverride(emulator.endpoint().toString());
        options.setSequenceStoreId(emulator.sequenceStoreId());
        options.setDataSource(postgres.dataSource());
        options.setSharedWatermark(true);
        options.setIdempotentRepository(new JdbcMessageIdRepository(postgres.dataSource(), "omics-job-events"));
        List<RoutePolicy> policies = leaderOnly
                ? List.of(ClusteredRoutePolicy.forNamespace("omics-job-events")) : List.of();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-omics:listReadSetImportJobs?terminalStatusesOnly=true&since=PT1H&delay=200")
                        .routeId("job-events").routePolicy(policies.toArray(new RoutePolicy[0]))
                        .process(e -> events.add(name + " " + e.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID)
                                                 + ":" + e.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS)));
            }
        });
        return context;
    }

    /** Jobs created a minute ago whose source is missing: they have ended FAILED by the next read. */
    private static List<String> addEndedJobs(int count) {
        Instant created = Instant.now().minus(Duration.ofMinutes(1));
        return emulator.state().addJobs(emulator.sequenceStoreId(), SOURCE,
                java.util.Collections.nCopies(count, created)).stream().map(job -> job.id()).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.awaitUntil(Duration.ofSeconds(30), Duration.ofMillis(50), condition::getAsBoolean, what);
    }
}
