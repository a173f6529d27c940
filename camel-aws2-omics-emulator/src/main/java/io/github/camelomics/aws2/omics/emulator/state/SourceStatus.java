package io.github.camelomics.aws2.omics.emulator.state;

/** Per-source states (the model's {@code ReadSetImportJobItemStatus}). */
public enum SourceStatus {
    NOT_STARTED, IN_PROGRESS, FINISHED, FAILED
}
