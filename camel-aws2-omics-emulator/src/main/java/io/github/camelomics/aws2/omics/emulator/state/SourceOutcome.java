package io.github.camelomics.aws2.omics.emulator.state;

/**
 * What became of one source.
 *
 * @param status        the per-source status
 * @param statusMessage why it failed, or {@code null}
 * @param readSetId     the read set made from it, or {@code null}
 */
public record SourceOutcome(SourceStatus status, String statusMessage, String readSetId) {
}
