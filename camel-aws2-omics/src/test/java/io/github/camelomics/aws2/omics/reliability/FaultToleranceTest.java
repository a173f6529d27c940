package io.github.camelomics.aws2.omics.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 200 starts per fault kind, 8 at a time, with the recommended redelivery: every exchange ends with its job, and no
 * job is made twice. Faults are armed as the exchanges go, some beyond the SDK's 3 attempts so that Camel redelivers.
 */
class FaultToleranceTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b.maxActiveJobs(1_000_000));

    static final int EXCHANGES = 200;
    static final int THREADS = 8;
    static final Operation START = Operation.START_READ_SET_IMPORT_JOB;

    /** What to arm before exchange i; null when none. */
    private volatile IntConsumer faultBefore = i -> {
    };
    private volatile Runnable onRedelivery = () -> {
    };
    private final AtomicInteger redeliveries = new AtomicInteger();

    FaultToleranceTest() {
        super(EMULATOR);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                RecommendedRedelivery.configure(this, 5).onRedelivery(e -> {
                    redeliveries.incrementAndGet();
                    onRedelivery.run();
                });
                from("direct:import").routeId("import")
                        .process(e -> faultBefore.accept(e.getMessage().getHeader("index", Integer.class)))
                        .to(RecommendedRedelivery.startEndpoint(200));
            }
        };
    }

    static Map<String, Object> source(int i) {
        return Map.of("sourceFiles", Map.of("source1", "s3://lab-bucket/fault/S" + i + ".fastq.gz"),
                "sourceFileType", "FASTQ", "subjectId", "P" + (i % 13), "sampleId", "S" + i);
    }

    /** Sends the exchanges, counts the outcome against the emulator and reports it as one row. */
    static FaultOutcome run(CamelTestSupportAccess access, String name, String kind, Runnable duringRun) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Exchange> exchanges = new ArrayList<>();
        try {
            List<Future<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < EXCHANGES; i++) {
                int index = i;
                sent.add(pool.submit(() -> access.send(index)));
            }
            duringRun.run();
            for (Future<Exchange> f : sent) {
                exchanges.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<ImportJob> jobs = access.jobs();
        Map<String, Long> jobsPerSample = jobs.stream().flatMap(j -> j.sources().stream())
                .collect(Collectors.groupingBy(s -> s.sampleId(), Collectors.counting()));
        long completed = exchanges.stream()
                .filter(e -> e.getException() == null && e.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID) != null)
                .count();
        long duplicates = jobs.size() - jobsPerSample.size();
        long lost = 0;
        for (int i = 0; i < EXCHANGES; i++) {
            Exchange e = exchanges.get(i);
            if (e.getException() != null || !jobsPerSample.containsKey("S" + i)) {
                lost++;
            }
        }
        List<String> failures = exchanges.stream().filter(e -> e.getException() != null)
                .map(e -> e.getException().toString()).distinct().limit(3).toList();
        ReliabilityReport.row(name, "faults: " + kind, EXCHANGES, completed, jobs.size(), duplicates, lost, "-", "-",
                failures.isEmpty() ? "0" : failures.toString(), millis);
        return new FaultOutcome(completed, jobs.size(), duplicates, lost, failures);
    }

    record FaultOutcome(long completed, int jobs, long duplicates, long lost, List<String> failures) {
        void assertNothingLostOrDoubled() {
            assertEquals(List.of(), failures, "exchanges that failed");
            assertEquals(0, duplicates, "duplicate jobs");
            assertEquals(0, lost, "lost exchanges");
            assertEquals(EXCHANGES, completed);
            assertEquals(EXCHANGES, jobs);
        }
    }

    interface CamelTestSupportAccess {
        Exchange send(int index);

        List<ImportJob> jobs();
    }

    private FaultOutcome run(String name, String kind, IntConsumer faults) throws Exception {
        faultBefore = faults;
        return run(new CamelTestSupportAccess() {
            @Override
            public Exchange send(int index) {
                return template.send("direct:import", e -> {
                    e.getMessage().setHeader("index", index);
                    e.getMessage().setBody(List.of(source(index)));
                });
            }

            @Override
            public List<ImportJob> jobs() {
                return EMULATOR.state().jobs(EMULATOR.sequenceStoreId());
            }
        }, name, kind, () -> {
        });
    }

    @Test
    void internalServerErrors() throws Exception {
        // every other start fails once; every tenth fails 4 times in a row, past the SDK's 3 attempts
        run("10-faults-500", "500 InternalServerException", i -> {
            if (i % 10 == 0) {
                EMULATOR.faults().failNext(4, START, ErrorShape.INTERNAL_SERVER);
            } else if (i % 2 == 0) {
                EMULATOR.faults().failNext(1, START, ErrorShape.INTERNAL_SERVER);
            }
        }).assertNothingLostOrDoubled();
    }

    @Test
    void throttling() throws Exception {
        run("11-faults-429", "429 ThrottlingException", i -> {
            if (i % 20 == 0) {
                EMULATOR.faults().failNext(4, START, ErrorShape.THROTTLING);
            } else if (i % 5 == 0) {
                EMULATOR.faults().failNext(1, START, ErrorShape.THROTTLING);
            }
        }).assertNothingLostOrDoubled();
    }

    @Test
    void answersSlowerThanTheAttemptTimeout() throws Exception {
        // 300 ms answers against a 200 ms attempt timeout: the emulator creates the job after the client gave up, the
        // retry (same client token) gets it back. Latency stays until a Camel redelivery clears it, so the SDK's 3
        // attempts all time out first.
        onRedelivery = () -> EMULATOR.faults().clear();
        run("12-faults-slow", "slow answers past apiCallAttemptTimeout", i -> {
            if (i % 25 == 0) {
                EMULATOR.faults().addLatency(Duration.ofMillis(300), START);
            }
        }).assertNothingLostOrDoubled();
    }

    @Test
    void connectionDroppedAfterTheJobWasCreated() throws Exception {
        run("13-faults-drop", "connection dropped after the job was created", i -> {
            if (i % 20 == 0) {
                EMULATOR.faults().dropResponsesAfterStart(4);
            } else if (i % 3 == 0) {
                EMULATOR.faults().dropResponsesAfterStart(1);
            }
        }).assertNothingLostOrDoubled();
    }
}
