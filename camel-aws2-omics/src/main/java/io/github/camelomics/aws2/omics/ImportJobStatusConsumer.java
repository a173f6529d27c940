package io.github.camelomics.aws2.omics;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelomics.aws2.omics.internal.job.JobFamily;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import io.github.camelomics.aws2.omics.internal.operation.ResultHeaders;
import io.github.camelomics.aws2.omics.internal.operation.ResultHeaders.ImportJob;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetFilter;
import software.amazon.awssdk.services.omics.model.ImportReadSetJobItem;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsResponse;

/**
 * {@code from("aws2-omics:listReadSetImportJobs")}: each poll pages through the import jobs of the sequence store
 * created since its watermark and emits one exchange per job and status not emitted before; the body is the listed
 * job, ended jobs also carry their per-source results. What was emitted is remembered as {@code <jobId>:<status>} in an
 * IdempotentRepository: the key is added before the exchange is processed and removed when it fails, so a failed status
 * change comes again with the next poll.
 * <p>
 * The watermark is the creation time of the oldest listed job that is not settled (not ended, or its end not emitted);
 * with every listed job settled, that of the newest. Jobs before it never change again, so a poll costs the jobs
 * created since the oldest one still running, not the store's history. The first poll, with no watermark kept, starts
 * at option since (unset: the whole history).
 * <p>
 * The component's metrics count the polls by outcome and the events by status, and its lag gauge reads the watermark
 * as of the last poll (never the store itself, which may be a database).
 */
@ManagedResource(description = "Managed AWS HealthOmics import job status consumer")
public class ImportJobStatusConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobStatusConsumer.class);

    /** What became of a listed job's status at this poll. */
    private enum Emission {
        /** emitted now and remembered */
        EMITTED,
        /** emitted before (or now by a replica sharing the repository) */
        REMEMBERED,
        /** not emitted: terminalStatusesOnly and the job runs */
        SKIPPED,
        /** its exchange failed; it is emitted again with the next poll */
        FAILED
    }

    /**
     * What the polls came to, as of the last one; replaced whole after each poll, read by the dev console and JMX.
     *
     * @param lastPoll   when the last poll began, by the system clock; null before the first
     * @param lastError  what the last poll failed with; null when it succeeded
     * @param lastEvents the status events the last poll emitted
     * @param watermark  the creation time the next poll lists from, as the last poll left it; null while there is none
     */
    record PollStatus(Instant lastPoll, String lastError, int lastEvents, Instant watermark, long polls,
                      long failedPolls) {

        static final PollStatus NONE = new PollStatus(null, null, 0, null, 0, 0);

        PollStatus succeeded(Instant at, int events, Instant watermarkLeft) {
            return new PollStatus(at, null, events, watermarkLeft, polls + 1, failedPolls);
        }

        PollStatus failed(Instant at, Exception error) {
            String why = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
            return new PollStatus(at, why, 0, watermark, polls + 1, failedPolls + 1);
        }
    }

    private IdempotentRepository repository;
    private WatermarkStore watermarks;
    private OmicsMetrics metrics;
    /** The watermark as the last poll left it, for the lag gauge and the poll status. */
    private volatile Instant lastWatermark;
    private volatile PollStatus status = PollStatus.NONE;
    /** Every event emitted, those of a poll that failed later included. */
    private final LongAdder eventsEmitted = new LongAdder();

    public ImportJobStatusConsumer(Omics2Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public Omics2Endpoint getEndpoint() {
        return (Omics2Endpoint) super.getEndpoint();
    }

    @Override
    protected void doBuild() throws Exception {
        // before Camel's: it makes its own check only when none is set
        setHealthCheck(new ImportJobStatusHealthCheck(this, "consumer:" + getRouteId()));
        super.doBuild();
    }

    /** The failure of the last poll while polls fail in a row; null after a good one. */
    Throwable lastPollFailure() {
        return getLastError();
    }

    @Override
    protected void doStart() throws Exception {
        // the options were checked when the endpoint started (Omics2Endpoint), before this consumer
        Omics2Configuration options = getEndpoint().getConfiguration();
        // Unbounded: a bounded cache that evicted the key of a job still listed would emit that job again.
        repository = options.getIdempotentRepository() != null
                ? options.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(new ConcurrentHashMap<>());
        // chosen with the endpoint's other resources, given the repository: it may keep the watermarks too
        watermarks = getEndpoint().resources().watermarks(repository);
        metrics = getEndpoint().resources().metrics();
        metrics.consumerWatermark(options.getSequenceStoreId(), () -> lastWatermark);
        ServiceHelper.startService(repository);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        lastWatermark = null; // a stopped consumer lags nothing: its gauge reads NaN until it polls again
        ServiceHelper.stopService(repository);
    }

    @Override
    protected int poll() throws Exception {
        String store = getEndpoint().getConfiguration().getSequenceStoreId();
        Instant at = Instant.now();
        try {
            int emitted = listAndEmit(store);
            metrics.poll(store, true);
            status = status.succeeded(at, emitted, lastWatermark);
            return emitted;
        } catch (Exception e) {
            metrics.poll(store, false);
            status = status.failed(at, e);
            throw e;
        }
    }

    /** What the polls came to, as of the last one. */
    PollStatus pollStatus() {
        return status;
    }

    @ManagedAttribute(description = "Polls since the consumer started, failed ones included")
    public long getPolls() {
        return status.polls();
    }

    @ManagedAttribute(description = "Polls that failed since the consumer started")
    public long getFailedPolls() {
        return status.failedPolls();
    }

    @ManagedAttribute(description = "Status events emitted since the consumer started")
    public long getEventsEmitted() {
        return eventsEmitted.sum();
    }

    @ManagedAttribute(description = "When the last poll began (ISO-8601), empty before the first")
    public String getLastPoll() {
        return status.lastPoll() == null ? "" : status.lastPoll().toString();
    }

    @ManagedAttribute(description = "What the last poll failed with, empty when it succeeded")
    public String getLastPollError() {
        return status.lastError() == null ? "" : status.lastError();
    }

    @ManagedAttribute(description = "Creation time the next poll lists jobs from (ISO-8601), empty while there is none")
    public String getWatermark() {
        return status.watermark() == null ? "" : status.watermark().toString();
    }

    /** One poll: the jobs created since the watermark, each status not emitted before, then the watermark moved on. */
    private int listAndEmit(String store) throws Exception {
        Omics2Configuration options = getEndpoint().getConfiguration();
        OmicsClient client = getEndpoint().getClient();
        Instant watermark = watermarks.watermark(store);
        lastWatermark = watermark;
        Instant from = watermark != null ? watermark : firstPollStart(options);
        ImportReadSetFilter filter = filter(watermark, from);
        int emitted = 0;
        Instant oldestUnsettled = null;
        Instant newest = null;
        String nextToken = null;
        do {
            String token = nextToken;
            ListReadSetImportJobsResponse page = client.listReadSetImportJobs(b -> b.sequenceStoreId(store)
                    .maxResults(options.getMaxResults()).nextToken(token).filter(filter));
            for (ImportReadSetJobItem job : page.importJobs()) {
                if (!isPollAllowed()) {
                    return emitted; // stopping or suspended: the rest, and the watermark, wait for the next poll
                }
                boolean ended = JobFamily.hasEnded(job.statusAsString());
                Emission emission = ended || !options.isTerminalStatusesOnly() ? emit(client, job, ended) : Emission.SKIPPED;
                if (emission == Emission.EMITTED) {
                    emitted++;
                    metrics.eventEmitted(store, job.statusAsString());
                    eventsEmitted.increment();
                }
                Instant created = job.creationTime();
                if (created != null) {
                    boolean settled = ended && emission != Emission.FAILED;
                    if (!settled && (oldestUnsettled == null || created.isBefore(oldestUnsettled))) {
                        oldestUnsettled = created;
                    }
                    newest = newest == null || created.isAfter(newest) ? created : newest;
                }
            }
            nextToken = page.nextToken();
        } while (nextToken != null && isPollAllowed());
        if (nextToken != null) {
            return emitted;
        }
        // a first poll that listed nothing still fixes its start, so that the next one does not move it
        Instant next = oldestUnsettled != null ? oldestUnsettled : newest != null ? newest : from;
        if (next != null && (watermark == null || next.isAfter(watermark))) {
            watermarks.advance(store, next);
            lastWatermark = next;
            LOG.debug("Watermark of store {}: {}", store, next);
        }
        return emitted;
    }

    /** The first poll's start, by the endpoint's clock (emulated in tests); null: the store's whole history. */
    private Instant firstPollStart(Omics2Configuration options) {
        return options.getSince() == null ? null : Since.parse(options.getSince()).from(getEndpoint().getWaitTimer().now());
    }

    /** From a kept watermark, a margin earlier (JobFamily.listedFrom); from since, exactly as the user said. */
    private static ImportReadSetFilter filter(Instant watermark, Instant from) {
        if (watermark != null) {
            return ImportReadSetFilter.builder().createdAfter(JobFamily.listedFrom(watermark)).build();
        }
        return from == null ? null : ImportReadSetFilter.builder().createdAfter(from).build();
    }

    /** Emits the job unless its status was emitted before. */
    private Emission emit(OmicsClient client, ImportReadSetJobItem job, boolean ended) throws Exception {
        String key = job.id() + ":" + job.statusAsString();
        if (repository.contains(key)) {
            return Emission.REMEMBERED;
        }
        // an ended job no longer changes: its per-source results are fetched once, before anything is remembered,
        // so a failed call leaves the status to the next poll
        GetReadSetImportJobResponse details = ended
                ? client.getReadSetImportJob(b -> b.sequenceStoreId(getEndpoint().getConfiguration().getSequenceStoreId()).id(job.id())) : null;
        if (!repository.add(key)) {
            return Emission.REMEMBERED; // another consumer sharing the repository took it meanwhile
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(job);
            // an ended job's headers come from its details: per-source results and read set ids too
            ResultHeaders.importJobs(exchange.getMessage(), List.of(details == null ? ImportJob.of(job) : ImportJob.of(details)));
            LOG.debug("Import job {} in store {}: {}", job.id(), job.sequenceStoreId(), job.statusAsString());
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                repository.remove(key);
                getExceptionHandler().handleException("Error processing import job " + job.id() + " "
                                                      + job.statusAsString() + "; it is emitted again with the next poll",
                        exchange, exchange.getException());
                return Emission.FAILED;
            }
            repository.confirm(key);
            return Emission.EMITTED;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
