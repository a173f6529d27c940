package io.github.camelomics.aws2.omics;

import java.time.Duration;

/**
 * Where one upload stands: parts done of the total, the rate of this run and the time it still needs. Logged at INFO
 * every progressInterval, given to the progressListener after every part, and left on the message (header
 * CamelAwsOmicsUploadProgress) once the upload is over.
 *
 * @param uploadId          the service's upload id
 * @param source1           the first file's name
 * @param partsDone         parts confirmed, those of an earlier run included
 * @param partsTotal        parts of all the upload's files
 * @param bytesDone         bytes confirmed, those of an earlier run included
 * @param bytesTotal        bytes of all the upload's files
 * @param bytesPerSecond    bytes confirmed per second by this run so far (0 before its first part)
 * @param timeLeft          the time the remaining bytes need at that rate, or null before it is known
 * @param resumedFromPart   the first part this run sent, counting the files' parts one after the other (1 for a new
 *                          upload; more when an earlier run had sent parts)
 */
public record UploadProgress(String uploadId, String source1, int partsDone, int partsTotal, long bytesDone,
                             long bytesTotal, double bytesPerSecond, Duration timeLeft, int resumedFromPart) {

    /** Megabytes (10^6 bytes) per second, as transfer rates are usually given. */
    public double megabytesPerSecond() {
        return bytesPerSecond / 1e6;
    }

    /** The bytes done, in whole percent of all (rounded down: 100 only once every byte is). */
    public int percent() {
        return bytesTotal == 0 ? 100 : (int) (bytesDone * 100 / bytesTotal);
    }

    /** {@code upload 6000000001 of NA12878_R1.fastq.gz: part 12 of 40, 30 %, 54.2 MB/s, about 52 s left}. */
    public String describe() {
        return String.format("upload %s of %s: %d of %d parts, %d %%, %.1f MB/s, %s", uploadId, source1, partsDone,
                partsTotal, percent(), megabytesPerSecond(),
                timeLeft == null ? "time left not known yet" : "about " + timeLeft.toSeconds() + " s left");
    }
}
