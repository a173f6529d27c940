package io.github.camelomics.aws2.omics.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.github.camelomics.aws2.omics.UploadLedger.FileVersion;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * One file of an upload as it is now: where it is, its size and modification time (a file that changes while, or
 * since, it was uploaded must be uploaded anew), and the parts it is cut in.
 *
 * @param partSource SOURCE1 or SOURCE2
 * @param path       absolute and normalized
 */
public record UploadFile(String partSource, Path path, long size, long lastModified) {

    public static UploadFile of(String partSource, Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        return new UploadFile(partSource, path, Files.size(path), Files.getLastModifiedTime(path).toMillis());
    }

    /** The file as it is now on disk. */
    UploadFile now() throws IOException {
        return of(partSource, path);
    }

    FileVersion version() {
        return new FileVersion(partSource, path.toString(), size, lastModified);
    }

    boolean sameAs(FileVersion recorded) {
        return recorded.partSource().equals(partSource) && recorded.path().equals(path.toString())
               && recorded.size() == size && recorded.lastModified() == lastModified;
    }

    public int partCount(long partSize) {
        return (int) Math.max(1, (size + partSize - 1) / partSize);
    }

    long partLength(int partNumber, long partSize) {
        return Math.min(partSize, size - (partNumber - 1L) * partSize);
    }

    /**
     * The bytes of part {@code partNumber}, read from disk each time the SDK asks (it reads them once to sign them
     * over plain HTTP, again to send them, again on a retry): never held in memory.
     */
    PartBytes part(int partNumber, long partSize) {
        return new PartBytes(path, partNumber, (partNumber - 1L) * partSize, partLength(partNumber, partSize));
    }

    /**
     * Each stream asked for closes the one before, so the file is open once per part at most, however many times the
     * SDK reads it (signing, sending, retries) and whether or not it closes what it read.
     */
    static final class PartBytes implements ContentStreamProvider, AutoCloseable {
        private final Path path;
        private final int partNumber;
        private final long offset;
        private final long length;
        private InputStream last;

        PartBytes(Path path, int partNumber, long offset, long length) {
            this.path = path;
            this.partNumber = partNumber;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public synchronized InputStream newStream() {
            try {
                if (last != null) {
                    last.close();
                }
                FileChannel channel = FileChannel.open(path, StandardOpenOption.READ).position(offset);
                last = new Slice(Channels.newInputStream(channel), length);
                return last;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read part " + partNumber + " of " + path, e);
            }
        }

        /** Closes the last stream, once the call that read it is over. */
        @Override
        public synchronized void close() throws IOException {
            if (last != null) {
                last.close();
                last = null;
            }
        }
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class Slice extends InputStream {
        private final InputStream in;
        private long remaining;

        Slice(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
