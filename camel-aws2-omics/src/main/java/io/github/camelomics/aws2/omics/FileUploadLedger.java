package io.github.camelomics.aws2.omics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.model.Digests;

/**
 * The default upload ledger: one small JSON file per upload in a directory, named by the SHA-256 of its key. Each
 * record is written to a temporary file and moved over the old one, so a crash in the middle of a write leaves the
 * record before it, never half of one.
 */
public final class FileUploadLedger implements UploadLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    public FileUploadLedger(Path directory) {
        this.directory = directory;
    }

    /** The default directory: {@code .camel-aws2-omics/uploads} in the user's home. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".camel-aws2-omics", "uploads");
    }

    @Override
    public Optional<Upload> find(Key key) {
        Path file = fileOf(key);
        try {
            Record record = JSON.readValue(Files.readAllBytes(file), Record.class);
            return record.key().equals(key) ? Optional.of(record.upload()) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("aws2-omics: the upload ledger record " + file + " cannot be read", e);
        }
    }

    @Override
    public void save(Key key, Upload upload) {
        Path file = fileOf(key);
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(new Record(key, upload)));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("aws2-omics: the upload ledger record " + file + " cannot be written", e);
        }
    }

    @Override
    public void remove(Key key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("aws2-omics: the upload ledger record of " + key.id() + " cannot be removed", e);
        }
    }

    private Path fileOf(Key key) {
        return directory.resolve(Digests.sha256Hex(key.id()) + ".json");
    }

    /** The key is kept beside the upload: two keys with the same hash are never mistaken for each other. */
    private record Record(Key key, Upload upload) {
    }

    @Override
    public String toString() {
        return "FileUploadLedger[" + directory + "]";
    }
}
