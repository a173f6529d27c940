package io.github.camelomics.aws2.omics.emulator.s3;

import io.github.camelomics.aws2.omics.model.ReadSetRules;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;

/**
 * Writes a read set's file into the local S3 as an export job does. The service keeps a read set's content, not its
 * bytes, and compresses it its own way, so exported files are not the imported ones bit for bit, only their content and
 * HealthOmics ETag are the same. So here: FASTQ, BAM and uBAM (gzip, or BGZF, which gzip reads) are decompressed and
 * compressed again (one gzip member naming the file), and only a CRAM, whose ETag the emulator takes over its bytes,
 * is written as it was kept. Clients that compare exported files with the imported ones by their bytes (or their S3
 * ETag) find that they differ, as they would with the service. A file is written beside its place and moved in, so it is
 * never seen half written.
 */
public final class ExportWriter {

    private final LocalS3 s3;

    public ExportWriter(LocalS3 s3) {
        this.s3 = s3;
    }

    /**
     * @param pieces the file's pieces in order (one file, or the parts of an upload)
     * @param s3Uri  where to write it
     */
    public void write(String fileType, List<Path> pieces, String s3Uri) {
        Path target = s3.resolve(s3Uri);
        try {
            Files.createDirectories(target.getParent());
            Path writing = Files.createTempFile(target.getParent(), ".exporting-", ".part");
            try (InputStream in = Pieces.open(pieces); OutputStream out = new BufferedOutputStream(Files.newOutputStream(writing), 65_536)) {
                if (fileType.equals("FASTQ") || ReadSetRules.isBamEncoding(fileType)) {
                    recompress(in, out, nameInside(target));
                } else {
                    in.transferTo(out);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(writing);
                throw e;
            }
            Files.move(writing, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + s3Uri, e);
        }
    }

    /** {@code source1.fastq.gz} holds {@code source1.fastq}; a {@code .bam} file is named as it is. */
    private static String nameInside(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * Compresses the content again as one gzip member whose header names the file (as gzip does for a named file), at
     * the fastest level: the bytes differ from the imported file's even where the deflated data would not.
     */
    private static void recompress(InputStream compressed, OutputStream out, String name) throws IOException {
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 8, 0, 0, 0, 0, 0, (byte) 0xff}); // FNAME, no time, unknown OS
        out.write(name.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        CRC32 crc = new CRC32();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        long size;
        try (InputStream content = new CheckedInputStream(new GZIPInputStream(compressed, 65_536), crc)) {
            DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater, 65_536);
            size = content.transferTo(deflated);
            deflated.finish();
        } finally {
            deflater.end();
        }
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).putInt((int) size)
                .array());
    }
}
