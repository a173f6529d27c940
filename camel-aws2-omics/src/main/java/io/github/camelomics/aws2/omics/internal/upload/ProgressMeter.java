package io.github.camelomics.aws2.omics.internal.upload;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.camelomics.aws2.omics.UploadProgress;
import io.github.camelomics.aws2.omics.UploadProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one upload stands, told to the listener after each part and logged at INFO every interval. The rate is this
 * run's: parts an earlier run sent count as done, but not as sent fast. Written by the upload's thread, read from any
 * (the dev console): the counts are read together, and the listener is told outside the lock.
 */
final class ProgressMeter {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressMeter.class);

    private final String uploadId;
    private final String source1;
    private final int partsTotal;
    private final long bytesTotal;
    private final int resumedFromPart;
    private final UploadProgressListener listener;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final long startedAt;
    private int partsDone;
    private long bytesDone;
    private long bytesThisRun;
    private long lastLogAt;

    ProgressMeter(String uploadId, String source1, int partsTotal, long bytesTotal, int partsDone, long bytesDone,
                  int resumedFromPart, UploadProgressListener listener, Duration interval, LongSupplier nanoTime) {
        this.uploadId = uploadId;
        this.source1 = source1;
        this.partsTotal = partsTotal;
        this.bytesTotal = bytesTotal;
        this.partsDone = partsDone;
        this.bytesDone = bytesDone;
        this.resumedFromPart = resumedFromPart;
        this.listener = listener;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.startedAt = nanoTime.getAsLong();
        this.lastLogAt = startedAt;
    }

    void partDone(long bytes) {
        synchronized (this) {
            partsDone++;
            bytesDone += bytes;
            bytesThisRun += bytes;
        }
        if (listener != null) {
            try {
                listener.onProgress(now());
            } catch (RuntimeException e) {
                LOG.warn("The upload progress listener failed ({}); the upload goes on", e.toString());
            }
        }
    }

    /** Logs where the upload stands when an interval has passed since the last line. */
    void logIfDue() {
        long now = nanoTime.getAsLong();
        if (now - lastLogAt >= intervalNanos) {
            lastLogAt = now;
            LOG.info("{}", now().describe());
        }
    }

    /** Nanoseconds until the next line is due (at least 1 ms). */
    long nanosToNextLog() {
        return Math.max(1_000_000, intervalNanos - (nanoTime.getAsLong() - lastLogAt));
    }

    synchronized UploadProgress now() {
        double seconds = (nanoTime.getAsLong() - startedAt) / 1e9;
        double rate = seconds > 0 && bytesThisRun > 0 ? bytesThisRun / seconds : 0;
        Duration left = rate > 0 ? Duration.ofMillis((long) ((bytesTotal - bytesDone) / rate * 1000)) : null;
        return new UploadProgress(uploadId, source1, partsDone, partsTotal, bytesDone, bytesTotal, rate, left,
                resumedFromPart);
    }
}
