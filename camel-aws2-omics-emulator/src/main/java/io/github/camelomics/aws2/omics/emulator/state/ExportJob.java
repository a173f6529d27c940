package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A read set export job, as of the last time the emulator's clock was looked at.
 *
 * @param destination the {@code s3://bucket/prefix/} the read sets' files are written under, in the emulator's local S3
 * @param roleArn     the role the service would assume to write there (required, not checked)
 * @param items       one per read set asked for, in the request's order (the read set's id in {@code readSetId}):
 *                    NOT_STARTED while the job is SUBMITTED, IN_PROGRESS while it runs, then FINISHED (its files
 *                    written) or FAILED
 */
public record ExportJob(String id, String sequenceStoreId, String destination, String roleArn, String clientToken,
                        Instant creationTime, JobStatus status, String statusMessage, Instant completionTime,
                        List<SourceOutcome> items, JsonNode request) implements ReadSetJob {

    public ExportJob {
        items = List.copyOf(items);
    }

    ExportJob moved(JobStatus newStatus, String message, Instant completedAt, List<SourceOutcome> newItems) {
        return new ExportJob(id, sequenceStoreId, destination, roleArn, clientToken, creationTime, newStatus, message,
                completedAt, newItems, request);
    }

    ExportJob withoutClientToken() {
        return new ExportJob(id, sequenceStoreId, destination, roleArn, null, creationTime, status, statusMessage,
                completionTime, items, request);
    }
}
