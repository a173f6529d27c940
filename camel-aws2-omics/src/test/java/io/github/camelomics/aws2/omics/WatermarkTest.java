package io.github.camelomics.aws2.omics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.emulator.state.ImportSource;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_STATUS;
import static io.github.camelomics.aws2.omics.emulator.model.Operation.GET_READ_SET_IMPORT_JOB;
import static io.github.camelomics.aws2.omics.emulator.model.Operation.LIST_READ_SET_IMPORT_JOBS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer lists from a watermark, the creation time of the oldest job it has not seen end, so a poll costs the
 * jobs still of interest and not the store's history; the first poll starts at option since. Against the emulator
 * holding a history of ended jobs (added straight to its state), with polls run one at a time by the test
 * ({@code startScheduler=false}) and their calls counted at the emulator. Jobs take 1 + 5 s of the emulator's clock.
 */
class WatermarkTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b.maxActiveJobs(100));

    private static final ImportSource HISTORY_SOURCE = new ImportSource("s3://lab-bucket/history/R1.fastq.gz", null, "FASTQ",
            "P1", "H", null, null, null, null, Map.of());

    WatermarkTest() {
        super(EMULATOR);
    }

    private static long calls(Operation operation) {
        return EMULATOR.requestCounts().of(operation);
    }

    /** {@code count} ended jobs, one every {@code every}, the last {@code before} the emulator's time. */
    private static List<ImportJob> history(int count, Duration every, Duration before) {
        Instant last = EMULATOR.clock().instant().minus(before);
        return EMULATOR.state().addJobs(EMULATOR.sequenceStoreId(), HISTORY_SOURCE,
                IntStream.range(0, count).mapToObj(i -> last.minus(every.multipliedBy(count - 1 - i))).toList());
    }

    private static String startJob(ProducerTemplate producer, String sample) {
        String source = "s3://lab-bucket/" + sample + "_R1.fastq.gz";
        EMULATOR.s3().putFastq(source, 4, 50);
        Exchange started = producer.send("aws2-omics:startReadSetImportJob", e -> e.getMessage().setHeaders(new HashMap<>(Map.of(
                Omics2Constants.SOURCE1, source, Omics2Constants.SOURCE_FILE_TYPE, "FASTQ",
                Omics2Constants.SUBJECT_ID, "P1", Omics2Constants.SAMPLE_ID, sample))));
        assertNull(started.getException());
        return started.getMessage().getHeader(IMPORT_JOB_ID, String.class);
    }

    private static Instant created(String jobId) {
        return EMULATOR.state().job(EMULATOR.sequenceStoreId(), jobId).orElseThrow().creationTime();
    }

    /** The consumer's route, polled only when the test says; its clock (for since) is the emulator's. */
    private static ScheduledPollConsumer consume(CamelContext context, String options) throws Exception {
        String uri = "aws2-omics:listReadSetImportJobs?startScheduler=false" + options;
        context.getEndpoint(uri, Omics2Endpoint.class).setWaitTimer(clockOf(EMULATOR));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("events").to("mock:events");
            }
        });
        return (ScheduledPollConsumer) context.getRoute("events").getConsumer();
    }

    private static List<String> events(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(IMPORT_JOB_ID) + ":" + e.getMessage().getHeader(IMPORT_JOB_STATUS))
                .toList();
    }

    @Test
    void theFirstPollStartsWhereSinceSaysAndReplaysNoOlderHistory() throws Exception {
        history(1000, Duration.ofHours(8), Duration.ofDays(2));
        String endedToday = history(1, Duration.ZERO, Duration.ofHours(3)).get(0).id();
        String first = startJob(template, "S1");
        String second = startJob(template, "S2");
        MemoryWatermarkStore watermarks = new MemoryWatermarkStore();
        context.getRegistry().bind("marks", watermarks);
        ScheduledPollConsumer consumer = consume(context, "&since=P1D&watermarkStore=#marks");
        long lists = calls(LIST_READ_SET_IMPORT_JOBS);
        long gets = calls(GET_READ_SET_IMPORT_JOB);

        consumer.run();

        assertEquals(List.of(endedToday + ":FAILED", first + ":SUBMITTED", second + ":SUBMITTED"),
                events(getMockEndpoint("mock:events")));
        assertEquals(1, calls(LIST_READ_SET_IMPORT_JOBS) - lists, "one page: the last day, not 1,003 jobs");
        assertEquals(1, calls(GET_READ_SET_IMPORT_JOB) - gets, "only the job that ended today was fetched");
        assertEquals(created(first), watermarks.watermark(EMULATOR.sequenceStoreId()), "the oldest job not ended");
    }

    @Test
    void theWatermarkFollowsTheOldestJobNotSeenToEnd() throws Exception {
        history(300, Duration.ofMinutes(10), Duration.ofDays(1));
        String first = startJob(template, "S1");
        EMULATOR.advanceClock(Duration.ofSeconds(2));
        String second = startJob(template, "S2");
        MemoryWatermarkStore watermarks = new MemoryWatermarkStore();
        context.getRegistry().bind("marks", watermarks);
        ScheduledPollConsumer consumer = consume(context, "&watermarkStore=#marks&terminalStatusesOnly=true");
        String store = EMULATOR.sequenceStoreId();

        consumer.run(); // no since: the whole history, once
        assertEquals(300, getMockEndpoint("mock:events").getReceivedCounter());
        assertEquals(created(first), watermarks.watermark(store));

        EMULATOR.advanceClock(Duration.ofSeconds(5)); // the first has ended, the second runs
        long lists = calls(LIST_READ_SET_IMPORT_JOBS);
        consumer.run();
        assertEquals(1, calls(LIST_READ_SET_IMPORT_JOBS) - lists, "from the watermark: one page, not four");
        assertEquals(created(second), watermarks.watermark(store));

        EMULATOR.finishImports();
        consumer.run();
        assertEquals(created(second), watermarks.watermark(store), "all ended: the newest listed");
        List<String> events = events(getMockEndpoint("mock:events"));
        assertEquals(List.of(first + ":COMPLETED", second + ":COMPLETED"), events.subList(300, events.size()));
    }

    @Test
    void anEndWhoseExchangeFailedHoldsTheWatermarkUntilItIsEmitted() throws Exception {
        String first = startJob(template, "S1");
        EMULATOR.advanceClock(Duration.ofSeconds(2));
        String second = startJob(template, "S2");
        MemoryWatermarkStore watermarks = new MemoryWatermarkStore();
        context.getRegistry().bind("marks", watermarks);
        String uri = "aws2-omics:listReadSetImportJobs?startScheduler=false&terminalStatusesOnly=true&watermarkStore=#marks";
        int[] attempts = new int[1];
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("events").process(e -> {
                    if (attempts[0]++ == 0) {
                        throw new IllegalStateException("the lab database is down");
                    }
                }).to("mock:events");
            }
        });
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("events").getConsumer();
        EMULATOR.advanceClock(Duration.ofSeconds(5)); // the first has ended, the second runs

        consumer.run();
        assertEquals(created(first), watermarks.watermark(EMULATOR.sequenceStoreId()), "held at the failed end");

        consumer.run();
        assertEquals(List.of(first + ":COMPLETED"), events(getMockEndpoint("mock:events")));
        assertEquals(created(second), watermarks.watermark(EMULATOR.sequenceStoreId()));
    }

    @Test
    void aWatermarkKeptInAFileSurvivesARestartSoHistoryIsNotListedAgain(@TempDir Path dir) throws Exception {
        history(250, Duration.ofMinutes(30), Duration.ofHours(1));
        String running = startJob(template, "S1");
        String file = dir.resolve("omics-watermarks.properties").toString();
        context.getRegistry().bind("marks", new FileWatermarkStore(file));
        consume(context, "&watermarkStore=#marks").run();
        assertEquals(251, getMockEndpoint("mock:events").getReceivedCounter());
        context.stop();

        // a new process: a new context, an empty in-memory repository, the same watermark file
        try (CamelContext restarted = new DefaultCamelContext()) {
            pointAtEmulator(restarted, EMULATOR);
            restarted.getRegistry().bind("marks", new FileWatermarkStore(file));
            restarted.start();
            ScheduledPollConsumer consumer = consume(restarted, "&watermarkStore=#marks");
            long lists = calls(LIST_READ_SET_IMPORT_JOBS);
            long gets = calls(GET_READ_SET_IMPORT_JOB);

            consumer.run();

            assertEquals(List.of(running + ":SUBMITTED"), events(MockEndpoint.resolve(restarted, "mock:events")),
                    "the repository forgot it, the watermark kept the 250 ended jobs out");
            assertEquals(1, calls(LIST_READ_SET_IMPORT_JOBS) - lists);
            assertEquals(0, calls(GET_READ_SET_IMPORT_JOB) - gets);
        }
    }

    @Test
    void aRepositoryThatCanKeepTheWatermarkKeepsItToo() throws Exception {
        String running = startJob(template, "S1");
        RepositoryWithWatermarks repository = new RepositoryWithWatermarks();
        context.getRegistry().bind("seen", repository);

        consume(context, "&idempotentRepository=#seen").run();

        assertTrue(repository.contains(running + ":SUBMITTED"));
        assertEquals(created(running), repository.watermark(EMULATOR.sequenceStoreId()));
    }

    @Test
    void sinceIsADurationOrAnInstant() {
        Exception e = assertThrows(Exception.class, () -> consume(context, "&since=yesterday"));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals("aws2-omics:listReadSetImportJobs consumer: option since must be a duration back from now (P1D, "
                     + "24h, 90m) or an instant with its offset (2025-06-01T00:00:00Z), but was 'yesterday'",
                root.getMessage());
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        assertEquals(now.minus(Duration.ofDays(1)), Since.parse("P1D").from(now));
        assertEquals(now.minus(Duration.ofHours(24)), Since.parse("24h").from(now));
        assertEquals(now.minus(Duration.ofMinutes(90)), Since.parse("1h30m").from(now));
        assertEquals(Instant.parse("2025-05-01T00:00:00Z"), Since.parse("2025-05-01T02:00:00+02:00").from(now));
    }

    /** A repository kept where its watermark is, as a database-backed one would be. */
    static final class RepositoryWithWatermarks extends MemoryIdempotentRepository implements WatermarkStore {
        private final MemoryWatermarkStore watermarks = new MemoryWatermarkStore();

        @Override
        public Instant watermark(String sequenceStoreId) {
            return watermarks.watermark(sequenceStoreId);
        }

        @Override
        public void advance(String sequenceStoreId, Instant watermark) {
            watermarks.advance(sequenceStoreId, watermark);
        }
    }
}
