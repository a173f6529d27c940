package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A read set import job, as of the last time the emulator's clock was looked at.
 *
 * @param clientToken    the idempotency token, or {@code null}
 * @param statusMessage  a summary once the job has failures, or {@code null}
 * @param completionTime when the job reached its terminal status, or {@code null}
 * @param outcomes       one entry per source once the job is terminal, empty before
 * @param request        the request body as received: replays with the same clientToken must match it
 */
public record ImportJob(String id, String sequenceStoreId, String roleArn, String clientToken, Instant creationTime,
                        JobStatus status, String statusMessage, Instant completionTime, List<ImportSource> sources,
                        List<SourceOutcome> outcomes, JsonNode request) {

    public ImportJob {
        sources = List.copyOf(sources);
        outcomes = List.copyOf(outcomes);
    }

    /** The status of source {@code index}: derived from the job's phase until the job has finished. */
    public SourceOutcome sourceOutcome(int index) {
        if (!outcomes.isEmpty()) {
            return outcomes.get(index);
        }
        return new SourceOutcome(status == JobStatus.SUBMITTED ? SourceStatus.NOT_STARTED : SourceStatus.IN_PROGRESS,
                null, null);
    }

    ImportJob withStatus(JobStatus newStatus) {
        return new ImportJob(id, sequenceStoreId, roleArn, clientToken, creationTime, newStatus, statusMessage,
                completionTime, sources, outcomes, request);
    }

    ImportJob finished(JobStatus finalStatus, String message, Instant completedAt, List<SourceOutcome> results) {
        return new ImportJob(id, sequenceStoreId, roleArn, clientToken, creationTime, finalStatus, message, completedAt,
                sources, results, request);
    }
}
