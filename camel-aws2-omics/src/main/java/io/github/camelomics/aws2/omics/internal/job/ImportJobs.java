package io.github.camelomics.aws2.omics.internal.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.camelomics.aws2.omics.ImportPartlyStartedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

/**
 * Starts the import jobs one request becomes: consecutive slices of at most maxSourcesPerJob sources, in input order,
 * each with its own client token. More than one job exists only because the service takes at most 100 sources a job.
 */
public final class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    private ImportJobs() {
    }

    /**
     * The service's answer for each job, in source order.
     *
     * @throws ImportPartlyStartedException when a job fails to start after others had started (they are listed in it)
     */
    public static List<StartReadSetImportJobResponse> start(
            OmicsClient client, StartReadSetImportJobRequest request, int maxSourcesPerJob, ClientTokens tokens) {
        List<JobSlice> slices = JobSlice.of(request.sources().size(), maxSourcesPerJob);
        List<StartReadSetImportJobResponse> started = new ArrayList<>(slices.size());
        for (JobSlice slice : slices) {
            StartReadSetImportJobRequest job = job(request, slice, tokens.of(request.clientToken(), slice));
            try {
                StartReadSetImportJobResponse response = client.startReadSetImportJob(job);
                if (ImportJobStatuses.hasEnded(response.status())) {
                    // only a repeated client token answers with a job that has already ended
                    LOG.info("HealthOmics answered client token {} with existing import job {} ({}); to import these "
                             + "sources again, send a new clientToken", job.clientToken(), response.id(), response.statusAsString());
                }
                started.add(response);
            } catch (RuntimeException e) {
                if (started.isEmpty()) {
                    throw e;
                }
                throw new ImportPartlyStartedException(started, slice.index(), slices.size(), e);
            }
        }
        return started;
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
