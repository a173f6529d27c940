package io.github.camelomics.aws2.omics.internal.job;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The jobs of one component since it started, for JMX: those its producers started (a start the service answered with
 * an earlier job of the same client token, or the start ledger knew, is not counted), and those a wait saw end, by
 * status. The meters (OmicsMetrics) count the same with their tags.
 */
public final class JobCounts {

    private final LongAdder started = new LongAdder();
    private final Map<String, LongAdder> ended = new ConcurrentHashMap<>();

    void countStart() {
        started.increment();
    }

    void countEnd(String status) {
        ended.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    public long started() {
        return started.sum();
    }

    /** Jobs a wait saw end, by their status. */
    public Map<String, Long> ended() {
        Map<String, Long> byStatus = new TreeMap<>();
        ended.forEach((status, count) -> byStatus.put(status, count.sum()));
        return byStatus;
    }
}
