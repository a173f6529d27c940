package io.github.camelomics.aws2.omics.internal.job;

import java.util.List;
import java.util.Set;

/**
 * The rules on job statuses, which import, activation and export jobs share (SUBMITTED, IN_PROGRESS, CANCELLING,
 * CANCELLED, FAILED, COMPLETED, COMPLETED_WITH_FAILURES; items end FINISHED or FAILED): which have ended, which ended
 * jobs count as failed, and the one status several jobs of one request show together.
 */
final class JobStatuses {

    static final String COMPLETED = "COMPLETED";
    static final String COMPLETED_WITH_FAILURES = "COMPLETED_WITH_FAILURES";
    static final String FAILED = "FAILED";
    static final String IN_PROGRESS = "IN_PROGRESS";
    /** An item that became what was asked: a read set imported, activated, exported. */
    static final String ITEM_FINISHED = "FINISHED";
    static final String ITEM_FAILED = "FAILED";

    private static final Set<String> ENDED = Set.of(COMPLETED, COMPLETED_WITH_FAILURES, FAILED, "CANCELLED");
    private static final Set<String> FAILED_OR_CANCELLED = Set.of(FAILED, "CANCELLED");

    private JobStatuses() {
    }

    /** Whether a job in this status can no longer change. Unknown statuses count as running: waiting is the safe guess. */
    static boolean hasEnded(String status) {
        return status != null && ENDED.contains(status);
    }

    /** An ended job that did not succeed for every item (COMPLETED_WITH_FAILURES, FAILED, CANCELLED). */
    static boolean isFailure(String status) {
        return !COMPLETED.equals(status);
    }

    /**
     * One status for several jobs: theirs when they agree; IN_PROGRESS while any runs; FAILED when all failed or were
     * cancelled; else COMPLETED_WITH_FAILURES.
     */
    static String overall(List<String> statuses) {
        String first = statuses.get(0);
        boolean agree = true;
        for (String status : statuses) {
            agree &= first.equals(status);
        }
        if (agree) {
            return first;
        }
        if (!statuses.stream().allMatch(JobStatuses::hasEnded)) {
            return IN_PROGRESS;
        }
        return FAILED_OR_CANCELLED.containsAll(statuses) ? FAILED : COMPLETED_WITH_FAILURES;
    }
}
