package io.github.camelomics.aws2.omics.emulator.state;

import io.github.camelomics.aws2.omics.model.ReadSetRules;

import java.time.Duration;
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
 * @param status         its status as last set: {@code ACTIVE}; {@code UPLOAD_FAILED} for an upload whose files are
 *                       not valid; {@code ARCHIVED} once archived by an admin call; {@code ACTIVATING} while an
 *                       activation job works on it ({@code null} in state saved before uploads: ACTIVE). See
 *                       {@link #asOf(Instant, Duration)} for what a client sees.
 * @param statusMessage  why an upload failed, or {@code null}
 * @param creationType   {@code IMPORT} or {@code UPLOAD} ({@code null} in state saved before uploads: IMPORT)
 * @param processedAt    when an upload's processing ends: until then it shows {@code PROCESSING_UPLOAD}; {@code null}
 *                       for imports
 * @param lastAccessTime when its files were last read by an activation or an export, or {@code null} when never (then
 *                       its making counts: see {@link #lastAccess()})
 */
public record ReadSet(String id, String arn, String sequenceStoreId, String subjectId, String sampleId, String name,
                      String description, String fileType, String referenceArn, String generatedFrom,
                      Instant creationTime, long source1Size, Long source2Size, Long totalReadCount,
                      Long totalBaseCount, String creationJobId, ETag etag, String status, String statusMessage,
                      String creationType, Instant processedAt, Instant lastAccessTime) {

    public static final String ACTIVE = "ACTIVE";
    public static final String PROCESSING_UPLOAD = "PROCESSING_UPLOAD";
    public static final String UPLOAD_FAILED = "UPLOAD_FAILED";
    public static final String ARCHIVED = "ARCHIVED";
    public static final String ACTIVATING = "ACTIVATING";

    public ReadSet {
        status = status == null ? ACTIVE : status;
        creationType = creationType == null ? "IMPORT" : creationType;
    }

    /** The read set as a client sees it at {@code now}: an upload is PROCESSING_UPLOAD until it has been processed. */
    public ReadSet asOf(Instant now) {
        return asOf(now, null);
    }

    /**
     * The read set as a client sees it at {@code now}: an upload is PROCESSING_UPLOAD until it has been processed, and an
     * ACTIVE read set whose files were not read for {@code archiveAfter} is ARCHIVED, as the service archives read sets
     * not accessed for 30 days.
     *
     * @param archiveAfter how long a read set stays ACTIVE unread, or {@code null} to keep it ACTIVE
     */
    public ReadSet asOf(Instant now, Duration archiveAfter) {
        if (processedAt != null && now.isBefore(processedAt)) {
            return with(PROCESSING_UPLOAD, null, lastAccessTime);
        }
        if (archiveAfter != null && ACTIVE.equals(status) && !now.isBefore(lastAccess().plus(archiveAfter))) {
            return with(ARCHIVED, null, lastAccessTime);
        }
        return this;
    }

    /** When its files were last read: by an activation or an export, else when it was made. */
    public Instant lastAccess() {
        if (lastAccessTime != null) {
            return lastAccessTime;
        }
        return processedAt != null ? processedAt : creationTime;
    }

    /** {@code UNALIGNED} for FASTQ and uBAM, {@code ALIGNED} for BAM and CRAM, as the service reports it. */
    public String alignment() {
        return ReadSetRules.isAligned(fileType) ? "ALIGNED" : "UNALIGNED";
    }

    /** The read set in another storage status. */
    ReadSet inStatus(String newStatus) {
        return with(newStatus, statusMessage, lastAccessTime);
    }

    /** The read set ACTIVE, its files read at {@code at} (its unread time counts from then). */
    ReadSet readAt(Instant at) {
        return with(ACTIVE, statusMessage, at);
    }

    private ReadSet with(String newStatus, String newStatusMessage, Instant newLastAccessTime) {
        return new ReadSet(id, arn, sequenceStoreId, subjectId, sampleId, name, description, fileType, referenceArn,
                generatedFrom, creationTime, source1Size, source2Size, totalReadCount, totalBaseCount, creationJobId,
                etag, newStatus, newStatusMessage, creationType, processedAt, newLastAccessTime);
    }
}
