package io.github.camelomics.aws2.omics.emulator.s3;

import io.github.camelomics.aws2.omics.emulator.state.ETag;
import io.github.camelomics.aws2.omics.emulator.state.ImportSource;
import io.github.camelomics.aws2.omics.model.Digests;
import io.github.camelomics.aws2.omics.model.ReadSetRules;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an import source's files from {@link LocalS3} the way the service would reject them:
 * missing, unreadable or empty files, FASTQ that is not gzip or not FASTQ, BAM/UBAM and CRAM
 * files without their magic bytes. For FASTQ it counts reads and bases, which the service reports
 * in the read set's sequence information.
 *
 * <p>It also computes each file's ETag with the store's algorithm family. For FASTQ that is the service's value: the
 * hash of the uncompressed FASTQ. For BAM and uBAM the service hashes the alignment section as SAM text, and for CRAM
 * the same after decoding against the reference; the emulator decodes neither, so it hashes the uncompressed BAM
 * stream and the CRAM file as stored: stable for the same file, but not the service's value.
 */
public final class SourceInspector {

    private final LocalS3 s3;
    private final ETagAlgorithmFamily eTagFamily;

    /** An inspector that computes ETags of the default family, MD5up. */
    public SourceInspector(LocalS3 s3) {
        this(s3, ETagAlgorithmFamily.MD5UP);
    }

    public SourceInspector(LocalS3 s3, ETagAlgorithmFamily eTagFamily) {
        this.s3 = s3;
        this.eTagFamily = eTagFamily;
    }

    public SourceCheck inspect(ImportSource source) {
        try {
            FileFacts first = inspectFile("source1", source.source1(), source.sourceFileType());
            FileFacts second = source.source2() == null ? null
                    : inspectFile("source2", source.source2(), source.sourceFileType());
            return check(source.sourceFileType(), first, second);
        } catch (UnusableSource e) {
            return SourceCheck.failed(e.getMessage());
        }
    }

    private SourceCheck check(String fileType, FileFacts first, FileFacts second) {
        ETag etag = new ETag(eTagFamily.algorithmFor(fileType), first.hash(), second == null ? null : second.hash());
        Long secondSize = second == null ? null : second.size();
        if (first.reads() == null) {
            return new SourceCheck(null, first.size(), secondSize, null, null, etag);
        }
        long reads = first.reads() + (second == null ? 0 : second.reads());
        long bases = first.bases() + (second == null ? 0 : second.bases());
        return new SourceCheck(null, first.size(), secondSize, reads, bases, etag);
    }

    /**
     * Reads an upload's parts the way the service checks an uploaded read set: each source's parts in order are its
     * file, and must make one valid file of the type.
     *
     * @param source2Parts empty for a read set of one file
     */
    public SourceCheck inspectUpload(String uploadId, String fileType, List<Path> source1Parts, List<Path> source2Parts) {
        try {
            FileFacts first = inspectContent("source1", "upload " + uploadId, Content.of(source1Parts), fileType);
            FileFacts second = source2Parts.isEmpty() ? null
                    : inspectContent("source2", "upload " + uploadId, Content.of(source2Parts), fileType);
            return check(fileType, first, second);
        } catch (UnusableSource e) {
            return SourceCheck.failed(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return SourceCheck.failed("the parts of upload " + uploadId + " are not readable");
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
            return inspectContent(member, uri, Content.of(List.of(file)), fileType);
        } catch (IOException | UncheckedIOException e) {
            throw new UnusableSource(member + " is not readable: " + uri);
        }
    }

    /** @param where how messages name the file: its S3 URI, or the upload it came in */
    private FileFacts inspectContent(String member, String where, Content file, String fileType) throws IOException {
        long size = file.size();
        if (size == 0) {
            throw new UnusableSource(member + " is empty: " + where);
        }
        if (fileType.equals("FASTQ")) {
            return countFastq(member, where, file, size);
        }
        if (ReadSetRules.isBamEncoding(fileType)) {
            checkMagic(member, where, fileType, gunzipHead(file, 4), new byte[] {'B', 'A', 'M', 1});
            return new FileFacts(size, null, null, uncompressedHash(member, where, file));
        }
        if (fileType.equals("CRAM")) {
            checkMagic(member, where, fileType, head(file, 4), new byte[] {'C', 'R', 'A', 'M'});
            return new FileFacts(size, null, null, hash(file.open()));
        }
        throw new UnusableSource(member + " has unsupported type " + fileType);
    }

    private static void checkMagic(String member, String uri, String fileType, byte[] head, byte[] magic) {
        if (!Arrays.equals(head, magic)) {
            throw new UnusableSource(member + " is not a " + fileType + " file: " + uri);
        }
    }

    private String uncompressedHash(String member, String uri, Content file) throws IOException {
        try {
            return hash(new GZIPInputStream(file.open()));
        } catch (ZipException | EOFException e) {
            throw new UnusableSource(member + " is a corrupt gzip file: " + uri);
        }
    }

    /** The hex hash of everything {@code content} holds; reads it to its end and closes it. */
    private String hash(InputStream content) throws IOException {
        MessageDigest digest = eTagFamily.newDigest();
        try (InputStream in = new DigestInputStream(content, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Digests.hex(digest);
    }

    private FileFacts countFastq(String member, String uri, Content file, long size) throws IOException {
        byte[] head = head(file, 2);
        if (head.length < 2 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
            throw new UnusableSource(member + " is not gzip-compressed (FASTQ must be gzip): " + uri);
        }
        long reads = 0;
        long bases = 0;
        MessageDigest uncompressed = eTagFamily.newDigest();
        try (DigestInputStream content = new DigestInputStream(new GZIPInputStream(file.open()), uncompressed);
             BufferedReader lines = new BufferedReader(new InputStreamReader(content, StandardCharsets.US_ASCII))) {
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
            content.transferTo(OutputStream.nullOutputStream()); // whatever follows a trailing blank line is content too
        } catch (ZipException | EOFException e) {
            throw new UnusableSource(member + " is a corrupt gzip file: " + uri);
        }
        if (reads == 0) {
            throw new UnusableSource(member + " contains no reads: " + uri);
        }
        return new FileFacts(size, reads, bases, Digests.hex(uncompressed));
    }

    private static byte[] head(Content file, int length) throws IOException {
        try (InputStream in = file.open()) {
            return in.readNBytes(length);
        }
    }

    private static byte[] gunzipHead(Content file, int length) throws IOException {
        try (InputStream in = new GZIPInputStream(file.open())) {
            return in.readNBytes(length);
        } catch (ZipException | EOFException e) {
            return new byte[0];
        }
    }

    /** A file's bytes: one file, or the parts of an upload read one after the other. */
    private record Content(List<Path> pieces, long size) {

        static Content of(List<Path> pieces) throws IOException {
            long size = 0;
            for (Path piece : pieces) {
                size += Files.size(piece);
            }
            return new Content(List.copyOf(pieces), size);
        }

        InputStream open() {
            return Pieces.open(pieces);
        }
    }

    /** @param hash the hex ETag hash of the file's content */
    private record FileFacts(long size, Long reads, Long bases, String hash) {
    }

    /** Ends the inspection of a source with the message the client will see. */
    private static final class UnusableSource extends RuntimeException {
        UnusableSource(String message) {
            super(message, null, false, false);
        }
    }
}
