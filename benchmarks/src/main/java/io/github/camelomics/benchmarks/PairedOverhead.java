package io.github.camelomics.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelomics.benchmarks.PerCallOverheadBenchmark.Variant;

/**
 * Point 1 as pairs: the raw SDK call and each route variant, all in one JVM, called in turn in short slices, so that
 * every slice of a route has an SDK slice next to it measured under the same conditions. On a shared host whose
 * speed drifts by a factor of two within minutes, one JMH fork per case compared cases run minutes apart: their ratio
 * moved by ±0.3 from run to run. Here the ratio of each round is taken inside the round, and the median of the rounds
 * reported, with the middle half of them.
 *
 * <p>Each side uses its own {@link PerCallOverheadBenchmark} state: its own in-memory HTTP client, and for routes its
 * own CamelContext. The SDK code is the same for all of them, so the JIT compiles it once for every side.
 */
final class PairedOverhead {

    /** One side's figures, against the SDK's slices of the same rounds. */
    record Result(Variant variant, int sources, double micros, double sdkMicros, double ratio, double ratioLow,
                  double ratioHigh) {
    }

    private static final long SLICE_NANOS = 40_000_000L;
    private static final int ROUNDS = 150;
    private static final int MAX_WARM_UP_ROUNDS = 60;
    private static final long WARM_UP_TURN_NANOS = 500_000_000L;

    private final int sources;
    private final Map<Variant, PerCallOverheadBenchmark> sides = new LinkedHashMap<>();
    private int warmUpRounds;

    PairedOverhead(int sources, List<Variant> routes) throws Exception {
        this.sources = sources;
        List<Variant> all = new ArrayList<>(List.of(Variant.sdk));
        all.addAll(routes);
        for (Variant variant : all) {
            PerCallOverheadBenchmark side = new PerCallOverheadBenchmark();
            side.sources = sources;
            side.variant = variant;
            side.prepare();
            sides.put(variant, side);
        }
    }

    int warmUpRounds() {
        return warmUpRounds;
    }

    /** Every side in half-second turns until each side's last three turns agree within 3 % (at most 60 rounds). */
    void warmUp() {
        Map<Variant, List<Double>> times = new LinkedHashMap<>();
        sides.keySet().forEach(v -> times.put(v, new ArrayList<>()));
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            sides.forEach((variant, side) -> times.get(variant).add(SteadyState.perCall(side::call, WARM_UP_TURN_NANOS)));
            warmUpRounds = round;
            if (round >= 5 && times.values().stream().allMatch(SteadyState::steady)) {
                return;
            }
        }
        warmUpRounds = -MAX_WARM_UP_ROUNDS;
    }

    /** The rounds: each side for one slice, in an order that turns by one every round. */
    List<Result> measure() {
        List<Variant> order = new ArrayList<>(sides.keySet());
        Map<Variant, double[]> times = new LinkedHashMap<>();
        order.forEach(v -> times.put(v, new double[ROUNDS]));
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < order.size(); i++) {
                Variant variant = order.get((i + round) % order.size());
                times.get(variant)[round] = SteadyState.perCall(sides.get(variant)::call, SLICE_NANOS);
            }
        }
        double[] sdk = times.get(Variant.sdk);
        List<Result> results = new ArrayList<>();
        for (Variant variant : order) {
            if (variant == Variant.sdk) {
                continue;
            }
            double[] route = times.get(variant);
            double[] ratios = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                ratios[round] = route[round] / sdk[round];
            }
            results.add(new Result(variant, sources, median(route) / 1000, median(sdk) / 1000, quantile(ratios, 0.5),
                    quantile(ratios, 0.25), quantile(ratios, 0.75)));
        }
        return results;
    }

    void close() {
        sides.values().forEach(PerCallOverheadBenchmark::tearDown);
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
