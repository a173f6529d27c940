package io.github.camelomics.aws2.omics.emulator.state;

/**
 * How the jobs of one kind (imports, activations or exports) run in the emulator.
 *
 * @param timeline  how long a job stays SUBMITTED and then IN_PROGRESS
 * @param maxActive unfinished jobs of the kind allowed at once, before ServiceQuotaExceededException
 */
public record JobSettings(JobTimeline timeline, int maxActive) {

    public JobSettings {
        if (maxActive < 1) {
            throw new IllegalArgumentException("at least 1 unfinished job must be allowed, not " + maxActive);
        }
    }
}
