package io.github.camelomics.aws2.omics;

import java.util.List;
import java.util.Optional;

/**
 * Where the progress of each upload (operation uploadReadSet) is kept, so that an upload cut off by a crash, a restart
 * or a network failure goes on from its first missing part instead of from zero, and a message redelivered after the
 * upload completed gets its read set back without sending anything.
 * <p>
 * The component brings two: a directory of small JSON files (the default, option uploadLedgerDirectory) and a table
 * in PostgreSQL beside the start ledger (with {@code startLedger=true} and a dataSource). Give your own with option
 * {@code uploadLedger}. One upload of a file is in progress at a time: implementations are called from one thread
 * per upload, from many uploads at once.
 */
public interface UploadLedger {

    /** What is recorded for the key, if anything. */
    Optional<Upload> find(Key key);

    /** Records the upload's state, replacing what was recorded for the key. */
    void save(Key key, Upload upload);

    /** Forgets the key (its upload was aborted). */
    void remove(Key key);

    /**
     * The files of one upload, where they go: the same files into the same store are the same upload.
     *
     * @param source1 the absolute, normalized path of the first file
     * @param source2 that of the second file of a paired FASTQ, or null
     */
    record Key(String region, String sequenceStoreId, String source1, String source2) {

        /** {@code region/store/source1[|source2]}: the same key has the same id in every JVM. */
        public String id() {
            return region + "/" + sequenceStoreId + "/" + source1 + (source2 == null ? "" : "|" + source2);
        }
    }

    /**
     * An upload as far as it got.
     *
     * @param uploadId    the service's upload id, or null while its Create has not been answered
     * @param files       each file as it was when the upload began: a file that changed since is uploaded anew
     * @param partSize    the part size the files were cut in
     * @param parts       the parts the service confirmed, each with the checksum it answered
     * @param readSetId   the read set the completed upload made, or null until then
     * @param clientToken the client token of its Create, recorded before the Create is sent: a Create answered just
     *                    before a crash is sent again with it, and the service answers with the same upload
     */
    record Upload(String uploadId, List<FileVersion> files, long partSize, List<Part> parts, String readSetId,
                  String clientToken) {

        public Upload {
            files = List.copyOf(files);
            parts = List.copyOf(parts == null ? List.of() : parts);
        }

        /** The upload once its Create has been answered. */
        public Upload withUploadId(String uploadId) {
            return new Upload(uploadId, files, partSize, parts, readSetId, clientToken);
        }

        /** The upload with these parts confirmed. */
        public Upload withParts(List<Part> parts) {
            return new Upload(uploadId, files, partSize, parts, readSetId, clientToken);
        }

        /** The upload once its Complete has been answered. */
        public Upload withReadSetId(String readSetId) {
            return new Upload(uploadId, files, partSize, parts, readSetId, clientToken);
        }
    }

    /**
     * A file as it was when its upload began.
     *
     * @param partSource   SOURCE1 or SOURCE2
     * @param lastModified the modification time, in milliseconds since the epoch
     */
    record FileVersion(String partSource, String path, long size, long lastModified) {
    }

    /** A part the service confirmed. */
    record Part(String partSource, int partNumber, String checksum) {
    }
}
