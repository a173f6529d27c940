package io.github.camelomics.aws2.omics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelomics.aws2.omics.internal.client.SharedOmicsClients;
import io.github.camelomics.aws2.omics.internal.job.JobCounts;
import io.github.camelomics.aws2.omics.internal.job.JobWatches;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import io.github.camelomics.aws2.omics.internal.postgres.PostgresStores;
import io.github.camelomics.aws2.omics.internal.upload.ReadSetUpload;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The aws2-omics component: AWS HealthOmics sequence stores, their read set imports from S3, uploads of local files as
 * read sets, and a consumer of the status events of import jobs. Component options are the defaults of every endpoint.
 * What endpoints share lives here: one OmicsClient per distinct client settings, created with the first endpoint that
 * needs it and closed when the last of them stops; one request budget, start ledger, upload ledger and watermark store
 * in PostgreSQL per DataSource, which replicas on the same database share, with a health check of the shared budget
 * per budgetKey; and the watches of the stores that waiting producers wait on, with two thread pools made with the
 * first wait: one thread per watch while it has waits, and a bounded pool on which waiting exchanges go on. Which of
 * these an endpoint uses is decided when it starts (internal.endpoint.EndpointResources).
 */
@Component("aws2-omics")
@ManagedResource(description = "Managed AWS HealthOmics component")
public class Omics2Component extends HealthCheckComponent {

    @Metadata
    private Omics2Configuration configuration = new Omics2Configuration();

    private final SharedOmicsClients clients = new SharedOmicsClients(this::metrics);
    private final PostgresStores postgresStores = new PostgresStores();
    /** The health checks of the shared budgets in use, one per budgetKey as their gauge. */
    private final Map<String, SharedBudgetHealthCheck> budgetChecks = new ConcurrentHashMap<>();
    private final ReadSetUpload.InFlight uploadsInFlight = new ReadSetUpload.InFlight();
    private final JobCounts jobCounts = new JobCounts();

    private OmicsMetrics metrics;
    private JobWatches watches;
    private ExecutorService watchThreads;
    private ExecutorService completionThreads;

    public Omics2Component() {
    }

    public Omics2Component(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Omics2Configuration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(operation(remaining));
        Omics2Endpoint endpoint = new Omics2Endpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    static Omics2Operations operation(String name) {
        return Arrays.stream(Omics2Operations.values())
                .filter(op -> op.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "aws2-omics: the endpoint path must be an operation, one of "
                                                                + Arrays.toString(Omics2Operations.values()) + ", but was '"
                                                                + name + "'"));
    }

    public Omics2Configuration getConfiguration() {
        return configuration;
    }

    /**
     * The component configuration: the defaults of every endpoint.
     */
    public void setConfiguration(Omics2Configuration configuration) {
        this.configuration = configuration;
    }

    SharedOmicsClients clients() {
        return clients;
    }

    /** The watches of the jobs producers wait for; made, with their threads, when the first wait begins. */
    synchronized JobWatches jobWatches() {
        if (watches == null) {
            ExecutorServiceManager threads = getCamelContext().getExecutorServiceManager();
            watchThreads = threads.newCachedThreadPool(this, "aws2-omics-job-watch");
            ExecutorService pool = threads.newDefaultThreadPool(this, "aws2-omics-wait");
            completionThreads = pool;
            // once the pool is shut down (Camel stopping), an exchange goes on on the thread that ended its wait: it
            // must never be left without an answer
            Executor completions = task -> {
                try {
                    pool.execute(task);
                } catch (RejectedExecutionException e) {
                    task.run();
                }
            };
            watches = new JobWatches(watchThreads, completions, jobCounts);
        }
        return watches;
    }

    /**
     * The meters of the component, in the MeterRegistry of the Camel registry (see OmicsMetrics.of for which one when
     * there are several); {@link OmicsMetrics#NONE} without Micrometer or a registry. Looked for once, when the first
     * endpoint starts: every endpoint and client of the component counts into the same meters.
     */
    synchronized OmicsMetrics metrics() {
        if (metrics == null) {
            metrics = OmicsMetrics.of(getCamelContext().getRegistry()::findByTypeWithName);
        }
        return metrics;
    }

    PostgresStores postgresStores() {
        return postgresStores;
    }

    /**
     * Registers the health check of a shared budget with Camel's health registry, when there is one, once per
     * budgetKey: the first endpoint that opens the budget of a key makes it, and it stays until the component stops, as
     * the budget does.
     */
    void sharedBudgetOpened(String budgetKey, PostgresStores.SharedBudget budget) {
        budgetChecks.computeIfAbsent(budgetKey, key -> {
            SharedBudgetHealthCheck check = new SharedBudgetHealthCheck(key, budget);
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.register(check);
            }
            return check;
        });
    }

    /** The uploads of every endpoint while they send and complete. */
    ReadSetUpload.InFlight uploadsInFlight() {
        return uploadsInFlight;
    }

    /** The jobs its producers started and its waits saw end. */
    JobCounts jobCounts() {
        return jobCounts;
    }

    /** The waits for jobs not yet over; none before the first, which makes the watches (looking makes none). */
    List<JobWatches.WaitState> waits() {
        JobWatches started;
        synchronized (this) {
            started = watches;
        }
        return started == null ? List.of() : started.waits();
    }

    @ManagedAttribute(description = "Exchanges waiting for their jobs to end now (waitForCompletion)")
    public int getWaitingExchanges() {
        return waits().size();
    }

    @ManagedAttribute(description = "Jobs the waiting exchanges wait for")
    public int getWaitedJobs() {
        return (int) waits().stream().flatMap(wait -> wait.jobs().stream()).map(JobWatches.WaitedJob::id).distinct()
                .count();
    }

    @ManagedAttribute(description = "Watches polling now: one per store, poll interval and client with waits")
    public synchronized int getJobWatches() {
        return watches == null ? 0 : watches.size();
    }

    @ManagedAttribute(description = "Waits for jobs begun since the watches were made (with the first wait)")
    public synchronized long getWaitsBegun() {
        return watches == null ? 0 : watches.waitsBegun();
    }

    @ManagedAttribute(description = "Waits for jobs over since the watches were made: jobs ended, timed out or stopped")
    public synchronized long getWaitsEnded() {
        return watches == null ? 0 : watches.waitsEnded();
    }

    @ManagedAttribute(description = "Jobs the producers started (a client token's earlier job not counted)")
    public long getJobsStarted() {
        return jobCounts.started();
    }

    @ManagedAttribute(description = "Jobs a wait saw end")
    public long getJobsEnded() {
        return jobCounts.ended().values().stream().mapToLong(Long::longValue).sum();
    }

    @ManagedAttribute(description = "Jobs a wait saw end, by status")
    public String getJobsEndedByStatus() {
        return jobCounts.ended().toString();
    }

    @ManagedAttribute(description = "Read set uploads sending parts or completing now")
    public int getUploadsInFlight() {
        return uploadsInFlight.size();
    }

    @ManagedAttribute(description = "Clients open, one per distinct client settings")
    public int getClients() {
        return clients.size();
    }

    @ManagedAttribute(description = "Quota lines the open clients drew permits from")
    public int getQuotaLines() {
        return clients.quotaLines().size();
    }

    @ManagedAttribute(description = "Permits that waited 1 ms or more for the request budget in the last minute")
    public long getQuotaWaitsLastMinute() {
        return clients.quotaLines().stream().mapToLong(SharedOmicsClients.QuotaLineState::waitsLastMinute).sum();
    }

    @ManagedAttribute(description = "Quota lines whose shared budget paces in this JVM now (its database out of reach)")
    public int getQuotaLinesOnFallback() {
        return (int) clients.quotaLines().stream().filter(SharedOmicsClients.QuotaLineState::onFallback).count();
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (watches != null) {
                watches.close(); // ends every wait still running, then lets their exchanges go on
                ExecutorServiceManager threads = getCamelContext().getExecutorServiceManager();
                threads.shutdownNow(watchThreads);
                threads.shutdown(completionThreads);
                watches = null;
            }
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            budgetChecks.values().forEach(registry::unregister);
        }
        budgetChecks.clear();
        clients.close();
        super.doStop();
    }
}
