package io.github.camelomics.aws2.omics.internal.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.github.camelomics.aws2.omics.UploadLedger.Upload;

/**
 * Whether the files are still those an upload began with (path, size, modification time): parts cut from two versions
 * of a file would make a read set of neither.
 */
final class FileChangeCheck {

    private FileChangeCheck() {
    }

    /** The files, as read for this attempt, are those the recorded upload began with. */
    static boolean sameAsRecorded(List<UploadFile> files, Upload recorded) {
        if (recorded.files().size() != files.size()) {
            return false;
        }
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).sameAs(recorded.files().get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Looks at the files on disk once more, after their parts were sent.
     *
     * @throws FileChangedException a file changed while its parts were sent
     */
    static void requireUnchangedOnDisk(List<UploadFile> files, String uploadId) {
        for (UploadFile file : files) {
            try {
                UploadFile now = file.now();
                if (now.size() != file.size() || now.lastModified() != file.lastModified()) {
                    throw new FileChangedException("aws2-omics:uploadReadSet: " + file.path() + " changed while upload "
                                                   + uploadId + " sent it (size " + file.size() + " -> " + now.size()
                                                   + ", modified " + file.lastModified() + " -> " + now.lastModified()
                                                   + "): the upload is aborted; send it again once the file is complete");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("aws2-omics:uploadReadSet: " + file.path() + " can no longer be read", e);
            }
        }
    }
}
