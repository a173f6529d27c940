package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A read set import job, as of the last time the emulator's clock was looked at.
 *
 * @param clientToken    the idempotency token, or {@code null}
 * @param statusMessage  the service's message while IN_PROGRESS, a summary once the job has failures, or {@code null}
 * @param completionTime when the job reached its terminal status, or {@code null}
 * @param outcomes       one entry per source once the job is terminal, empty before
 * @param request        the request body as received: replays with the same clientToken must match it
 */
public record ImportJob(String id, String sequenceStoreId, String roleArn, String clientToken, Instant creationTime,
                        JobStatus status, String statusMessage, Instant completionTime, List<ImportSource> sources,
                        List<SourceOutcome> outcomes, JsonNode request) implements Job {

    /** The service's status message of a job while it is IN_PROGRESS. */
    public static final String IN_PROGRESS_MESSAGE = "The job is currently in progress.";
    /** The service's status message of each source while its job is IN_PROGRESS. */
    public static final String SOURCE_IN_PROGRESS_MESSAGE = "The source job is currently in progress.";

    public ImportJob {
        sources = List.copyOf(sources);
        outcomes = List.copyOf(outcomes);
    }

    /** The status of source {@code index}: derived from the job's phase until the job has finished. */
    public SourceOutcome sourceOutcome(int index) {
        if (!outcomes.isEmpty()) {
            return outcomes.get(index);
        }
        return status == JobStatus.SUBMITTED ? new SourceOutcome(SourceStatus.NOT_STARTED, null, null)
                : new SourceOutcome(SourceStatus.IN_PROGRESS, SOURCE_IN_PROGRESS_MESSAGE, null);
    }

    /** The job once it has left SUBMITTED, with the service's message. */
    ImportJob importing() {
        return new ImportJob(id, sequenceStoreId, roleArn, clientToken, creationTime, JobStatus.IN_PROGRESS,
                IN_PROGRESS_MESSAGE, completionTime, sources, outcomes, request);
    }

    /** The job as a service that no longer remembers its client token holds it. */
    ImportJob withoutClientToken() {
        return new ImportJob(id, sequenceStoreId, roleArn, null, creationTime, status, statusMessage, completionTime,
                sources, outcomes, request);
    }

    ImportJob finished(JobStatus finalStatus, String message, Instant completedAt, List<SourceOutcome> results) {
        return new ImportJob(id, sequenceStoreId, roleArn, clientToken, creationTime, finalStatus, message, completedAt,
                sources, results, request);
    }
}
