package io.github.camelomics.aws2.omics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;

/**
 * Watermarks in a small properties file, {@code <sequenceStoreId>=<ISO instant>}, beside a FileIdempotentRepository.
 * The file is read on every call, so consumers of one host sharing it stay in step, and written through a temporary
 * file moved into place, so a crash never leaves half a file. Replicas on several hosts want a store in their shared
 * database instead.
 */
public class FileWatermarkStore implements WatermarkStore {

    private final Path file;

    /** @param file the file's path (one constructor, so bean definitions in YAML or XML routes find it) */
    public FileWatermarkStore(String file) {
        this.file = Path.of(file);
    }

    public Path getFile() {
        return file;
    }

    @Override
    public synchronized Instant watermark(String sequenceStoreId) {
        String kept = read().getProperty(sequenceStoreId);
        return kept == null ? null : Instant.parse(kept);
    }

    @Override
    public synchronized void advance(String sequenceStoreId, Instant watermark) {
        Properties watermarks = read();
        String kept = watermarks.getProperty(sequenceStoreId);
        if (kept != null && !watermark.isAfter(Instant.parse(kept))) {
            return;
        }
        watermarks.setProperty(sequenceStoreId, watermark.toString());
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path next = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                watermarks.store(out, "aws2-omics consumer watermarks: sequence store id = creation time polls list from");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the watermark of store " + sequenceStoreId + " in " + file, e);
        }
    }

    private Properties read() {
        Properties watermarks = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                watermarks.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the watermarks in " + file, e);
            }
        }
        return watermarks;
    }

    @Override
    public String toString() {
        return "FileWatermarkStore[" + file + "]";
    }
}
