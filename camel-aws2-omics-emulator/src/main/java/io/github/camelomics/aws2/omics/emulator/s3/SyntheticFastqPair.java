package io.github.camelomics.aws2.omics.emulator.s3;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A generated paired gzip FASTQ of a given compressed size per file, for tests and benchmarks of large uploads: kept in
 * its directory so that a later run reuses it (files without their read count beside them are made again). Reads are
 * 150 bases taken from a random megabyte at scattered offsets, so gzip finds no repeats within its window and the file
 * is as large as real reads would make it; written at gzip's fastest level, some 100 MB of FASTQ a second.
 *
 * @param reads the reads in each file (the emulator counts twice as many in the read set of the pair)
 */
public record SyntheticFastqPair(Path r1, Path r2, long reads) {

    private static final int READ_LENGTH = 150;
    private static final int BLOCK = 1 << 20;

    /** The pair in {@code dir}, each file at least {@code bytesPerFile} bytes, made unless an earlier run made it. */
    public static SyntheticFastqPair atLeast(Path dir, long bytesPerFile) throws IOException {
        Files.createDirectories(dir);
        Path r1 = dir.resolve("sample_R1.fastq.gz");
        Path r2 = dir.resolve("sample_R2.fastq.gz");
        Path count = dir.resolve("reads-" + bytesPerFile + ".txt");
        if (Files.exists(count) && Files.exists(r1) && Files.exists(r2)) {
            return new SyntheticFastqPair(r1, r2, Long.parseLong(Files.readString(count).trim()));
        }
        long reads = write(r1, bytesPerFile, 1, Long.MAX_VALUE);
        write(r2, bytesPerFile, 2, reads);
        Files.writeString(count, Long.toString(reads));
        return new SyntheticFastqPair(r1, r2, reads);
    }

    /** Writes reads until the gzip file has {@code bytes} bytes (or {@code maxReads} reads): the reads written. */
    private static long write(Path file, long bytes, int mate, long maxReads) throws IOException {
        Random random = new Random(mate);
        byte[] bases = new byte[BLOCK];
        byte[] qualities = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            bases[i] = (byte) "ACGT".charAt(random.nextInt(4));
            qualities[i] = (byte) ('!' + random.nextInt(41));
        }
        Counting counted;
        long reads = 0;
        try (OutputStream raw = Files.newOutputStream(file)) {
            counted = new Counting(raw);
            try (OutputStream out = new BufferedOutputStream(new FastGzip(counted), 1 << 16)) {
                byte[] plus = "\n+\n".getBytes(StandardCharsets.US_ASCII);
                // the same number of reads in both files (a pair), so the second stops at the first's count
                while (reads < maxReads && (maxReads != Long.MAX_VALUE || counted.count < bytes)) {
                    int offset = (int) ((reads * 7_919L * 151L + mate * 31L) % (BLOCK - READ_LENGTH));
                    out.write(("@read" + reads + "/" + mate + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bases, offset, READ_LENGTH);
                    out.write(plus);
                    out.write(qualities, offset, READ_LENGTH);
                    out.write('\n');
                    reads++;
                }
            }
        }
        return reads;
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }
}
