package io.github.camelomics.aws2.omics.emulator.s3;

import io.github.camelomics.aws2.omics.emulator.state.ETag;

/**
 * The result of reading one import source's files.
 *
 * @param failure        why the source cannot be imported, or {@code null} when it can
 * @param source1Size    size of the first file in bytes
 * @param source2Size    size of the second file, or {@code null}
 * @param totalReadCount reads counted in a FASTQ source, or {@code null} for other formats
 * @param totalBaseCount bases counted in a FASTQ source, or {@code null} for other formats
 * @param etag           the hashes of the files' content, or {@code null} when the source cannot be imported
 */
public record SourceCheck(String failure, long source1Size, Long source2Size, Long totalReadCount,
                          Long totalBaseCount, ETag etag) {

    public static SourceCheck failed(String failure) {
        return new SourceCheck(failure, 0, null, null, null, null);
    }

    public boolean importable() {
        return failure == null;
    }
}
