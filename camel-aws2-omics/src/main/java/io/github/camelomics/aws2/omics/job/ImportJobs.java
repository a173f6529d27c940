package io.github.camelomics.aws2.omics.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.ImportJobFailedException;
import io.github.camelomics.aws2.omics.ImportPartlyStartedException;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.operation.OperationContext;
import io.github.camelomics.aws2.omics.operation.ResultHeaders;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetJobItem;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

import static io.github.camelomics.aws2.omics.Omics2Constants.COMPLETION_TIME;
import static io.github.camelomics.aws2.omics.Omics2Constants.CREATION_TIME;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_IDS;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_SOURCES;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_STATUS;
import static io.github.camelomics.aws2.omics.Omics2Constants.READ_SET_IDS;
import static io.github.camelomics.aws2.omics.Omics2Constants.SEQUENCE_STORE_ID;

/**
 * The import lifecycle behind startReadSetImportJob and getReadSetImportJob: split the sources into jobs of at most
 * maxSourcesPerJob, start each with its own client token, optionally wait for all of them, and put the outcome on the
 * message. With one job the body is that job's SDK response; with several, the list of them in source order.
 */
public final class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final Set<ReadSetImportJobStatus> FAILED_OR_CANCELLED
            = Set.of(ReadSetImportJobStatus.FAILED, ReadSetImportJobStatus.CANCELLED);

    private ImportJobs() {
    }

    /** The jobs a request becomes: consecutive slices of its sources, in input order. */
    public static List<StartReadSetImportJobRequest> split(StartReadSetImportJobRequest request, int maxSourcesPerJob) {
        List<StartReadSetImportJobRequest> jobs = new ArrayList<>();
        int total = request.sources().size();
        for (int from = 0; from < total; from += maxSourcesPerJob) {
            jobs.add(request.toBuilder().sources(request.sources().subList(from, Math.min(total, from + maxSourcesPerJob))).build());
        }
        return jobs;
    }

    public static void start(StartReadSetImportJobRequest request, OperationContext context) {
        OmicsClient client = context.client();
        Omics2Configuration options = context.options();
        Message message = context.message();
        List<StartReadSetImportJobRequest> jobs = split(request, options.getMaxSourcesPerJob());
        // content tokens hash the request's wire form (it has no token then): the tree validation already built
        Supplier<ObjectNode> wire = () -> context.values().wire(request);
        List<StartReadSetImportJobResponse> started = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            int from = i * options.getMaxSourcesPerJob();
            StartReadSetImportJobRequest job = jobs.get(i).toBuilder()
                    .clientToken(ClientTokens.of(wire, from, from + jobs.get(i).sources().size(), request.clientToken(), i,
                            jobs.size(), options.getClientTokenStrategy(), message.getExchange().getExchangeId()))
                    .build();
            try {
                StartReadSetImportJobResponse response = client.startReadSetImportJob(job);
                if (ImportJobWaiter.hasEnded(response.status())) {
                    // only a repeated client token answers with a job that has already ended
                    LOG.info("HealthOmics answered client token {} with existing import job {} ({}); to import these "
                             + "sources again, send a new clientToken", job.clientToken(), response.id(), response.statusAsString());
                }
                started.add(response);
            } catch (RuntimeException e) {
                if (started.isEmpty()) {
                    throw e;
                }
                throw new ImportPartlyStartedException(started, i, jobs.size(), e);
            }
        }
        if (options.isWaitForCompletion()) {
            await(request.sequenceStoreId(), started.stream().map(StartReadSetImportJobResponse::id).toList(), context);
            return;
        }
        message.setBody(started.size() == 1 ? started.get(0) : started);
        setHeaders(message, started.stream().map(Job::of).toList());
    }

    public static void await(String sequenceStoreId, List<String> jobIds, OperationContext context) {
        Omics2Configuration options = context.options();
        List<GetReadSetImportJobResponse> ended = context.waiter().await(context.client(), sequenceStoreId, jobIds,
                Duration.ofMillis(options.getPollInterval()), Duration.ofMillis(options.getWaitTimeout()),
                context.keepWaiting());
        show(context.message(), ended);
        if (options.isFailOnImportFailure() && ended.stream().anyMatch(ImportJobFailedException::isFailure)) {
            throw new ImportJobFailedException(ended);
        }
    }

    /** The outcome of ended (or polled) jobs: body and headers. */
    public static void show(Message message, List<GetReadSetImportJobResponse> jobs) {
        message.setBody(jobs.size() == 1 ? jobs.get(0) : jobs);
        setHeaders(message, jobs.stream().map(Job::of).toList());
    }

    /**
     * The headers of one job as ListReadSetImportJobs shows it; given its GetReadSetImportJob answer (worth a call
     * once the job has ended), its per-source results and read set ids too.
     */
    public static void setHeaders(Message message, ImportReadSetJobItem listed, GetReadSetImportJobResponse details) {
        setHeaders(message, List.of(details == null ? Job.of(listed) : Job.of(details)));
    }

    private static void setHeaders(Message message, List<Job> jobs) {
        message.setHeader(IMPORT_JOB_IDS, jobs.stream().map(Job::id).toList());
        ResultHeaders.setOrRemove(message, IMPORT_JOB_ID, jobs.size() == 1 ? jobs.get(0).id() : null);
        message.setHeader(IMPORT_JOB_STATUS, overallStatus(jobs.stream().map(Job::status).toList()));
        message.setHeader(CREATION_TIME, jobs.get(0).creationTime());
        message.setHeader(SEQUENCE_STORE_ID, jobs.get(0).sequenceStoreId());
        boolean allEnded = jobs.stream().allMatch(j -> j.completionTime() != null);
        ResultHeaders.setOrRemove(message, COMPLETION_TIME, allEnded
                ? jobs.stream().map(Job::completionTime).max(Instant::compareTo).orElse(null) : null);
        if (jobs.stream().allMatch(j -> j.sources() != null)) {
            List<ImportReadSetSourceItem> sources = jobs.stream().flatMap(j -> j.sources().stream()).toList();
            message.setHeader(IMPORT_JOB_SOURCES, sources);
            message.setHeader(READ_SET_IDS, sources.stream().map(ImportReadSetSourceItem::readSetId).filter(Objects::nonNull).toList());
        }
    }

    /**
     * One status for several jobs: theirs when they agree; IN_PROGRESS while any runs; FAILED when all failed or were
     * cancelled; else COMPLETED_WITH_FAILURES.
     */
    static String overallStatus(List<String> statuses) {
        if (statuses.stream().distinct().count() == 1) {
            return statuses.get(0);
        }
        List<ReadSetImportJobStatus> known = statuses.stream().map(ReadSetImportJobStatus::fromValue).toList();
        if (!known.stream().allMatch(ImportJobWaiter::hasEnded)) {
            return ReadSetImportJobStatus.IN_PROGRESS.toString();
        }
        return (FAILED_OR_CANCELLED.containsAll(known)
                ? ReadSetImportJobStatus.FAILED : ReadSetImportJobStatus.COMPLETED_WITH_FAILURES).toString();
    }

    /** What the start, get and list answers have in common. */
    private record Job(String id, String status, Instant creationTime, Instant completionTime,
                       String sequenceStoreId, List<ImportReadSetSourceItem> sources) {
        static Job of(StartReadSetImportJobResponse r) {
            return new Job(r.id(), r.statusAsString(), r.creationTime(), null, r.sequenceStoreId(), null);
        }

        static Job of(ImportReadSetJobItem r) {
            return new Job(r.id(), r.statusAsString(), r.creationTime(), r.completionTime(), r.sequenceStoreId(), null);
        }

        static Job of(GetReadSetImportJobResponse r) {
            return new Job(r.id(), r.statusAsString(), r.creationTime(), r.completionTime(), r.sequenceStoreId(), r.sources());
        }
    }
}
