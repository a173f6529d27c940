package io.github.camelomics.aws2.omics.internal.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.camelomics.aws2.omics.QuotaLine;
import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.internal.client.SharedOmicsClients.QuotaLineState;

/**
 * What one client drew from its request budget, per quota line, over the last minute: the permits, and how many of
 * them waited for the budget and for how long. Written by {@link BudgetInterceptor} with each permit; read as
 * {@link QuotaLineState}s by the dev console and JMX.
 */
final class QuotaLineUse {

    /** A permit that took this long waited for the budget; a shorter one only asked (a database round trip). */
    static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int SECONDS = 60;

    private final RequestBudget budget;
    private final boolean shared;
    private final LongSupplier nanoTime;
    private final Map<String, Line> lines = new ConcurrentHashMap<>();

    /** The use of the settings' budget: the user's or the shared one, else a pace of this client's own. */
    QuotaLineUse(ClientSettings settings) {
        this(settings.requestBudget() != null ? settings.requestBudget() : new LocalRequestBudget(),
                settings.requestBudget() != null, System::nanoTime);
    }

    QuotaLineUse(RequestBudget budget, boolean shared, LongSupplier nanoTime) {
        this.budget = budget;
        this.shared = shared;
        this.nanoTime = nanoTime;
    }

    /** The budget the client's permits come from. */
    RequestBudget budget() {
        return budget;
    }

    /** Whether the permits come from a budget other than this client's own pace. */
    boolean shared() {
        return shared;
    }

    void permitTaken(QuotaLine line, long waitedNanos) {
        lines.computeIfAbsent(line.id(), id -> new Line(line)).add(nanoTime.getAsLong(), waitedNanos);
    }

    /**
     * The lines of these clients, one per line of each budget: clients drawing from one budget (the shared one, or
     * the user's) add up, while each client's own pace is its own line.
     */
    static List<QuotaLineState> lastMinute(List<QuotaLineUse> uses) {
        Map<RequestBudget, Map<String, QuotaLineState>> byBudget = new IdentityHashMap<>();
        for (QuotaLineUse use : uses) {
            Map<String, QuotaLineState> ofBudget = byBudget.computeIfAbsent(use.budget, b -> new LinkedHashMap<>());
            long now = use.nanoTime.getAsLong();
            boolean onFallback = use.budget.isOnFallback();
            use.lines.forEach((id, line) -> ofBudget.merge(id, line.lastMinute(now, use.shared, onFallback),
                    QuotaLineUse::sum));
        }
        List<QuotaLineState> states = new ArrayList<>();
        byBudget.values().forEach(ofBudget -> states.addAll(ofBudget.values()));
        states.sort(Comparator.comparing(QuotaLineState::id));
        return states;
    }

    private static QuotaLineState sum(QuotaLineState a, QuotaLineState b) {
        return new QuotaLineState(a.id(), a.budgetKey(), a.region(), a.operation(), a.permitsPerSecond(), a.shared(),
                a.onFallback(), a.permitsLastMinute() + b.permitsLastMinute(),
                a.waitsLastMinute() + b.waitsLastMinute(), a.waitedMillisLastMinute() + b.waitedMillisLastMinute());
    }

    /** One line's permits in one-second slots, the last 60 of them. */
    private static final class Line {
        private final QuotaLine line;
        private final long[] second = new long[SECONDS];
        private final int[] permits = new int[SECONDS];
        private final int[] waits = new int[SECONDS];
        private final long[] waitedNanos = new long[SECONDS];

        Line(QuotaLine line) {
            this.line = line;
            Arrays.fill(second, Long.MIN_VALUE);
        }

        synchronized void add(long now, long waited) {
            long at = Math.floorDiv(now, TimeUnit.SECONDS.toNanos(1));
            int slot = (int) Math.floorMod(at, SECONDS);
            if (second[slot] != at) {
                second[slot] = at;
                permits[slot] = 0;
                waits[slot] = 0;
                waitedNanos[slot] = 0;
            }
            permits[slot]++;
            if (waited >= WAIT_NANOS) {
                waits[slot]++;
                waitedNanos[slot] += waited;
            }
        }

        synchronized QuotaLineState lastMinute(long now, boolean shared, boolean onFallback) {
            long at = Math.floorDiv(now, TimeUnit.SECONDS.toNanos(1));
            int permitCount = 0;
            int waitCount = 0;
            long waitedTotal = 0;
            for (int slot = 0; slot < SECONDS; slot++) {
                if (second[slot] > at - SECONDS) {
                    permitCount += permits[slot];
                    waitCount += waits[slot];
                    waitedTotal += waitedNanos[slot];
                }
            }
            return new QuotaLineState(line.id(), line.budgetKey(), line.region(), line.operation(),
                    line.permitsPerSecond(), shared, onFallback, permitCount, waitCount,
                    TimeUnit.NANOSECONDS.toMillis(waitedTotal));
        }
    }
}
