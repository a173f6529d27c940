package io.github.camelomics.aws2.omics.emulator.state;

import java.util.List;

/**
 * How a job ends once each of its items (an import's sources, the read sets of an activation or an export) has: COMPLETED
 * when none failed, FAILED when all did, else COMPLETED_WITH_FAILURES, with a message that counts the failures.
 *
 * @param message {@code null} when nothing failed
 */
record JobOutcome(JobStatus status, String message) {

    /**
     * @param items what the items are, e.g. {@code sources}
     * @param verb  what they failed to do, e.g. {@code import}
     */
    static JobOutcome of(List<SourceOutcome> outcomes, String items, String verb) {
        long failed = outcomes.stream().filter(o -> o.status() == SourceStatus.FAILED).count();
        if (failed == 0) {
            return new JobOutcome(JobStatus.COMPLETED, null);
        }
        if (failed == outcomes.size()) {
            return new JobOutcome(JobStatus.FAILED, "All " + failed + " " + items + " failed to " + verb);
        }
        return new JobOutcome(JobStatus.COMPLETED_WITH_FAILURES,
                failed + " of " + outcomes.size() + " " + items + " failed to " + verb);
    }
}
