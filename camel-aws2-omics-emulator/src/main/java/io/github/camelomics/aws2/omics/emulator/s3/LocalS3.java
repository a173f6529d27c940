package io.github.camelomics.aws2.omics.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * A directory standing in for S3: {@code s3://bucket/key} is the file {@code <dataDir>/bucket/key}.
 * The {@code put...} methods write small but valid sample files so tests can stage sources in one line.
 */
public final class LocalS3 {

    private static final Pattern S3_URI = Pattern.compile("s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})");
    /** A bucket, or a place in one: {@code s3://bucket}, {@code s3://bucket/}, {@code s3://bucket/prefix/}. */
    private static final Pattern S3_LOCATION = Pattern.compile("s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])(/.*)?",
            Pattern.DOTALL);

    private final Path dataDir;

    public LocalS3(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The file behind an S3 URI.
     *
     * @throws IllegalArgumentException if it is not an {@code s3://bucket/key} URI or the key climbs out of its bucket
     */
    public Path resolve(String s3Uri) {
        Matcher matcher = S3_URI.matcher(s3Uri);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an s3://bucket/key URI: " + s3Uri);
        }
        Path bucket = dataDir.resolve(matcher.group(1));
        Path file = bucket.resolve(matcher.group(2)).normalize();
        if (!file.startsWith(bucket)) {
            throw new IllegalArgumentException("key leaves its bucket: " + s3Uri);
        }
        return file;
    }

    /** Whether the bucket of an {@code s3://bucket/...} URI (or of {@code s3://bucket}) exists: a folder of the data dir. */
    public boolean bucketExists(String s3Uri) {
        return Files.isDirectory(bucketOf(s3Uri));
    }

    /** Makes a bucket (a folder of the data dir), e.g. one an export job writes into. */
    public Path createBucket(String bucket) {
        Path dir = bucketOf("s3://" + bucket);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create bucket " + dir, e);
        }
    }

    private Path bucketOf(String s3Uri) {
        Matcher matcher = S3_LOCATION.matcher(s3Uri);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an s3://bucket location: " + s3Uri);
        }
        return dataDir.resolve(matcher.group(1));
    }

    /** Stores raw bytes as the object. */
    public Path put(String s3Uri, byte[] content) {
        Path file = resolve(s3Uri);
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Stores a gzip FASTQ with {@code reads} reads of {@code readLength} bases each. */
    public Path putFastq(String s3Uri, int reads, int readLength) {
        StringBuilder fastq = new StringBuilder();
        for (int i = 0; i < reads; i++) {
            fastq.append("@read").append(i + 1).append('\n')
                    .append("ACGT".repeat(readLength / 4 + 1), 0, readLength).append('\n')
                    .append("+\n")
                    .append("I".repeat(readLength)).append('\n');
        }
        return put(s3Uri, gzip(fastq.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    /** Stores a file that starts like a BAM (gzip with the {@code BAM\1} magic); also good for UBAM. */
    public Path putBam(String s3Uri) {
        return put(s3Uri, gzip(new byte[] {'B', 'A', 'M', 1}));
    }

    /** Stores a file that starts like a CRAM 3.0 file. */
    public Path putCram(String s3Uri) {
        return put(s3Uri, new byte[] {'C', 'R', 'A', 'M', 3, 0});
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
