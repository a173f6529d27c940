package io.github.camelomics.aws2.omics.internal.client;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
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

    private final Function<ClientSettings, OmicsClient> factory;
    private final Map<ClientSettings, Lease> leases = new HashMap<>();

    /** @param metrics the component's meters, asked for when a client is made */
    public SharedOmicsClients(Supplier<OmicsMetrics> metrics) {
        this(settings -> OmicsClientFactory.create(settings, metrics.get()));
    }

    SharedOmicsClients(Function<ClientSettings, OmicsClient> factory) {
        this.factory = factory;
    }

    public synchronized OmicsClient acquire(ClientSettings settings) {
        Lease lease = leases.get(settings);
        if (lease == null) {
            lease = new Lease(factory.apply(settings));
            leases.put(settings, lease);
        }
        lease.users++;
        return lease.client;
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
        private int users;

        private Lease(OmicsClient client) {
            this.client = client;
        }
    }
}
