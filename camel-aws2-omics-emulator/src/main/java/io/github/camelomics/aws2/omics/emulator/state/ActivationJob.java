package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A read set activation job, as of the last time the emulator's clock was looked at.
 *
 * @param items one per read set asked for, in the request's order (the read set's id in {@code readSetId}):
 *              NOT_STARTED while the job is SUBMITTED; then IN_PROGRESS, the read set ACTIVATING, or FAILED when it was
 *              not ARCHIVED; at the end FINISHED (the read set ACTIVE) or FAILED
 */
public record ActivationJob(String id, String sequenceStoreId, String clientToken, Instant creationTime,
                            JobStatus status, String statusMessage, Instant completionTime, List<SourceOutcome> items,
                            JsonNode request) implements ReadSetJob {

    public ActivationJob {
        items = List.copyOf(items);
    }

    ActivationJob moved(JobStatus newStatus, String message, Instant completedAt, List<SourceOutcome> newItems) {
        return new ActivationJob(id, sequenceStoreId, clientToken, creationTime, newStatus, message, completedAt, newItems,
                request);
    }

    ActivationJob withoutClientToken() {
        return new ActivationJob(id, sequenceStoreId, null, creationTime, status, statusMessage, completionTime, items,
                request);
    }
}
