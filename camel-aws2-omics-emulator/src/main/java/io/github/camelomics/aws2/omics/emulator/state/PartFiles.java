package io.github.camelomics.aws2.omics.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the bytes of uploaded parts are kept: {@code <dataDir>/.omics-emulator/uploads/<uploadId>/<SOURCE>/<n>.part}
 * (a dot folder, which no bucket of the local S3 can shadow). A part arrives as a file under {@link #incomingDir()}
 * and is moved into place, so a part being replaced is never seen half written.
 */
public final class PartFiles {

    private final Path root;

    public PartFiles(Path dataDir) {
        this.root = dataDir.resolve(".omics-emulator").resolve("uploads");
    }

    /** Where request bodies are written as they arrive, on the same file system as the parts. */
    public Path incomingDir() {
        return root.resolve(".incoming");
    }

    public Path part(String uploadId, String partSource, int partNumber) {
        return root.resolve(uploadId).resolve(partSource).resolve(partNumber + ".part");
    }

    /** Moves a received body into place as the part, replacing an earlier upload of it. */
    void store(Path received, String uploadId, String partSource, int partNumber) {
        Path target = part(uploadId, partSource, partNumber);
        try {
            Files.createDirectories(target.getParent());
            Files.move(received, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep part " + partNumber + " of upload " + uploadId, e);
        }
    }

    void deleteUpload(String uploadId) {
        FileTrees.delete(root.resolve(uploadId));
    }

    void deleteAll() {
        FileTrees.delete(root);
    }
}
