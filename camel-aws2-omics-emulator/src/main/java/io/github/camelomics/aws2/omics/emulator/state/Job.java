package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * What the emulator's three kinds of job (read set import, activation and export) have in common: an id in a sequence
 * store, an optional client token, and a status that moves SUBMITTED → IN_PROGRESS → a terminal status as the clock
 * passes the kind's {@link JobTimeline}. {@link JobBook} keeps the jobs of one kind.
 */
public interface Job {

    String id();

    String sequenceStoreId();

    /** The idempotency token, or {@code null}. */
    String clientToken();

    Instant creationTime();

    JobStatus status();

    /** The service's message for the status, or {@code null}. */
    String statusMessage();

    /** When the job reached its terminal status, or {@code null}. */
    Instant completionTime();

    /** The Start request as received: a replay with the same client token must match it. */
    JsonNode request();
}
