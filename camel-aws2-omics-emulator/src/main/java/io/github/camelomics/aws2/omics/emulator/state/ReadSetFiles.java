package io.github.camelomics.aws2.omics.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * What each read set holds, kept so that an export writes it even after the imported files were changed or deleted, as
 * the service keeps a read set's content: {@code <dataDir>/.omics-emulator/readsets/<ETag algorithm>/<hash>/}, the
 * file's pieces in order ({@code 00001}, ...). Kept by the content's ETag, so a file imported a thousand times is kept
 * once. An imported file is copied (a file of the local S3 may be written over in place); the parts of an upload are
 * linked where the file system allows it, since a part is only ever replaced by moving a new file into place.
 */
public final class ReadSetFiles {

    private final Path root;

    public ReadSetFiles(Path dataDir) {
        this.root = dataDir.resolve(".omics-emulator").resolve("readsets");
    }

    /** Keeps a copy of an imported file with this ETag hash, unless one is kept already. */
    void keepCopy(String algorithm, String hash, Path file) {
        keep(algorithm, hash, List.of(file), false);
    }

    /** Keeps the parts of an uploaded file with this ETag hash, linked (else copied), unless they are kept already. */
    void keepParts(String algorithm, String hash, List<Path> parts) {
        keep(algorithm, hash, parts, true);
    }

    /** The pieces of the file with this ETag hash, in order; empty when nothing is kept. */
    List<Path> pieces(String algorithm, String hash) {
        Path dir = dir(algorithm, hash);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> pieces = Files.list(dir)) {
            return pieces.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    void deleteAll() {
        FileTrees.delete(root);
    }

    private void keep(String algorithm, String hash, List<Path> pieces, boolean link) {
        Path dir = dir(algorithm, hash);
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir.getParent());
            Path keeping = Files.createTempDirectory(dir.getParent(), ".keeping-");
            for (int i = 0; i < pieces.size(); i++) {
                Path piece = keeping.resolve("%05d".formatted(i + 1));
                if (!link || !linked(piece, pieces.get(i))) {
                    Files.copy(pieces.get(i), piece, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(keeping, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the content of a read set in " + dir, e);
        }
    }

    private static boolean linked(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // another file system, or links not supported: copied instead
        }
    }

    private Path dir(String algorithm, String hash) {
        return root.resolve(algorithm).resolve(hash);
    }
}
