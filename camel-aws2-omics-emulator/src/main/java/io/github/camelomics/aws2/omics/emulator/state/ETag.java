package io.github.camelomics.aws2.omics.emulator.state;

/**
 * A read set's HealthOmics ETag: the hash of each source file's content, not of its bytes as stored.
 *
 * @param algorithm the model's {@code ETagAlgorithm}, e.g. {@code FASTQ_MD5up}
 * @param source1   the hex hash of the first file
 * @param source2   the hex hash of the second file, or {@code null}
 */
public record ETag(String algorithm, String source1, String source2) {
}
