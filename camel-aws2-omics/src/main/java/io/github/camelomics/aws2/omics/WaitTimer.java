package io.github.camelomics.aws2.omics;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The clock of job waiting, so that tests can wait for hours of emulated time in milliseconds. The watch that polls
 * for every wait of a store pauses on it between polls; the system timer sleeps in short slices and gives up as soon
 * as pausing is no longer wanted (the route or context is stopping). The consumer reads its option since by it too.
 */
public interface WaitTimer {

    Instant now();

    /**
     * Pauses for the given time.
     *
     * @return false when it stopped early because keepWaiting turned false
     */
    boolean pause(Duration duration, BooleanSupplier keepWaiting) throws InterruptedException;

    WaitTimer SYSTEM = new WaitTimer() {
        private static final long SLICE_MILLIS = 100;

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public boolean pause(Duration duration, BooleanSupplier keepWaiting) throws InterruptedException {
            long end = System.nanoTime() + duration.toNanos();
            while (keepWaiting.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, left / 1_000_000)));
            }
            return false;
        }
    };
}
