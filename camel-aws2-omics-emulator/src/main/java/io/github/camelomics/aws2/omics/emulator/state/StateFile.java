package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.emulator.model.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the state as JSON in {@code <dataDir>/.omics-emulator/state.json}, so a restart with the
 * same data dir keeps jobs and read sets. The folder name starts with a dot, which no S3 bucket
 * name can, so it never shadows a bucket. Writes go to a temporary file that is then moved over the
 * old one, so a crash never leaves half a file.
 */
public final class StateFile {

    private final Path file;
    private final ObjectMapper mapper = Json.newMapper();

    public StateFile(Path dataDir) {
        this.file = dataDir.resolve(".omics-emulator").resolve("state.json");
    }

    public Path path() {
        return file;
    }

    public StateSnapshot read() {
        if (!Files.exists(file)) {
            return StateSnapshot.empty();
        }
        try {
            return mapper.readValue(file.toFile(), StateSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator state " + file, e);
        }
    }

    public void write(StateSnapshot snapshot) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("state.json.tmp");
            mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), snapshot);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emulator state " + file, e);
        }
    }
}
