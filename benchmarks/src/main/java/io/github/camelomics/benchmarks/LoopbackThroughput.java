package io.github.camelomics.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * Point 3: starts per second over loopback HTTP against the emulator with its rate limit off, at 1, 8 and 32 callers,
 * through a route (the component's own client, client pacing off) and through the raw SDK (a client built the same
 * way). Every call starts a new one-source job, so the emulator never answers from its client-token cache. The two
 * sides alternate at each concurrency (SDK, route, route, SDK; the mean of each side's two runs), and the emulator
 * forgets its jobs before each run so both see the same state.
 */
final class LoopbackThroughput {

    record Result(int concurrency, double sdkPerSecond, double routePerSecond, long errors) {
        double ratio() {
            return routePerSecond / sdkPerSecond;
        }
    }

    private final long warmupMillis;
    private final long measureMillis;
    private final AtomicLong sample = new AtomicLong();
    private int warmUpRounds;
    private boolean warmUpSettled;

    LoopbackThroughput(long warmupMillis, long measureMillis) {
        this.warmupMillis = warmupMillis;
        this.measureMillis = measureMillis;
    }

    List<Result> run(int... concurrencies) throws Exception {
        List<Result> results = new ArrayList<>();
        try (OmicsEmulator emulator = OmicsEmulator.builder().port(0).rateLimitPerSecond(0).maxActiveJobs(1_000_000)
                .build().start();
             OmicsClient sdk = Fixtures.apacheClient(emulator.endpoint());
             CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("aws2-omics:startReadSetImportJob?requestsPerSecond=0&"
                                            + Fixtures.emulatorOptions(emulator.endpoint()));
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            LongAdder errors = new LongAdder();
            LongConsumer viaSdk = n -> sdk.startReadSetImportJob(Fixtures.request(List.of(Fixtures.source("loop", n))));
            LongConsumer viaRoute = n -> template.requestBody("direct:start",
                    Fixtures.request(List.of(Fixtures.source("loop", n))));
            warmUp(viaSdk, viaRoute, emulator, errors);
            errors.reset();
            for (int concurrency : concurrencies) {
                // SDK, route, route, SDK: a drift of the shared machine during the four runs weighs on both sides
                double sdkRate = 0;
                double routeRate = 0;
                for (boolean sdkFirst : new boolean[] { true, false }) {
                    emulator.reset();
                    double first = measure(sdkFirst ? viaSdk : viaRoute, concurrency, errors);
                    emulator.reset();
                    double second = measure(sdkFirst ? viaRoute : viaSdk, concurrency, errors);
                    sdkRate += (sdkFirst ? first : second) / 2;
                    routeRate += (sdkFirst ? second : first) / 2;
                }
                results.add(new Result(concurrency, sdkRate, routeRate, errors.sumThenReset()));
            }
            template.close();
        }
        return results;
    }

    /**
     * Runs both sides in turn at 8 callers until a round of the two is no faster than 5 % over the round before (at
     * least 3 rounds, at most 2 minutes). On two cores kept busy by the callers and the emulator, the JIT's compiler
     * threads get little time: calls per second kept rising for about a minute, and a fixed 8-second warm-up measured
     * the JIT, not the code (both sides three to five times below their settled rate, the route's larger code more so).
     */
    private void warmUp(LongConsumer viaSdk, LongConsumer viaRoute, OmicsEmulator emulator, LongAdder errors)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        double previous = 0;
        for (int round = 1;; round++) {
            emulator.reset();
            double rate = measure(viaSdk, 8, errors);
            emulator.reset();
            rate += measure(viaRoute, 8, errors);
            boolean settled = round >= 3 && rate < previous * 1.05;
            if (settled || System.nanoTime() > deadline) {
                warmUpRounds = round;
                warmUpSettled = settled;
                return;
            }
            previous = rate;
        }
    }

    int warmUpRounds() {
        return warmUpRounds;
    }

    boolean warmUpSettled() {
        return warmUpSettled;
    }

    /** Calls per second over the measured window, after a warm-up that runs the same callers. */
    private double measure(LongConsumer call, int concurrency, LongAdder errors) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean counting = new AtomicBoolean();
        LongAdder done = new LongAdder();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Thread caller = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        try {
                            call.accept(sample.incrementAndGet());
                            if (counting.get()) {
                                done.increment();
                            }
                        } catch (RuntimeException e) {
                            errors.increment();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "loopback-" + t);
            caller.setDaemon(true);
            caller.start();
        }
        Thread.sleep(warmupMillis);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(measureMillis);
        counting.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        finished.await();
        return done.sum() * 1e9 / elapsed;
    }
}
