package io.github.camelomics.aws2.omics.emulator.state;

import io.github.camelomics.aws2.omics.model.ReadSetRules;

import java.time.Instant;

/**
 * A read set made by a finished import source or a completed upload. Read and base counts are only known for FASTQ,
 * where the emulator counts them from the file.
 *
 * @param source1Size    size in bytes of the first file
 * @param source2Size    size in bytes of the second file, or {@code null}
 * @param totalReadCount reads in a FASTQ source (both files of a pair), or {@code null}
 * @param totalBaseCount bases in a FASTQ source, or {@code null}
 * @param creationJobId  the import job that made it, or {@code null} for an upload
 * @param etag           the hashes of the files' content ({@code null} in state saved before ETags were kept)
 * @param status         what it ends as: {@code ACTIVE}, or {@code UPLOAD_FAILED} for an upload whose files are not
 *                       valid ({@code null} in state saved before uploads: ACTIVE)
 * @param statusMessage  why an upload failed, or {@code null}
 * @param creationType   {@code IMPORT} or {@code UPLOAD} ({@code null} in state saved before uploads: IMPORT)
 * @param processedAt    when an upload's processing ends: until then it shows {@code PROCESSING_UPLOAD}; {@code null}
 *                       for imports
 */
public record ReadSet(String id, String arn, String sequenceStoreId, String subjectId, String sampleId, String name,
                      String description, String fileType, String referenceArn, String generatedFrom,
                      Instant creationTime, long source1Size, Long source2Size, Long totalReadCount,
                      Long totalBaseCount, String creationJobId, ETag etag, String status, String statusMessage,
                      String creationType, Instant processedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String PROCESSING_UPLOAD = "PROCESSING_UPLOAD";
    public static final String UPLOAD_FAILED = "UPLOAD_FAILED";

    public ReadSet {
        status = status == null ? ACTIVE : status;
        creationType = creationType == null ? "IMPORT" : creationType;
    }

    /** The read set as a client sees it at {@code now}: an upload is PROCESSING_UPLOAD until it has been processed. */
    public ReadSet asOf(Instant now) {
        if (processedAt == null || !now.isBefore(processedAt)) {
            return this;
        }
        return new ReadSet(id, arn, sequenceStoreId, subjectId, sampleId, name, description, fileType, referenceArn,
                generatedFrom, creationTime, source1Size, source2Size, totalReadCount, totalBaseCount, creationJobId,
                etag, PROCESSING_UPLOAD, null, creationType, processedAt);
    }

    /** {@code UNALIGNED} for FASTQ and uBAM, {@code ALIGNED} for BAM and CRAM, as the service reports it. */
    public String alignment() {
        return ReadSetRules.isAligned(fileType) ? "ALIGNED" : "UNALIGNED";
    }
}
