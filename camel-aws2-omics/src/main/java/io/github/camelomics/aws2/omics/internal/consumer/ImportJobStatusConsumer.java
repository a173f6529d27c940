package io.github.camelomics.aws2.omics.internal.consumer;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Endpoint;
import io.github.camelomics.aws2.omics.internal.job.ImportJobStatuses;
import io.github.camelomics.aws2.omics.internal.operation.ResultHeaders;
import io.github.camelomics.aws2.omics.internal.operation.ResultHeaders.ImportJob;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetJobItem;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsResponse;

/**
 * {@code from("aws2-omics:listReadSetImportJobs")}: each poll pages through the import jobs of the sequence store and
 * emits one exchange per job and status not emitted before; the body is the listed job, ended jobs also carry their
 * per-source results. What was emitted is remembered as {@code <jobId>:<status>} in an IdempotentRepository: the key
 * is added before the exchange is processed and removed when it fails, so a failed status change comes again with the
 * next poll.
 */
public class ImportJobStatusConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobStatusConsumer.class);

    private IdempotentRepository repository;

    public ImportJobStatusConsumer(Omics2Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public Omics2Endpoint getEndpoint() {
        return (Omics2Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        // the options were checked when the endpoint started (Omics2Endpoint), before this consumer
        Omics2Configuration options = getEndpoint().getConfiguration();
        // Unbounded: every poll lists every job of the store anyway, and a bounded cache that evicted the key of an old
        // job would emit that job again on the next poll.
        repository = options.getIdempotentRepository() != null
                ? options.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(new ConcurrentHashMap<>());
        ServiceHelper.startService(repository);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        ServiceHelper.stopService(repository);
    }

    @Override
    protected int poll() throws Exception {
        Omics2Configuration options = getEndpoint().getConfiguration();
        OmicsClient client = getEndpoint().getClient();
        int emitted = 0;
        String nextToken = null;
        do {
            String token = nextToken;
            ListReadSetImportJobsResponse page = client.listReadSetImportJobs(b -> b
                    .sequenceStoreId(options.getSequenceStoreId()).maxResults(options.getMaxResults()).nextToken(token));
            for (ImportReadSetJobItem job : page.importJobs()) {
                if (!isPollAllowed()) {
                    return emitted; // stopping or suspended: the rest comes with the first poll after a restart
                }
                boolean ended = ImportJobStatuses.hasEnded(job.status());
                if ((ended || !options.isTerminalStatusesOnly()) && emit(client, job, ended)) {
                    emitted++;
                }
            }
            nextToken = page.nextToken();
        } while (nextToken != null && isPollAllowed());
        return emitted;
    }

    /** Emits the job unless its status was emitted before; true when it was emitted now. */
    private boolean emit(OmicsClient client, ImportReadSetJobItem job, boolean ended) throws Exception {
        String key = job.id() + ":" + job.statusAsString();
        if (repository.contains(key)) {
            return false;
        }
        // an ended job no longer changes: its per-source results are fetched once, before anything is remembered,
        // so a failed call leaves the status to the next poll
        GetReadSetImportJobResponse details = ended
                ? client.getReadSetImportJob(b -> b.sequenceStoreId(getEndpoint().getConfiguration().getSequenceStoreId()).id(job.id())) : null;
        if (!repository.add(key)) {
            return false; // another consumer sharing the repository took it meanwhile
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
            } else {
                repository.confirm(key);
            }
        } finally {
            releaseExchange(exchange, false);
        }
        return true;
    }
}
