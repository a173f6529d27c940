package io.github.camelomics.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Warms a benchmark up until its speed stops changing, before JMH's own warm-up iterations. A fixed warm-up measures
 * the JIT still compiling wherever compiling takes longer than planned: on two busy cores the route's path took 12 to
 * 17 seconds to settle here, and a slower machine takes longer still. Both sides of a comparison get the same rule.
 */
final class SteadyState {

    /** Rounds whose per-call times may differ by at most this much, the slowest against the fastest. */
    private static final double AGREE = 0.03;
    private static final int AGREEING_ROUNDS = 3;
    private static final int MIN_ROUNDS = 5;
    private static final int MAX_ROUNDS = 60;
    private static final long ROUND_NANOS = 1_000_000_000L;

    private SteadyState() {
    }

    /**
     * Calls in one-second rounds until the last three agree within 3 % (at least 5, at most 60 rounds).
     *
     * @return the number of rounds it took, negative when it did not settle within the most rounds
     */
    static int warmUp(Supplier<Object> call) {
        List<Double> perCall = new ArrayList<>();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            perCall.add(perCall(call, ROUND_NANOS));
            if (round >= MIN_ROUNDS && steady(perCall)) {
                System.err.printf("   steady after %d s (%.2f µs per call)%n", round, perCall.get(perCall.size() - 1) / 1000);
                return round;
            }
        }
        System.err.printf("   not steady after %d s; measuring anyway%n", MAX_ROUNDS);
        return -MAX_ROUNDS;
    }

    /** Nanoseconds per call over a slice of about the given length. */
    static double perCall(Supplier<Object> call, long forNanos) {
        long calls = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            call.get();
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < forNanos);
        return (double) elapsed / calls;
    }

    /** Whether the last three per-call times agree within 3 %, the slowest against the fastest. */
    static boolean steady(List<Double> perCall) {
        if (perCall.size() < AGREEING_ROUNDS) {
            return false;
        }
        List<Double> last = perCall.subList(perCall.size() - AGREEING_ROUNDS, perCall.size());
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max <= min * (1 + AGREE);
    }
}
