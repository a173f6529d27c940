package io.github.camelomics.aws2.omics.internal.job;

import java.util.List;
import java.util.Set;

import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;

/**
 * The rules on import job statuses, in one place: which statuses have ended, which ended jobs count as failed, and
 * the one status that several jobs of one request show together.
 */
public final class ImportJobStatuses {

    private static final Set<ReadSetImportJobStatus> ENDED = Set.of(ReadSetImportJobStatus.COMPLETED,
            ReadSetImportJobStatus.COMPLETED_WITH_FAILURES, ReadSetImportJobStatus.FAILED, ReadSetImportJobStatus.CANCELLED);
    private static final Set<ReadSetImportJobStatus> FAILED_OR_CANCELLED
            = Set.of(ReadSetImportJobStatus.FAILED, ReadSetImportJobStatus.CANCELLED);

    private ImportJobStatuses() {
    }

    /** Whether a job in this status can no longer change. Unknown statuses count as running: waiting is the safe guess. */
    public static boolean hasEnded(ReadSetImportJobStatus status) {
        return ENDED.contains(status);
    }

    /** An ended job that did not turn every source into a read set (COMPLETED_WITH_FAILURES, FAILED, CANCELLED). */
    public static boolean isFailure(GetReadSetImportJobResponse job) {
        return job.status() != ReadSetImportJobStatus.COMPLETED;
    }

    /**
     * One status for several jobs: theirs when they agree; IN_PROGRESS while any runs; FAILED when all failed or were
     * cancelled; else COMPLETED_WITH_FAILURES.
     */
    public static String overall(List<String> statuses) {
        String first = statuses.get(0);
        boolean agree = true;
        for (String status : statuses) {
            agree &= first.equals(status);
        }
        if (agree) {
            return first;
        }
        List<ReadSetImportJobStatus> known = statuses.stream().map(ReadSetImportJobStatus::fromValue).toList();
        if (!known.stream().allMatch(ImportJobStatuses::hasEnded)) {
            return ReadSetImportJobStatus.IN_PROGRESS.toString();
        }
        return (FAILED_OR_CANCELLED.containsAll(known)
                ? ReadSetImportJobStatus.FAILED : ReadSetImportJobStatus.COMPLETED_WITH_FAILURES).toString();
    }
}
