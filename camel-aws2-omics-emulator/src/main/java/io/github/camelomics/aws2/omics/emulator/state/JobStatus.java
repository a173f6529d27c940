package io.github.camelomics.aws2.omics.emulator.state;

/** Import job states the emulator goes through (the model's {@code ReadSetImportJobStatus}; there is no cancel operation). */
public enum JobStatus {
    SUBMITTED, IN_PROGRESS, COMPLETED, COMPLETED_WITH_FAILURES, FAILED;

    public boolean terminal() {
        return this == COMPLETED || this == COMPLETED_WITH_FAILURES || this == FAILED;
    }
}
