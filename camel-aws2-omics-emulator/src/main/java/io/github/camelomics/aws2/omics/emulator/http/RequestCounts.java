package io.github.camelomics.aws2.omics.emulator.http;

import io.github.camelomics.aws2.omics.emulator.model.Operation;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests of each operation reached the emulator: every request routed to an operation counts, refused ones
 * (throttled, unsigned, invalid, failed by a fault) included, as they count against the real service's quota. Tests
 * assert with it what a client's algorithm costs in calls, whatever the time it took. Thread-safe.
 */
public final class RequestCounts {

    private final Map<Operation, LongAdder> counts = new EnumMap<>(Operation.class);

    public RequestCounts() {
        for (Operation operation : Operation.values()) {
            counts.put(operation, new LongAdder());
        }
    }

    void count(Operation operation) {
        counts.get(operation).increment();
    }

    /** The requests of this operation since the emulator started or was last reset. */
    public long of(Operation operation) {
        return counts.get(operation).sum();
    }

    /** Starts every count again from 0. */
    public void reset() {
        counts.values().forEach(LongAdder::reset);
    }
}
