package io.github.camelomics.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Point 4: a backlog of 10,000 sources (one CSV sample sheet) through one route, against the emulator enforcing the
 * service's 5 requests per second. The component splits it into 100 jobs and paces them at its default 5 per second.
 * The route runs in a child JVM so that its peak heap is the route's alone, not the emulator's.
 */
final class Backlog {

    static final int SOURCES = 10_000;
    static final int JOBS = 100;
    static final double RATE = 5;
    /** The quota's floor as the issue states it: 100 jobs at 5 per second. */
    static final double FLOOR_SECONDS = JOBS / RATE;

    record Result(double wallSeconds, long jobsStarted, long attempts, long refused, boolean failed, double peakHeapMb,
                  long emulatorJobs) {
        double ratio() {
            return wallSeconds / FLOOR_SECONDS;
        }

        long failedRequests() {
            return refused + (failed ? 1 : 0);
        }
    }

    private Backlog() {
    }

    static Result run(Path work) throws Exception {
        try (OmicsEmulator emulator = OmicsEmulator.builder().port(0).rateLimitPerSecond(RATE).maxActiveJobs(10_000)
                .build().start()) {
            Path log = work.resolve("backlog.log");
            Process child = ChildJvm.start(log, List.of(), Child.class.getName(), emulator.endpoint().toString());
            if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
                child.destroyForcibly();
                throw new IllegalStateException("backlog child failed:\n" + ChildJvm.tail(log));
            }
            Map<String, String> out;
            try (Stream<String> lines = Files.lines(log)) {
                out = lines.filter(l -> l.startsWith("BACKLOG "))
                        .flatMap(l -> Stream.of(l.substring("BACKLOG ".length()).split(" ")))
                        .map(kv -> kv.split("=", 2))
                        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("backlog child printed no result:\n" + ChildJvm.tail(log));
            }
            return new Result(Double.parseDouble(out.get("wall_s")), Long.parseLong(out.get("jobs")),
                    Long.parseLong(out.get("attempts")), Long.parseLong(out.get("refused")),
                    Boolean.parseBoolean(out.get("failed")), Double.parseDouble(out.get("peak_heap_mb")),
                    emulator.state().jobs().size());
        }
    }

    /** The route's JVM: one sample sheet of 10,000 rows into one route, with every component default. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            String endpoint = args[0];
            String sheet = Fixtures.csvSampleSheet(Fixtures.sources("backlog", SOURCES));
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:backlog").to("aws2-omics:startReadSetImportJob?"
                                                  + Fixtures.emulatorOptions(java.net.URI.create(endpoint)));
                    }
                });
                camel.start();
                ProducerTemplate template = camel.createProducerTemplate();
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                System.gc();
                AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
                AtomicBoolean running = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "heap-sampler");
                sampler.setDaemon(true);
                sampler.start();
                long attemptsBefore = AttemptCounter.ATTEMPTS.sum();
                long refusedBefore = AttemptCounter.REFUSED.sum();
                long start = System.nanoTime();
                Exchange done = template.request("direct:backlog", e -> e.getMessage().setBody(sheet));
                double wall = (System.nanoTime() - start) / 1e9;
                running.set(false);
                sampler.join();
                List<?> jobIds = done.getMessage().getHeader(Omics2Constants.IMPORT_JOB_IDS, List.class);
                if (done.getException() != null) {
                    done.getException().printStackTrace(System.out);
                }
                System.out.printf("BACKLOG wall_s=%.3f jobs=%d attempts=%d refused=%d failed=%b peak_heap_mb=%.1f%n",
                        wall, jobIds == null ? 0 : jobIds.size(), AttemptCounter.ATTEMPTS.sum() - attemptsBefore,
                        AttemptCounter.REFUSED.sum() - refusedBefore, done.getException() != null,
                        peak.get() / 1024.0 / 1024.0);
            }
        }
    }
}
