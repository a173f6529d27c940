package io.github.camelomics.aws2.omics.internal.endpoint;

import java.util.function.Supplier;

import java.nio.file.Path;

import io.github.camelomics.aws2.omics.FileUploadLedger;
import io.github.camelomics.aws2.omics.MemoryWatermarkStore;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.WatermarkStore;
import io.github.camelomics.aws2.omics.internal.client.ClientSettings;
import io.github.camelomics.aws2.omics.internal.client.SharedOmicsClients;
import io.github.camelomics.aws2.omics.internal.job.JobCounts;
import io.github.camelomics.aws2.omics.internal.job.JobWatches;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import io.github.camelomics.aws2.omics.internal.postgres.PostgresStores;
import io.github.camelomics.aws2.omics.internal.upload.ReadSetUpload;
import org.apache.camel.spi.IdempotentRepository;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * What a started endpoint works with: the client, the request budget its client draws from, the ledgers and the
 * consumer's watermark store. The one place that chooses them, each by its options in order of precedence
 * ({@link #open}), once when the endpoint starts, and that gives back the client leased from the component
 * ({@link #close}). A client the user gave is used as it is and never closed.
 */
public final class EndpointResources implements AutoCloseable {

    /** A stopped endpoint's: no client, no budget, no ledgers, nothing to give back. */
    public static final EndpointResources NONE = new EndpointResources(null, null, null, null, null, null, null, null,
            null, OmicsMetrics.NONE, null, null);

    private final OmicsClient client;
    private final RequestBudget budget;
    private final StartLedger startLedger;
    private final UploadLedger uploadLedger;
    private final WatermarkStore givenWatermarks;
    private final WatermarkStore sharedWatermarks;
    /** The component's watches of the jobs its producers wait for, made with the first wait. */
    private final Supplier<JobWatches> jobWatches;
    /** The component's uploads in flight, where this endpoint's show while they run. */
    private final ReadSetUpload.InFlight uploadsInFlight;
    private final JobCounts jobCounts;
    private final OmicsMetrics metrics;
    /** Where the client was leased, and with what settings; null when the user gave the client. */
    private final SharedOmicsClients lender;
    private final ClientSettings leased;

    private EndpointResources(OmicsClient client, RequestBudget budget, StartLedger startLedger, UploadLedger uploadLedger,
                              WatermarkStore givenWatermarks, WatermarkStore sharedWatermarks,
                              Supplier<JobWatches> jobWatches, ReadSetUpload.InFlight uploadsInFlight,
                              JobCounts jobCounts, OmicsMetrics metrics, SharedOmicsClients lender,
                              ClientSettings leased) {
        this.client = client;
        this.budget = budget;
        this.startLedger = startLedger;
        this.uploadLedger = uploadLedger;
        this.givenWatermarks = givenWatermarks;
        this.sharedWatermarks = sharedWatermarks;
        this.jobWatches = jobWatches;
        this.uploadsInFlight = uploadsInFlight;
        this.jobCounts = jobCounts;
        this.metrics = metrics;
        this.lender = lender;
        this.leased = leased;
    }

    /**
     * Chooses and makes the resources of checked options: the stores in PostgreSQL come from the component's
     * {@code stores} (one per DataSource), a client the user did not give is leased from its {@code clients}, and
     * waits go to its {@code jobWatches}, uploads show in its {@code uploadsInFlight}, jobs started are counted in its
     * {@code jobCounts}, and what happens is told to its {@code metrics}.
     */
    public static EndpointResources open(Omics2Configuration options, SharedOmicsClients clients, PostgresStores stores,
                                         Supplier<JobWatches> jobWatches, ReadSetUpload.InFlight uploadsInFlight,
                                         JobCounts jobCounts, OmicsMetrics metrics) {
        StartLedger startLedger = startLedger(options, stores);
        WatermarkStore sharedWatermarks = options.isSharedWatermark()
                ? stores.watermarks(options.getDataSource(), options.getRegion()) : null;
        UploadLedger uploadLedger = uploadLedger(options, stores);
        if (options.getOmicsClient() != null) {
            return new EndpointResources(options.getOmicsClient(), null, startLedger, uploadLedger,
                    options.getWatermarkStore(), sharedWatermarks, jobWatches, uploadsInFlight, jobCounts, metrics, null,
                    null);
        }
        RequestBudget budget = budget(options, stores);
        if (budget instanceof PostgresStores.SharedBudget shared) {
            // the meter registers once per budgetKey; the health check reads the same budget (the component's)
            metrics.budgetFallback(options.getBudgetKey(), shared::isOnFallback);
        }
        ClientSettings settings = ClientSettings.of(options, budget);
        return new EndpointResources(clients.acquire(settings), budget, startLedger, uploadLedger,
                options.getWatermarkStore(), sharedWatermarks, jobWatches, uploadsInFlight, jobCounts, metrics, clients,
                settings);
    }

    /** The user's requestBudget, else the one shared in dataSource with sharedBudget=true, else null: the local pace. */
    private static RequestBudget budget(Omics2Configuration options, PostgresStores stores) {
        if (options.getRequestBudget() != null) {
            return options.getRequestBudget();
        }
        return options.isSharedBudget() ? stores.budget(options.getDataSource()) : null;
    }

    /** The user's startLedgerRepository, else the one in dataSource with startLedger=true, else null: none. */
    private static StartLedger startLedger(Omics2Configuration options, PostgresStores stores) {
        if (options.getStartLedgerRepository() != null) {
            return options.getStartLedgerRepository();
        }
        return options.isStartLedger() ? stores.startLedger(options.getDataSource()) : null;
    }

    /** The user's uploadLedger, else beside the start ledger in dataSource, else in a local directory. */
    private static UploadLedger uploadLedger(Omics2Configuration options, PostgresStores stores) {
        if (options.getUploadLedger() != null) {
            return options.getUploadLedger();
        }
        if (options.isStartLedger() && options.getStartLedgerRepository() == null) {
            return stores.uploadLedger(options.getDataSource());
        }
        return new FileUploadLedger(options.getUploadLedgerDirectory() == null ? FileUploadLedger.defaultDirectory()
                : Path.of(options.getUploadLedgerDirectory()));
    }

    /**
     * The consumer's watermark store, given the idempotent repository it remembers emitted statuses in: the user's
     * watermarkStore, else the one in dataSource with sharedWatermark=true, else the repository when it can keep
     * watermarks too, else a new one in memory (which, like a repository in memory, lasts as long as the consumer).
     */
    public WatermarkStore watermarks(IdempotentRepository repository) {
        if (givenWatermarks != null) {
            return givenWatermarks;
        }
        if (sharedWatermarks != null) {
            return sharedWatermarks;
        }
        return repository instanceof WatermarkStore kept ? kept : new MemoryWatermarkStore();
    }

    /** The component's watches of waited jobs; they start their threads with the first wait. */
    public JobWatches jobWatches() {
        return jobWatches.get();
    }

    /** The component's uploads in flight, where this endpoint's uploads show while they send and complete. */
    public ReadSetUpload.InFlight uploadsInFlight() {
        return uploadsInFlight;
    }

    /** Where the component counts the jobs its producers start. */
    public JobCounts jobCounts() {
        return jobCounts;
    }

    /** The component's meters; {@link OmicsMetrics#NONE} without a MeterRegistry. */
    public OmicsMetrics metrics() {
        return metrics;
    }

    public OmicsClient client() {
        return client;
    }

    /** The budget the component's client draws from; null for the local pace or a given client. */
    public RequestBudget budget() {
        return budget;
    }

    /** The budget shared in the database of dataSource (sharedBudget=true), else null. */
    public PostgresStores.SharedBudget sharedBudget() {
        return budget instanceof PostgresStores.SharedBudget shared ? shared : null;
    }

    /** The ledger of client tokens and their jobs; null when there is none. */
    public StartLedger startLedger() {
        return startLedger;
    }

    /** Where uploads record their progress. */
    public UploadLedger uploadLedger() {
        return uploadLedger;
    }

    /** The consumer's watermark store in the database with sharedWatermark=true, else null. */
    public WatermarkStore sharedWatermarks() {
        return sharedWatermarks;
    }

    /** Gives the leased client back to the component, which closes it when its last endpoint gives it back. */
    @Override
    public void close() {
        if (lender != null) {
            lender.release(leased);
        }
    }
}
