package io.github.camelomics.aws2.omics.emulator.state;

import java.time.Instant;

/**
 * A read set made by a finished import source. Read and base counts are only known for FASTQ,
 * where the emulator counts them from the file.
 *
 * @param source1Size    size in bytes of the first file
 * @param source2Size    size in bytes of the second file, or {@code null}
 * @param totalReadCount reads in a FASTQ source (both files of a pair), or {@code null}
 * @param totalBaseCount bases in a FASTQ source, or {@code null}
 * @param creationJobId  the import job that made it
 * @param etag           the hashes of the files' content ({@code null} in state saved before ETags were kept)
 */
public record ReadSet(String id, String arn, String sequenceStoreId, String subjectId, String sampleId, String name,
                      String description, String fileType, String referenceArn, String generatedFrom,
                      Instant creationTime, long source1Size, Long source2Size, Long totalReadCount,
                      Long totalBaseCount, String creationJobId, ETag etag) {

    /** {@code UNALIGNED} for FASTQ and uBAM, {@code ALIGNED} for BAM and CRAM, as the service reports it. */
    public String alignment() {
        return fileType.equals("FASTQ") || fileType.equals("UBAM") ? "UNALIGNED" : "ALIGNED";
    }
}
