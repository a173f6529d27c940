package io.github.camelomics.aws2.omics;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelomics.aws2.omics.internal.client.ClientSettings;
import io.github.camelomics.aws2.omics.internal.endpoint.EndpointResources;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * Import, upload and follow read sets in AWS HealthOmics sequence stores using AWS SDK version 2.x.
 * <p>
 * A producer runs one operation for each message: import jobs started from S3 (and followed to their end with
 * waitForCompletion), local files uploaded as read sets, jobs and read sets read and listed. Consumed,
 * listReadSetImportJobs emits the status changes of a store's import jobs. When the endpoint starts (with
 * lazyStartProducer=true, with its first message), its options are checked, all at once ({@link OptionsCheck}), and its
 * resources chosen ({@link EndpointResources}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "aws2-omics", title = "AWS HealthOmics", syntax = "aws2-omics:operation",
             category = { Category.CLOUD }, headersClass = Omics2Constants.class)
@ManagedResource(description = "Managed AWS HealthOmics endpoint")
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

    /** What the started endpoint works with; none while it is stopped. */
    private volatile EndpointResources resources = EndpointResources.NONE;
    private WaitTimer waitTimer = WaitTimer.SYSTEM;
    /** Whether a consumer was created: consumer options are then checked too. */
    private volatile boolean consumed;
    private volatile boolean optionsChecked;
    /** Exchanges of this endpoint's producers waiting for jobs, and uploading, now: for JMX. */
    private final AtomicInteger waitingExchanges = new AtomicInteger();
    private final AtomicInteger uploading = new AtomicInteger();

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
        OptionsCheck.consumable(configuration.getOperation());
        consumed = true;
        OptionsCheck.check(configuration, true); // the endpoint may have started already, without the consumer's options
        optionsChecked = true;
        ImportJobStatusConsumer consumer = new ImportJobStatusConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Omics2Component getComponent() {
        return (Omics2Component) super.getComponent();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (consumed || !isLazyStartProducer()) {
            openResources();
        }
    }

    /**
     * Checks the options and opens the resources, once: when the endpoint starts; with lazyStartProducer=true (and no
     * consumer) when its producer starts, on the first message, which then fails if an option is wrong.
     */
    synchronized void openResources() {
        if (resources != EndpointResources.NONE) {
            return;
        }
        if (!optionsChecked) {
            OptionsCheck.check(configuration, consumed);
            optionsChecked = true;
        }
        resources = EndpointResources.open(configuration, getComponent().clients(), getComponent().postgresStores(),
                getComponent()::jobWatches, getComponent().uploadsInFlight(), getComponent().jobCounts(),
                getComponent().metrics());
        if (resources.sharedBudget() != null) {
            getComponent().sharedBudgetOpened(configuration.getBudgetKey(), resources.sharedBudget());
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            resources.close(); // gives the leased client back; a given one is never closed
            resources = EndpointResources.NONE;
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

    /** What the endpoint works with while it is started, else {@link EndpointResources#NONE}. */
    public EndpointResources resources() {
        return resources;
    }

    /** The client in use while the endpoint is started (with lazyStartProducer=true, from the first message on). */
    public OmicsClient getClient() {
        return resources.client();
    }

    /** The start ledger in use while the endpoint is started, or null when there is none. */
    public StartLedger getStartLedger() {
        return resources.startLedger();
    }

    /** The watermark store in the database of dataSource when sharedWatermark=true and the endpoint is started, else null. */
    public WatermarkStore getSharedWatermarkStore() {
        return resources.sharedWatermarks();
    }

    /** Where uploads record their progress while the endpoint is started. */
    public UploadLedger getUploadLedger() {
        return resources.uploadLedger();
    }

    /** Counts the exchanges of this endpoint's producers that begin (+1) or end (-1) waiting for jobs, or uploading. */
    void inFlight(int waiting, int uploads) {
        // most calls neither wait nor upload: no atomic write for them
        if (waiting != 0) {
            waitingExchanges.addAndGet(waiting);
        }
        if (uploads != 0) {
            uploading.addAndGet(uploads);
        }
    }

    @ManagedAttribute(description = "The endpoint's operation")
    public String getOperation() {
        return String.valueOf(configuration.getOperation());
    }

    @ManagedAttribute(description = "The sequence store of the endpoint's options")
    public String getSequenceStoreId() {
        return configuration.getSequenceStoreId();
    }

    @ManagedAttribute(description = "The region of the endpoint's options")
    public String getRegion() {
        return configuration.getRegion();
    }

    @ManagedAttribute(description = "Exchanges waiting for their jobs to end now (waitForCompletion)")
    public int getWaitingExchanges() {
        return waitingExchanges.get();
    }

    @ManagedAttribute(description = "Read set uploads running now")
    public int getUploadsInFlight() {
        return uploading.get();
    }

    @Override
    public String getServiceUrl() {
        return ClientSettings.of(configuration).serviceUrl();
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
