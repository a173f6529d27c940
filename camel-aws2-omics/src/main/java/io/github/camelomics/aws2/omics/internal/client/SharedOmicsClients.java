package io.github.camelomics.aws2.omics.internal.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;

import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * The clients a component created, one per distinct {@link ClientSettings}, counted by the endpoints using them. A
 * client is closed when its last endpoint releases it. Clients handed in by the user never come here, so they are never
 * closed by Camel. Every client of one component counts into the component's one set of meters, so they are not part
 * of the settings that tell clients apart.
 */
public final class SharedOmicsClients implements AutoCloseable {

    /**
     * One quota line as the component's clients drew from it over the last minute. Clients drawing from one budget
     * (sharedBudget=true, or the user's requestBudget) add up to one line; each client's own pace is a line of its own.
     *
     * @param shared                 the permits come from a budget other than this client's own pace: the shared one in
     *                               PostgreSQL, or the user's
     * @param onFallback             the budget stands in for itself now (the shared one, its database out of reach)
     * @param waitsLastMinute        permits that waited 1 ms or more for the budget
     * @param waitedMillisLastMinute the time those waits took together
     */
    public record QuotaLineState(String id, String budgetKey, String region, String operation, double permitsPerSecond,
                                 boolean shared, boolean onFallback, int permitsLastMinute, int waitsLastMinute,
                                 long waitedMillisLastMinute) {
    }

    private final BiFunction<ClientSettings, QuotaLineUse, OmicsClient> factory;
    private final Map<ClientSettings, Lease> leases = new HashMap<>();

    /** @param metrics the component's meters, asked for when a client is made */
    public SharedOmicsClients(Supplier<OmicsMetrics> metrics) {
        this((settings, use) -> OmicsClientFactory.create(settings, use, metrics.get()));
    }

    SharedOmicsClients(BiFunction<ClientSettings, QuotaLineUse, OmicsClient> factory) {
        this.factory = factory;
    }

    public synchronized OmicsClient acquire(ClientSettings settings) {
        Lease lease = leases.get(settings);
        if (lease == null) {
            QuotaLineUse use = new QuotaLineUse(settings);
            lease = new Lease(factory.apply(settings, use), use);
            leases.put(settings, lease);
        }
        lease.users++;
        return lease.client;
    }

    /** The quota lines the open clients drew from, with their last minute; none for clients sent unpaced. */
    public List<QuotaLineState> quotaLines() {
        List<QuotaLineUse> uses;
        synchronized (this) {
            uses = leases.values().stream().map(lease -> lease.use).toList();
        }
        return QuotaLineUse.lastMinute(uses);
    }

    public synchronized void release(ClientSettings settings) {
        Lease lease = leases.get(settings);
        if (lease != null && --lease.users == 0) {
            leases.remove(settings);
            lease.client.close();
        }
    }

    public synchronized int size() {
        return leases.size();
    }

    @Override
    public synchronized void close() {
        leases.values().forEach(lease -> lease.client.close());
        leases.clear();
    }

    private static final class Lease {
        private final OmicsClient client;
        private final QuotaLineUse use;
        private int users;

        private Lease(OmicsClient client, QuotaLineUse use) {
            this.client = client;
            this.use = use;
        }
    }
}
