package io.github.camelomics.aws2.omics.internal.upload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelomics.aws2.omics.UploadProgress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where an upload stands, on a clock the test moves: parts and bytes done, this run's rate, the time left. */
class ProgressMeterTest {

    private static final long MB = 1_000_000;

    private final AtomicLong nanos = new AtomicLong();
    private final List<UploadProgress> told = new ArrayList<>();

    @Test
    void aResumedUploadCountsEarlierPartsAsDoneButNotInItsRate() {
        // 10 parts of 100 MB, 4 confirmed by an earlier run
        ProgressMeter meter = new ProgressMeter("6000000001", "NA12878_R1.fastq.gz", 10, 1000 * MB, 4, 400 * MB, 5,
                told::add, Duration.ofSeconds(30), nanos::get);
        assertNull(meter.now().timeLeft(), "no rate before this run's first part");

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        meter.partDone(100 * MB);

        UploadProgress progress = told.get(0);
        assertEquals(5, progress.partsDone());
        assertEquals(500 * MB, progress.bytesDone());
        assertEquals(50.0, progress.megabytesPerSecond(), 1e-9);
        assertEquals(Duration.ofSeconds(10), progress.timeLeft());
        assertEquals(5, progress.resumedFromPart());
        assertEquals("upload 6000000001 of NA12878_R1.fastq.gz: 5 of 10 parts, 50 %, 50.0 MB/s, about 10 s left",
                progress.describe());
    }

    @Test
    void aLineIsDueOncePerInterval() {
        ProgressMeter meter = new ProgressMeter("6000000001", "r1", 2, 2 * MB, 0, 0, 1, null, Duration.ofSeconds(30),
                nanos::get);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(Duration.ofSeconds(20).toNanos(), meter.nanosToNextLog());
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        meter.logIfDue();
        assertEquals(Duration.ofSeconds(30).toNanos(), meter.nanosToNextLog(), "logged: the next line in a full interval");
    }
}
