package io.github.camelomics.aws2.omics.emulator.s3;

import io.github.camelomics.aws2.omics.emulator.state.ImportSource;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an import source's files from {@link LocalS3} the way the service would reject them:
 * missing, unreadable or empty files, FASTQ that is not gzip or not FASTQ, BAM/UBAM and CRAM
 * files without their magic bytes. For FASTQ it counts reads and bases, which the service reports
 * in the read set's sequence information.
 */
public final class SourceInspector {

    private final LocalS3 s3;

    public SourceInspector(LocalS3 s3) {
        this.s3 = s3;
    }

    public SourceCheck inspect(ImportSource source) {
        try {
            FileFacts first = inspectFile("source1", source.source1(), source.sourceFileType());
            FileFacts second = source.source2() == null ? null
                    : inspectFile("source2", source.source2(), source.sourceFileType());
            if (first.reads() == null) {
                return new SourceCheck(null, first.size(), second == null ? null : second.size(), null, null);
            }
            long reads = first.reads() + (second == null ? 0 : second.reads());
            long bases = first.bases() + (second == null ? 0 : second.bases());
            return new SourceCheck(null, first.size(), second == null ? null : second.size(), reads, bases);
        } catch (UnusableSource e) {
            return SourceCheck.failed(e.getMessage());
        }
    }

    private FileFacts inspectFile(String member, String uri, String fileType) {
        Path file;
        try {
            file = s3.resolve(uri);
        } catch (IllegalArgumentException e) {
            throw new UnusableSource(member + " cannot be resolved: " + uri);
        }
        if (!Files.isRegularFile(file)) {
            throw new UnusableSource(member + " does not exist: " + uri);
        }
        if (!Files.isReadable(file)) {
            throw new UnusableSource(member + " is not readable: " + uri);
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new UnusableSource(member + " is empty: " + uri);
            }
            return switch (fileType) {
                case "FASTQ" -> countFastq(member, uri, file, size);
                case "BAM", "UBAM" -> checkMagic(member, uri, fileType, gunzipHead(file, 4), new byte[] {'B', 'A', 'M', 1}, size);
                case "CRAM" -> checkMagic(member, uri, fileType, head(file, 4), new byte[] {'C', 'R', 'A', 'M'}, size);
                default -> throw new UnusableSource(member + " has unsupported type " + fileType);
            };
        } catch (IOException e) {
            throw new UnusableSource(member + " is not readable: " + uri);
        }
    }

    private static FileFacts checkMagic(String member, String uri, String fileType, byte[] head, byte[] magic, long size) {
        if (!Arrays.equals(head, magic)) {
            throw new UnusableSource(member + " is not a " + fileType + " file: " + uri);
        }
        return new FileFacts(size, null, null);
    }

    private static FileFacts countFastq(String member, String uri, Path file, long size) throws IOException {
        byte[] head = head(file, 2);
        if (head.length < 2 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
            throw new UnusableSource(member + " is not gzip-compressed (FASTQ must be gzip): " + uri);
        }
        long reads = 0;
        long bases = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            String header;
            while ((header = lines.readLine()) != null) {
                if (header.isEmpty() && lines.readLine() == null) {
                    break; // a trailing blank line is tolerated
                }
                String sequence = lines.readLine();
                String separator = lines.readLine();
                String quality = lines.readLine();
                if (!header.startsWith("@") || sequence == null || separator == null || !separator.startsWith("+")
                        || quality == null || quality.length() != sequence.length()) {
                    throw new UnusableSource(member + " is not valid FASTQ (record " + (reads + 1) + "): " + uri);
                }
                reads++;
                bases += sequence.length();
            }
        } catch (ZipException | EOFException e) {
            throw new UnusableSource(member + " is a corrupt gzip file: " + uri);
        }
        if (reads == 0) {
            throw new UnusableSource(member + " contains no reads: " + uri);
        }
        return new FileFacts(size, reads, bases);
    }

    private static byte[] head(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    private static byte[] gunzipHead(Path file, int length) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readNBytes(length);
        } catch (ZipException | EOFException e) {
            return new byte[0];
        }
    }

    private record FileFacts(long size, Long reads, Long bases) {
    }

    /** Ends the inspection of a source with the message the client will see. */
    private static final class UnusableSource extends RuntimeException {
        UnusableSource(String message) {
            super(message, null, false, false);
        }
    }
}
