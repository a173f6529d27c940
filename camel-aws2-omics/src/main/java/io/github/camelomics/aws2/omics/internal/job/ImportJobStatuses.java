package io.github.camelomics.aws2.omics.internal.job;

import java.util.List;

import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;

/** {@link JobStatuses} in the import API's own types. */
final class ImportJobStatuses {

    private ImportJobStatuses() {
    }

    /** Whether a job in this status can no longer change. Unknown statuses count as running: waiting is the safe guess. */
    static boolean hasEnded(ReadSetImportJobStatus status) {
        return status != null && status != ReadSetImportJobStatus.UNKNOWN_TO_SDK_VERSION
               && JobStatuses.hasEnded(status.toString());
    }

    /** An ended job that did not turn every source into a read set (COMPLETED_WITH_FAILURES, FAILED, CANCELLED). */
    static boolean isFailure(GetReadSetImportJobResponse job) {
        return job.status() != ReadSetImportJobStatus.COMPLETED;
    }

    /** One status for several jobs: see {@link JobStatuses#overall}. */
    static String overall(List<String> statuses) {
        return JobStatuses.overall(statuses);
    }
}
