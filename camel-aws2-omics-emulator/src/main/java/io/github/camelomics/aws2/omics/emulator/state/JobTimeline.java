package io.github.camelomics.aws2.omics.emulator.state;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a job stays in each phase: {@code submitted} in SUBMITTED, then {@code importing} in IN_PROGRESS (for an
 * activation or an export job: activating, exporting), then it is finished. The phase is a function of the clock, so
 * tests move jobs on by advancing a clock instead of sleeping.
 */
public record JobTimeline(Duration submitted, Duration importing) {

    public JobTimeline {
        if (submitted.isNegative() || importing.isNegative()) {
            throw new IllegalArgumentException("job phase durations must not be negative");
        }
    }

    /** When a job created at {@code creation} leaves SUBMITTED. */
    public Instant startTime(Instant creation) {
        return creation.plus(submitted);
    }

    /** When a job created at {@code creation} finishes. */
    public Instant completionTime(Instant creation) {
        return creation.plus(submitted).plus(importing);
    }

    /** The whole time from creation to completion. */
    public Duration total() {
        return submitted.plus(importing);
    }

    /** The phase at {@code now}; a terminal phase is reported as {@link JobStatus#COMPLETED} (outcome decided elsewhere). */
    public JobStatus phaseAt(Instant creation, Instant now) {
        if (now.isBefore(startTime(creation))) {
            return JobStatus.SUBMITTED;
        }
        return now.isBefore(completionTime(creation)) ? JobStatus.IN_PROGRESS : JobStatus.COMPLETED;
    }
}
