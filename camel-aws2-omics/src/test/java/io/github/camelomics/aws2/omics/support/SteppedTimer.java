package io.github.camelomics.aws2.omics.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.github.camelomics.aws2.omics.WaitTimer;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;

/**
 * Emulated time that moves one poll at a time, when the test says: each pause of a watch waits until the test releases
 * it, then moves the emulator's clock on by the pause and returns. Between two releases the test can count what one
 * poll cost, and nothing polls while it sets the scene.
 */
public final class SteppedTimer implements WaitTimer {

    private static final long PATIENCE_MILLIS = 20_000;

    private final OmicsEmulatorExtension emulator;
    private int begun;
    private int released;

    public SteppedTimer(OmicsEmulatorExtension emulator) {
        this.emulator = emulator;
    }

    @Override
    public Instant now() {
        return emulator.clock().instant();
    }

    @Override
    public boolean pause(Duration duration, BooleanSupplier keepWaiting) throws InterruptedException {
        synchronized (this) {
            int pause = ++begun;
            notifyAll();
            while (released < pause) {
                wait();
            }
        }
        emulator.advanceClock(duration);
        return keepWaiting.getAsBoolean();
    }

    /** Waits until the {@code n}-th pause (from 1) has begun: everything before it is done. */
    public synchronized void awaitPause(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (begun < n) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("pause " + n + " did not begin within " + PATIENCE_MILLIS + " ms (" + begun + " did)");
            }
            wait(left);
        }
    }

    /** Ends the pause that has begun (or the next one): the clock moves on by it and the watch polls. */
    public synchronized void release() {
        released++;
        notifyAll();
    }

    /**
     * Releases pause after pause until the condition holds: the watch polls interval after interval, and may end
     * without pausing again once its last wait is over.
     */
    public void releaseUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the condition did not hold within " + PATIENCE_MILLIS + " ms, after "
                                         + released() + " polls");
            }
            synchronized (this) {
                if (released < begun) {
                    released++;
                    notifyAll();
                }
                wait(5);
            }
        }
    }

    /** The pauses released so far: with a watch, the polls it made. */
    public synchronized int released() {
        return released;
    }
}
