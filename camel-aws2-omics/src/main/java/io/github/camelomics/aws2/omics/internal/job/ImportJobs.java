package io.github.camelomics.aws2.omics.internal.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.camelomics.aws2.omics.ImportPartlyStartedException;
import io.github.camelomics.aws2.omics.StartLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

/**
 * Starts the import jobs one request becomes: consecutive slices of at most maxSourcesPerJob sources, in input order,
 * each with its own client token. More than one job exists only because the service takes at most 100 sources a job.
 * <p>
 * With a start ledger, each job's token is looked up before its start: a recorded job is fetched (its current status,
 * with no start call) instead of started, and a started one is recorded once the service has answered. A process that
 * dies between the answer and the record loses nothing: the redelivery finds no record, starts with the same token,
 * and the service answers with the same job.
 */
public final class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    private ImportJobs() {
    }

    /**
     * The service's answer for each job, in source order.
     *
     * @param  ledger                       where the job of each client token is recorded; null for none
     * @throws ImportPartlyStartedException when a job fails to start after others had started (they are listed in it)
     */
    public static List<StartReadSetImportJobResponse> start(
            OmicsClient client, StartReadSetImportJobRequest request, int maxSourcesPerJob, ClientTokens tokens,
            StartLedger ledger) {
        List<JobSlice> slices = JobSlice.of(request.sources().size(), maxSourcesPerJob);
        List<StartReadSetImportJobResponse> started = new ArrayList<>(slices.size());
        for (JobSlice slice : slices) {
            StartReadSetImportJobRequest job = job(request, slice, tokens.of(request.clientToken(), slice));
            try {
                started.add(ledger == null || job.clientToken() == null ? start(client, job) : start(client, job, ledger));
            } catch (RuntimeException e) {
                if (started.isEmpty()) {
                    throw e;
                }
                throw new ImportPartlyStartedException(started, slice.index(), slices.size(), e);
            }
        }
        return started;
    }

    private static StartReadSetImportJobResponse start(OmicsClient client, StartReadSetImportJobRequest job) {
        StartReadSetImportJobResponse response = client.startReadSetImportJob(job);
        if (ImportJobStatuses.hasEnded(response.status())) {
            // only a repeated client token answers with a job that has already ended
            LOG.info("HealthOmics answered client token {} with existing import job {} ({}); to import these "
                     + "sources again, send a new clientToken", job.clientToken(), response.id(), response.statusAsString());
        }
        return response;
    }

    /** Reads the ledger before the start and writes it after; a failed write is logged, as the token covers it. */
    private static StartReadSetImportJobResponse start(
            OmicsClient client, StartReadSetImportJobRequest job, StartLedger ledger) {
        StartLedger.Key key = new StartLedger.Key(client.serviceClientConfiguration().region().id(), job.sequenceStoreId(),
                job.clientToken());
        Optional<String> recorded = ledger.jobFor(key);
        if (recorded.isPresent()) {
            LOG.info("Client token {} is in the start ledger with import job {}: not started again", key.clientToken(),
                    recorded.get());
            return recordedJob(client, job.sequenceStoreId(), recorded.get());
        }
        StartReadSetImportJobResponse response = start(client, job);
        try {
            ledger.record(key, response.id());
        } catch (RuntimeException e) {
            LOG.warn("Import job {} of client token {} is started but not recorded in the start ledger ({}); a redelivery "
                     + "still gets this job, from the service's own memory of the token", response.id(),
                    key.clientToken(), e.getMessage());
        }
        return response;
    }

    /**
     * The recorded job as the start would have answered it, with its status now: a Get costs one request of another
     * quota line, and gives the exchange the job's real state.
     */
    private static StartReadSetImportJobResponse recordedJob(OmicsClient client, String sequenceStoreId, String jobId) {
        GetReadSetImportJobResponse job = client.getReadSetImportJob(b -> b.sequenceStoreId(sequenceStoreId).id(jobId));
        return StartReadSetImportJobResponse.builder()
                .id(job.id())
                .sequenceStoreId(job.sequenceStoreId())
                .roleArn(job.roleArn())
                .status(job.statusAsString())
                .creationTime(job.creationTime())
                .build();
    }

    /** The request of one job; the request itself when it is the whole of it (no copy of its sources). */
    private static StartReadSetImportJobRequest job(StartReadSetImportJobRequest request, JobSlice slice, String token) {
        boolean whole = slice.isWhole(request.sources().size());
        if (whole && Objects.equals(token, request.clientToken())) {
            return request;
        }
        StartReadSetImportJobRequest.Builder job = request.toBuilder().clientToken(token);
        return (whole ? job : job.sources(request.sources().subList(slice.from(), slice.to()))).build();
    }
}
