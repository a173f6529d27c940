package io.github.camelomics.aws2.omics.internal.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.QuotaLine;
import io.github.camelomics.aws2.omics.RequestBudget;

/**
 * The default budget: spaces the requests of one client so that no quota line is sent more often than its rate (5
 * per second for each of these operations unless raised). Bursts then wait their turn instead of ending in
 * ThrottlingException. Each caller reserves the slot one interval after the previous one, so waiting callers go in
 * the order they came. It knows only its own JVM: replicas sharing an account need the shared budget.
 */
final class LocalRequestBudget implements RequestBudget {

    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    @Override
    public boolean acquire(QuotaLine line, Duration maxWait) throws InterruptedException {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / line.permitsPerSecond());
        long limit = maxWait == null ? Long.MAX_VALUE : maxWait.toNanos();
        long wait = paces.computeIfAbsent(line.id(), id -> new Pace()).reserve(System.nanoTime(), interval, limit);
        if (wait < 0) {
            return false;
        }
        TimeUnit.NANOSECONDS.sleep(wait);
        return true;
    }

    @Override
    public String toString() {
        return "LocalRequestBudget";
    }

    /** The next free send time of one line. */
    private static final class Pace {
        private long next = Long.MIN_VALUE;

        /** The wait before the reserved slot, or -1 (nothing reserved) when it would be longer than the limit. */
        synchronized long reserve(long now, long interval, long limit) {
            long slot = next == Long.MIN_VALUE || next - now < 0 ? now : next;
            if (slot - now > limit) {
                return -1;
            }
            next = slot + interval;
            return slot - now;
        }
    }
}
