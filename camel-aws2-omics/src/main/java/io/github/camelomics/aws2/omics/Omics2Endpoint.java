package io.github.camelomics.aws2.omics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.internal.client.ClientSettings;
import io.github.camelomics.aws2.omics.internal.client.OmicsClientFactory;
import io.github.camelomics.aws2.omics.internal.consumer.ImportJobStatusConsumer;
import io.github.camelomics.aws2.omics.internal.consumer.Since;
import io.github.camelomics.aws2.omics.internal.endpoint.EndpointResources;
import io.github.camelomics.aws2.omics.internal.postgres.PostgresStores;
import io.github.camelomics.aws2.omics.internal.upload.FileUploadLedger;
import io.github.camelomics.aws2.omics.model.ReadSetRules;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * Start and follow AWS HealthOmics read set import jobs using AWS SDK version 2.x.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "aws2-omics", title = "AWS HealthOmics", syntax = "aws2-omics:operation",
             category = { Category.CLOUD }, headersClass = Omics2Constants.class)
public class Omics2Endpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /**
     * Import jobs run for minutes to hours, and each poll lists the store's jobs from its watermark against a quota of 5
     * requests per second per operation shared with everything else in the account: Camel's 500 ms would spend that quota for
     * nothing. 30 s is also the interval of waitForCompletion (and of the SDK's waiter).
     */
    public static final long DEFAULT_CONSUMER_DELAY = 30_000;

    @UriParam
    private Omics2Configuration configuration;
    // declared again only to document this endpoint's default; the value lives in ScheduledPollEndpoint
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_CONSUMER_DELAY, javaType = "java.time.Duration",
              description = "Milliseconds before the next poll of the consumer (30 s by default: import jobs take minutes, "
                            + "and the service allows 5 requests per second)")
    private long delay = DEFAULT_CONSUMER_DELAY;

    /** What the started endpoint works with; null while it is stopped. */
    private volatile EndpointResources resources;
    private WaitTimer waitTimer = WaitTimer.SYSTEM;
    /** The settings of the client leased from the component; null when the user gave a client. */
    private ClientSettings leased;
    /** Whether a consumer was created: consumer options are then checked too. */
    private volatile boolean consumed;
    private volatile boolean optionsChecked;

    public Omics2Endpoint(String uri, Omics2Component component, Omics2Configuration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_CONSUMER_DELAY);
    }

    @Override
    public Producer createProducer() {
        return new Omics2Producer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getOperation() != Omics2Operations.listReadSetImportJobs) {
            throw new IllegalArgumentException("aws2-omics:" + configuration.getOperation() + " cannot be used in from(): "
                                               + "only aws2-omics:" + Omics2Operations.listReadSetImportJobs
                                               + " can be consumed (it polls the import jobs of a sequence store)");
        }
        consumed = true;
        checkOptions(); // the endpoint may have started already, without the consumer's options
        ImportJobStatusConsumer consumer = new ImportJobStatusConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Omics2Component getComponent() {
        return (Omics2Component) super.getComponent();
    }

    /**
     * Options are checked, and the client taken, when the endpoint starts; with lazyStartProducer=true (and no
     * consumer) when its producer starts, on the first message, which then fails if an option is wrong.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (consumed || !isLazyStartProducer()) {
            startClient();
        }
    }

    /** Checks the options and takes the client, once; the producer calls it too, for lazyStartProducer=true. */
    synchronized void startClient() {
        if (resources != null) {
            return;
        }
        if (!optionsChecked) {
            checkOptions();
        }
        StartLedger startLedger = getComponent().postgresStores().ledger(configuration);
        WatermarkStore sharedWatermarks = getComponent().postgresStores().watermarks(configuration);
        UploadLedger uploadLedger = uploadLedger();
        OmicsClient client;
        RequestBudget budget = null;
        if (configuration.getOmicsClient() != null) {
            client = configuration.getOmicsClient();
        } else {
            budget = getComponent().postgresStores().budget(configuration);
            ClientSettings settings = ClientSettings.of(configuration, budget);
            client = getComponent().clients().acquire(settings);
            leased = settings;
        }
        resources = new EndpointResources(client, budget, startLedger, uploadLedger, sharedWatermarks);
    }

    /** Uploads record their progress in the user's ledger, else beside the start ledger, else in a local directory. */
    private UploadLedger uploadLedger() {
        if (configuration.getUploadLedger() != null) {
            return configuration.getUploadLedger();
        }
        UploadLedger inDatabase = getComponent().postgresStores().uploadLedger(configuration);
        if (inDatabase != null) {
            return inDatabase;
        }
        return new FileUploadLedger(configuration.getUploadLedgerDirectory() == null ? FileUploadLedger.defaultDirectory()
                : Path.of(configuration.getUploadLedgerDirectory()));
    }

    /** The one check of the options: every problem at once, each naming the option and what it must be. */
    private void checkOptions() {
        List<String> problems = new ArrayList<>();
        if (configuration.getOmicsClient() == null) {
            problems.addAll(OmicsClientFactory.problems(ClientSettings.of(configuration)));
        }
        if (configuration.getMaxSourcesPerJob() < 1 || configuration.getMaxSourcesPerJob() > 100) {
            problems.add("option maxSourcesPerJob must be 1 to 100 (the service's fixed quota of sources per job), but was "
                         + configuration.getMaxSourcesPerJob());
        }
        if (!"BAM".equals(configuration.getBamFileType()) && !"UBAM".equals(configuration.getBamFileType())) {
            problems.add("option bamFileType must be BAM or UBAM (what the .bam files of a file list are), but was "
                         + configuration.getBamFileType());
        }
        if (configuration.getRetryFailedSources() < 0) {
            problems.add("option retryFailedSources must be 0 (no retry) or more, but was "
                         + configuration.getRetryFailedSources());
        }
        if (configuration.getRetryFailedSources() > 0 && !configuration.isWaitForCompletion()
            && configuration.getOperation() == Omics2Operations.startReadSetImportJob) {
            problems.add("option retryFailedSources=" + configuration.getRetryFailedSources() + " needs "
                         + "waitForCompletion=true (sources are known to have failed only once their job has ended)");
        }
        if (configuration.getPollInterval() <= 0) {
            problems.add("option pollInterval must be positive, but was " + configuration.getPollInterval() + " ms");
        }
        checkSharedOptions(problems);
        checkUploadOptions(problems);
        if (consumed) {
            if (configuration.getSequenceStoreId() == null || configuration.getSequenceStoreId().isBlank()) {
                problems.add("option sequenceStoreId is required (the store whose import jobs are polled), but it is not set");
            }
            Integer maxResults = configuration.getMaxResults();
            if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
                problems.add("option maxResults must be 1 to 100, but was " + maxResults);
            }
            if (configuration.getSince() != null) {
                try {
                    Since.parse(configuration.getSince());
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            String who = consumed ? "aws2-omics:" + configuration.getOperation() + " consumer: " : "aws2-omics: ";
            throw new IllegalArgumentException(problems.size() == 1
                    ? who + problems.get(0)
                    : who + problems.size() + " problems with the options:\n - " + String.join("\n - ", problems));
        }
        optionsChecked = true;
    }

    /** The request budget, the start ledger and the shared watermark: what each needs, and what cannot go together. */
    private void checkSharedOptions(List<String> problems) {
        boolean sharedBudget = configuration.isSharedBudget() && configuration.getRequestBudget() == null;
        boolean ledgerInDatabase = configuration.isStartLedger() && configuration.getStartLedgerRepository() == null;
        if (sharedBudget && configuration.getDataSource() == null) {
            problems.add("option sharedBudget=true needs option dataSource (the javax.sql.DataSource of the PostgreSQL "
                         + "database that holds the budget), but it is not set");
        }
        if (sharedBudget && !PostgresStores.bucket4jPresent()) {
            problems.add("option sharedBudget=true needs " + PostgresStores.BUCKET4J_ARTIFACT
                         + " on the class path, but it is not there: add that dependency");
        }
        if (ledgerInDatabase && configuration.getDataSource() == null) {
            problems.add("option startLedger=true needs option dataSource (the javax.sql.DataSource of the PostgreSQL "
                         + "database that holds the ledger), but it is not set");
        }
        if (consumed && configuration.isSharedWatermark() && configuration.getWatermarkStore() == null
            && configuration.getDataSource() == null) {
            problems.add("option sharedWatermark=true needs option dataSource (the javax.sql.DataSource of the PostgreSQL "
                         + "database that keeps the watermark), but it is not set");
        }
        boolean budget = configuration.isSharedBudget() || configuration.getRequestBudget() != null;
        if (budget && configuration.getRequestsPerSecond() <= 0) {
            problems.add("option " + budgetOption() + " draws requestsPerSecond permits per second for each quota line, "
                         + "so requestsPerSecond must be positive, but was " + configuration.getRequestsPerSecond());
        }
        if (budget && configuration.getOmicsClient() != null) {
            problems.add("option " + budgetOption() + " applies to the clients the component makes, not to the given "
                         + "omicsClient: remove one of the two");
        }
        if (configuration.getBudgetKey() == null || configuration.getBudgetKey().isBlank()) {
            problems.add("option budgetKey must name the account in the request budget, but it is empty");
        }
    }

    private void checkUploadOptions(List<String> problems) {
        if (configuration.getPartSize() < 1 || configuration.getPartSize() > ReadSetRules.MAX_PART_SIZE) {
            problems.add("option partSize must be 1 to " + ReadSetRules.MAX_PART_SIZE + " bytes (100 MiB, the "
                         + "service's largest part), but was " + configuration.getPartSize());
        }
        if (configuration.getPartsInFlight() < 1) {
            problems.add("option partsInFlight must be 1 or more, but was " + configuration.getPartsInFlight());
        }
        if (configuration.getProgressInterval() <= 0) {
            problems.add("option progressInterval must be positive, but was " + configuration.getProgressInterval() + " ms");
        }
    }

    private String budgetOption() {
        return configuration.getRequestBudget() != null ? "requestBudget" : "sharedBudget=true";
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (leased != null) {
                getComponent().clients().release(leased);
                leased = null;
            }
            resources = null;
        }
        super.doStop();
    }

    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    public Omics2Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Omics2Configuration configuration) {
        this.configuration = configuration;
    }

    public WaitTimer getWaitTimer() {
        return waitTimer;
    }

    /** The clock of job waiting and of the consumer's option since; tests set one that runs on emulated time. */
    public void setWaitTimer(WaitTimer timer) {
        this.waitTimer = timer;
    }

    /** What the endpoint works with while it is started (with lazyStartProducer=true, from the first message on). */
    public EndpointResources resources() {
        return resources;
    }

    /** The client in use while the endpoint is started (with lazyStartProducer=true, from the first message on). */
    public OmicsClient getClient() {
        EndpointResources started = resources;
        return started == null ? null : started.client();
    }

    /** The start ledger in use while the endpoint is started, or null when there is none. */
    public StartLedger getStartLedger() {
        EndpointResources started = resources;
        return started == null ? null : started.startLedger();
    }

    /** The watermark store in the database of dataSource when sharedWatermark=true and the endpoint is started, else null. */
    public WatermarkStore getSharedWatermarkStore() {
        EndpointResources started = resources;
        return started == null ? null : started.sharedWatermarks();
    }

    /** Where uploads record their progress while the endpoint is started. */
    public UploadLedger getUploadLedger() {
        EndpointResources started = resources;
        return started == null ? null : started.uploadLedger();
    }

    @Override
    public String getServiceUrl() {
        if (configuration.isOverrideEndpoint() && configuration.getUriEndpointOverride() != null) {
            return configuration.getUriEndpointOverride();
        }
        return configuration.getRegion() == null ? null
                : "https://control-storage-omics." + configuration.getRegion() + ".amazonaws.com";
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getRegion() == null ? null : Map.of("region", configuration.getRegion());
    }
}
