package io.github.camelomics.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.benchmarks.PerCallOverheadBenchmark.Variant;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of docs/PERFORMANCE.md in one go and prints each figure with its ratio against the baseline
 * measured in the same run: {@code java -jar benchmarks/target/benchmarks.jar}. Sized to end within 15 minutes on two
 * cores. The table is also written to benchmarks/target/results.md.
 */
public final class RunAll {

    private static final long STARTED = System.nanoTime();
    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new RunAll().run(args.length == 0 ? List.of("1", "2", "3", "4", "5", "6") : List.of(args));
        System.exit(0);
    }

    /** @param points the points of the issue to run, all by default (e.g. {@code 3 5} to re-run two of them) */
    private void run(List<String> points) throws Exception {
        Path work = Files.createTempDirectory("omics-bench");
        if (points.contains("1")) {
            perCallOverhead();
        }
        if (points.contains("2")) {
            mapping();
        }
        if (points.contains("3")) {
            loopback();
        }
        if (points.contains("4")) {
            backlog(work);
        }
        if (points.contains("5")) {
            coldStart(work);
        }
        if (points.contains("6")) {
            upload(work);
        }
        String table = "| # | Figure | Value | Baseline (same run) | Ratio | Target | Met |\n"
                       + "|---|---|---|---|---|---|---|\n" + String.join("\n", rows) + "\n";
        Path out = Path.of(System.getProperty("benchmarks.results", "benchmarks/target/results.md"));
        if (out.getParent() != null && Files.isDirectory(out.getParent())) {
            Files.writeString(out, table);
        }
        System.out.println();
        System.out.println(table);
        progress("all done");
    }

    private void perCallOverhead() {
        progress("1. per-call overhead (paired slices in one JVM, canned HTTP client): 3 sizes");
        Map<Integer, List<Variant>> routes = new LinkedHashMap<>();
        routes.put(1, List.of(Variant.routeBare, Variant.camelOnly, Variant.camelComponent, Variant.route,
                Variant.routeMetered));
        routes.put(10, List.of(Variant.routeBare, Variant.route));
        // where the cost of the defaults is: each feature alone, at the size where it shows
        routes.put(100, List.of(Variant.routeBare, Variant.camelOnly, Variant.camelComponent, Variant.route, Variant.routeNoValidate,
                Variant.routeNoToken, Variant.routeMetered));
        routes.forEach((sources, variants) -> {
            PairedOverhead pairs = null;
            try {
                pairs = new PairedOverhead(sources, variants);
                pairs.warmUp();
                progress("   " + sources + " source(s): warm after " + pairs.warmUpRounds() + " rounds"
                         + (pairs.warmUpRounds() < 0 ? " (not steady; measured anyway)" : ""));
                List<PairedOverhead.Result> results = pairs.measure();
                for (PairedOverhead.Result r : results) {
                    // the target is the bare path's; what validation and the token add is published, not bounded
                    boolean bare = r.variant() == Variant.routeBare;
                    progress(String.format("   %s/%d: %.2f µs, SDK %.2f µs, ratio %.3f (middle half %.3f to %.3f)",
                            r.variant(), sources, r.micros(), r.sdkMicros(), r.ratio(), r.ratioLow(), r.ratioHigh()));
                    row("1", "per call, " + sources + " source(s), " + describe(r.variant().name()),
                            us(r.micros()), "SDK " + us(r.sdkMicros()),
                            r.ratio(), bare ? "≤ 1.10" : r.variant() == Variant.route ? "(published)" : "(diagnostic)",
                            bare ? met(r.ratio() <= 1.10) : "");
                }
                overComponent(sources, results);
            } catch (Exception e) {
                throw new IllegalStateException("point 1 at " + sources + " source(s)", e);
            } finally {
                if (pairs != null) {
                    pairs.close();
                }
            }
        });
    }

    /**
     * The component's own share: the bare route (no MeterRegistry) against the floor of any component's route, and the
     * same with a registry, each the ratio of the two medians of one run.
     */
    private void overComponent(int sources, List<PairedOverhead.Result> results) {
        PairedOverhead.Result floor = find(results, Variant.camelComponent);
        PairedOverhead.Result bare = find(results, Variant.routeBare);
        PairedOverhead.Result metered = find(results, Variant.routeMetered);
        if (floor == null || bare == null) {
            return;
        }
        double ratio = bare.ratio() / floor.ratio();
        row("1", "per call, " + sources + " source(s), bare route over camelComponent (no MeterRegistry)",
                us(bare.micros()), "camelComponent " + us(floor.micros()), ratio, "≤ 1.05", met(ratio <= 1.05));
        if (metered != null) {
            row("1", "per call, " + sources + " source(s), bare route with a MeterRegistry over camelComponent",
                    us(metered.micros()), "camelComponent " + us(floor.micros()), metered.ratio() / floor.ratio(),
                    "(published)", "");
        }
    }

    private static PairedOverhead.Result find(List<PairedOverhead.Result> results, Variant variant) {
        return results.stream().filter(r -> r.variant() == variant).findFirst().orElse(null);
    }

    private static String describe(String variant) {
        return switch (variant) {
            case "route" -> "route, defaults (validate, content token)";
            case "routeNoValidate" -> "route, validate=false";
            case "routeNoToken" -> "route, clientTokenStrategy=none";
            case "camelOnly" -> "Camel alone (direct route, a processor calling the SDK)";
            case "camelComponent" -> "Camel and a component that only calls the SDK (direct route, to() its endpoint)";
            case "routeMetered" -> "route, validate=false + clientTokenStrategy=none, a MeterRegistry bound";
            default -> "route, validate=false + clientTokenStrategy=none";
        };
    }

    private void mapping() throws Exception {
        progress("2. mapping 100 sources (JMH): one fork per body form");
        Map<String, Double> us = jmh(MappingBenchmark.class, r -> r.getParams().getParam("form"), Map.of());
        us.forEach((form, time) -> row("2", "mapping + validation, 100 sources, " + form,
                us(time) + " (" + String.format("%.2f", time / MappingBenchmark.SOURCES) + " µs/source)", "",
                Double.NaN, "≤ 100 µs", met(time <= 100)));
    }

    private void loopback() throws Exception {
        progress("3. loopback throughput against the emulator (rate limit off)");
        LoopbackThroughput loopback = new LoopbackThroughput(1_000, 4_000);
        List<LoopbackThroughput.Result> results = loopback.run(1, 8, 32);
        progress("   warm-up: " + loopback.warmUpRounds() + " rounds of both sides ("
                 + (loopback.warmUpSettled() ? "settled" : "not settled within 2 minutes") + ")");
        for (LoopbackThroughput.Result r : results) {
            row("3", "starts/s at concurrency " + r.concurrency() + ", route"
                     + (r.errors() > 0 ? " (" + r.errors() + " errors)" : ""),
                    String.format("%.0f/s", r.routePerSecond()), String.format("SDK %.0f/s", r.sdkPerSecond()),
                    r.ratio(), "≥ 0.90", met(r.ratio() >= 0.9));
        }
    }

    private void backlog(Path work) throws Exception {
        progress("4. backlog: 10,000 sources at 5 requests/s (child JVM)");
        Backlog.Result r = Backlog.run(work);
        row("4", "backlog 10,000 sources → " + r.jobsStarted() + " jobs (emulator holds " + r.emulatorJobs() + ")",
                String.format("%.2f s", r.wallSeconds()), String.format("floor %.0f s", Backlog.FLOOR_SECONDS),
                r.ratio(), "≤ 1.2", met(r.ratio() <= 1.2));
        row("4", "backlog: failed requests (HTTP attempts " + r.attempts() + ")", String.valueOf(r.failedRequests()),
                "", Double.NaN, "0", met(r.failedRequests() == 0));
        row("4", "backlog: peak heap used by the route's JVM", String.format("%.0f MB", r.peakHeapMb()), "",
                Double.NaN, "", "");
    }

    private void coldStart(Path work) throws Exception {
        progress("5. cold start: JVM launch to first request (child JVMs, 3 rounds)");
        ColdStart.Result r = ColdStart.run(work, 3);
        row("5", "cold start, camel-main YAML route (median; runs " + r.camelRunsMs() + " ms)",
                String.format("%.0f ms", r.camelMedianMs()),
                String.format("SDK program %.0f ms (runs %s ms)", r.sdkMedianMs(), r.sdkRunsMs()), r.ratio(), "", "");
    }

    private void upload(Path work) throws Exception {
        progress("6. upload of a 2 x 1 GiB FASTQ pair with uploadReadSet, against a loopback copy of the same bytes");
        UploadThroughput.Result r = UploadThroughput.run(Path.of("benchmarks", "target", "upload-data"),
                work.resolve("upload"), 1L << 30);
        progress(String.format("   %d bytes in %d parts: parts %.1f s, with Complete %.1f s; loopback copy %.1f s",
                r.bytes(), r.parts(), r.partsSeconds(), r.totalSeconds(), r.copySeconds()));
        row("6", "upload 2 x " + r.bytes() / 2_000_000 + " MB, " + r.parts() + " parts of 100 MiB, 4 in flight (to the "
                 + "last part; with Complete " + String.format("%.1f s", r.totalSeconds()) + ")",
                String.format("%.1f s (%.0f MB/s)", r.partsSeconds(), r.bytes() / 1e6 / r.partsSeconds()),
                String.format("loopback copy %.1f s (%.0f MB/s)", r.copySeconds(), r.bytes() / 1e6 / r.copySeconds()),
                r.ratio(), "", "");
    }

    /**
     * One fork per case, 6 measured seconds, the median reported. Each case first runs until its speed is steady
     * ({@link SteadyState}: on two cores the JIT took 10 to 50 seconds to settle the route's path, per call falling
     * from 2,300 to 310 µs at 100 sources, the SDK's from 1,500 to 100 µs, and a slower machine takes longer), then 3
     * one-second JMH warm-up iterations.
     */
    private static Map<String, Double> jmh(Class<?> benchmark, java.util.function.Function<RunResult, String> key,
                                           Map<String, String[]> params) throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        params.forEach(builder::param);
        Options options = builder
                .include(benchmark.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(6).measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.MICROSECONDS)
                .jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            // the median of the measured seconds: on a shared host one disturbed second moves the mean by half
            double median = r.getPrimaryResult().getStatistics().getPercentile(50);
            scores.put(key.apply(r), median);
            progress(String.format("   %s %s: median %.2f µs (mean %.2f ± %.2f)", benchmark.getSimpleName(),
                    key.apply(r), median, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
        }
        return scores;
    }

    private void row(String point, String figure, String value, String baseline, double ratio, String target, String met) {
        String line = "| " + point + " | " + figure + " | " + value + " | " + baseline + " | "
                      + (Double.isNaN(ratio) ? "" : String.format("%.2f", ratio)) + " | " + target + " | " + met + " |";
        rows.add(line);
        System.out.println(line);
    }

    private static String us(double micros) {
        return String.format("%.1f µs", micros);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static void progress(String what) {
        System.err.printf("[%5.0f s] %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }
}
