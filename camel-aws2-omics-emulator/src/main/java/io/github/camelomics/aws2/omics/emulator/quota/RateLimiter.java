package io.github.camelomics.aws2.omics.emulator.quota;

import io.github.camelomics.aws2.omics.emulator.model.Operation;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The service's per-operation request rate quota as a token bucket: a burst of up to the
 * operation's rate, refilled continuously at that rate. The rate is the configured {@code perSecond}, or the
 * service's own for operations whose quota is fixed ({@link Operation#fixedRate()}: the upload operations). It runs on a monotonic
 * nanosecond ticker, not on the emulator's clock, because tests freeze that clock and a frozen
 * bucket would never refill.
 */
public final class RateLimiter {

    private final double perSecond;
    private final LongSupplier nanoTime;
    private final Map<Operation, Bucket> buckets = new EnumMap<>(Operation.class);
    private long throttled;

    /**
     * @param perSecond requests per second per operation; zero or less switches the limit off
     */
    public RateLimiter(double perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    public boolean enabled() {
        return perSecond > 0;
    }

    public double perSecond() {
        return perSecond;
    }

    /** The rate as people write it: {@code 5}, {@code 0.5}. */
    public String describeRate() {
        return describe(perSecond);
    }

    /** The operation's rate as people write it. */
    public String describeRate(Operation operation) {
        return describe(rateOf(operation));
    }

    /** Requests per second the operation is allowed. */
    public double rateOf(Operation operation) {
        return operation.fixedRate() > 0 ? operation.fixedRate() : perSecond;
    }

    private static String describe(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    /** Takes one request's worth from the operation's bucket; {@code false} means throttle it. */
    public synchronized boolean tryAcquire(Operation operation) {
        if (!enabled()) {
            return true;
        }
        long now = nanoTime.getAsLong();
        double rate = rateOf(operation);
        double capacity = Math.max(1.0, rate);
        Bucket bucket = buckets.computeIfAbsent(operation, o -> new Bucket(capacity, now));
        double refilled = Math.min(capacity, bucket.tokens() + (now - bucket.at()) * rate / 1e9);
        boolean allowed = refilled >= 1.0;
        buckets.put(operation, new Bucket(allowed ? refilled - 1.0 : refilled, now));
        if (!allowed) {
            throttled++;
        }
        return allowed;
    }

    /** How many requests were refused since the start or the last reset. */
    public synchronized long throttled() {
        return throttled;
    }

    /** Fills every bucket again and sets the count of refusals back to zero. */
    public synchronized void reset() {
        buckets.clear();
        throttled = 0;
    }

    private record Bucket(double tokens, long at) {
    }
}
