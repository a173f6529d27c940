package io.github.camelomics.aws2.omics.emulator.state;

import java.time.Instant;

/**
 * One part of a multipart read set upload as the service holds it. Uploading the same part number of the same source
 * again replaces it: a new checksum and lastUpdatedTime, the first creationTime kept.
 *
 * @param partSource      {@code SOURCE1} or {@code SOURCE2}
 * @param checksum        what UploadReadSetPart answered and CompleteMultipartReadSetUpload must name: the emulator
 *                        takes the SHA-256 of the part's bytes, in hex (the service documents it only as an identifier,
 *                        so clients must treat it as opaque)
 */
public record UploadedPart(String partSource, int partNumber, long partSize, String checksum, Instant creationTime,
                           Instant lastUpdatedTime) {

    /** {@code SOURCE1 3}: how messages name a part. */
    public String describe() {
        return partSource + " part " + partNumber;
    }
}
