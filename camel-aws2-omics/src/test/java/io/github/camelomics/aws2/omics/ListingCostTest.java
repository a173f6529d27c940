package io.github.camelomics.aws2.omics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.state.ImportSource;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.aws2.omics.support.SteppedTimer;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelomics.aws2.omics.emulator.model.Operation.GET_READ_SET_IMPORT_JOB;
import static io.github.camelomics.aws2.omics.emulator.model.Operation.LIST_READ_SET_IMPORT_JOBS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the consumer's polls and the producer's waits cost in calls, against the jobs in the store and the jobs still
 * running (and waited for): the table in docs/PERFORMANCE.md, printed by this test and written to
 * {@code target/listing-costs.md}. Calls are counted where they arrive, at the emulator; no time is measured.
 * <p>
 * The store holds a year of ended jobs, evenly spread, the last an hour ago, then the running jobs, each started by
 * its own waiting exchange. The consumer's first poll has {@code since=P1D}; the "before" figures are the algorithm
 * this replaced, computed: every poll listed the whole store, a first poll fetched every ended job, and each waiting
 * exchange called GetReadSetImportJob for each of its jobs every interval.
 */
class ListingCostTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b
            .submittedDuration(Duration.ofMinutes(2))
            .importDuration(Duration.ofMinutes(45))
            .maxActiveJobs(1000));

    private static final String FASTQ = "s3://lab-bucket/costs/S_R1.fastq.gz";
    private static final ImportSource HISTORY = new ImportSource("s3://lab-bucket/history/R1.fastq.gz", null, "FASTQ", "P1",
            "H", null, null, null, null, Map.of());
    private static final int PAGE = 100;
    private static final List<String> ROWS = new ArrayList<>();

    ListingCostTest() {
        super(EMULATOR);
    }

    private record Calls(long lists, long gets) {
        static Calls now() {
            return new Calls(EMULATOR.requestCounts().of(LIST_READ_SET_IMPORT_JOBS), EMULATOR.requestCounts().of(GET_READ_SET_IMPORT_JOB));
        }

        Calls since(Calls before) {
            return new Calls(lists - before.lists, gets - before.gets);
        }

        @Override
        public String toString() {
            return String.format("%,d List + %,d Get", lists, gets);
        }
    }

    private static long pages(long jobs) {
        return (jobs + PAGE - 1) / PAGE;
    }

    @ParameterizedTest(name = "{0} jobs in the store, {1} running")
    @CsvSource({ "1000, 10", "1000, 500", "20000, 10", "20000, 500" })
    @Timeout(120)
    void callsPerPollAndPerWaitInterval(int jobs, int running) throws Exception {
        int ended = jobs - running;
        Instant now = EMULATOR.clock().instant();
        Duration every = Duration.ofDays(365).dividedBy(ended);
        EMULATOR.state().addJobs(EMULATOR.sequenceStoreId(), HISTORY, IntStream.range(0, ended)
                .mapToObj(i -> now.minus(Duration.ofHours(1)).minus(every.multipliedBy(ended - 1 - i))).toList());
        long endedToday = IntStream.range(0, ended)
                .filter(i -> every.multipliedBy(ended - 1 - i).plusHours(1).compareTo(Duration.ofDays(1)) <= 0).count();

        // the running jobs, each waited for by its own exchange, on time that moves when the test says
        EMULATOR.s3().putFastq(FASTQ, 4, 50);
        SteppedTimer timer = new SteppedTimer(EMULATOR);
        Omics2Endpoint start = context.getEndpoint("aws2-omics:startReadSetImportJob?waitForCompletion=true", Omics2Endpoint.class);
        start.setWaitTimer(timer);
        AsyncProducer producer = start.createAsyncProducer();
        producer.start();
        CountDownLatch answered = new CountDownLatch(running);
        List<Exchange> waits = new ArrayList<>();
        for (int i = 0; i < running; i++) {
            Exchange exchange = start.createExchange();
            exchange.getMessage().setBody(List.of(Map.of("sourceFiles", Map.of("source1", FASTQ), "sourceFileType", "FASTQ",
                    "subjectId", "P1", "sampleId", "S" + i)));
            waits.add(exchange);
            assertFalse(producer.process(exchange, doneSync -> answered.countDown()));
        }
        timer.awaitPause(1);

        // the consumer: a first poll from since=P1D, then one from its watermark
        String uri = "aws2-omics:listReadSetImportJobs?startScheduler=false&since=P1D";
        context.getEndpoint(uri, Omics2Endpoint.class).setWaitTimer(clockOf(EMULATOR));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("events").to("log:events?level=OFF");
            }
        });
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("events").getConsumer();
        Calls before = Calls.now();
        consumer.run();
        Calls firstPoll = Calls.now().since(before);
        before = Calls.now();
        consumer.run();
        Calls poll = Calls.now().since(before);

        // one wait interval while every job runs, then the one in which they all end
        before = Calls.now();
        timer.release();
        timer.awaitPause(2);
        Calls interval = Calls.now().since(before);
        EMULATOR.finishImports();
        before = Calls.now();
        timer.release();
        assertTrue(answered.await(60, TimeUnit.SECONDS), answered.getCount() + " waits were not answered");
        Calls end = Calls.now().since(before);

        waits.forEach(e -> assertNull(e.getException()));
        assertEquals(new Calls(pages(endedToday + running), endedToday), firstPoll, "first poll");
        assertEquals(new Calls(pages(running), 0), poll, "poll from the watermark");
        assertEquals(new Calls(pages(running), 0), interval, "wait interval");
        assertEquals(new Calls(pages(running), running), end, "the interval in which every job ends");

        String row = String.format("| %,d | %,d | %s | %s | %s | %s | %s | %s | %s |", jobs, running,
                new Calls(pages(jobs), ended), firstPoll, new Calls(pages(jobs), 0), poll,
                new Calls(0, running), interval, end);
        ROWS.add(row);
        System.out.println(row);
    }

    @AfterAll
    static void writeTable() throws IOException {
        String table = "| Jobs in the store | Running (waited for) | First poll, before | First poll (since=P1D) "
                       + "| Each poll, before | Each poll | Each wait interval, before | Each wait interval "
                       + "| Interval in which all end |\n|---|---|---|---|---|---|---|---|---|\n"
                       + String.join("\n", ROWS) + "\n";
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/listing-costs.md"), table);
    }
}
