package io.github.camelomics.examples.cluster;

import java.time.Duration;

/**
 * Waiting for something by looking again every step until it is there or the time is up: how the example, its test
 * and the scale test wait for a replica's log line, the events leader, a sheet mid-import or a batch done. Public for
 * the scale test, which uses the example from its own module.
 */
public final class Await {

    /** What is awaited, looked at once; it may read a log or a table, and fail for it. */
    @FunctionalInterface
    public interface Condition<E extends Exception> {
        boolean holds() throws E;
    }

    /** What is awaited, looked at once: {@code null} while it is not there yet. */
    @FunctionalInterface
    public interface Probe<T, E extends Exception> {
        T find() throws E;
    }

    /** The time was up before what was awaited came: the message says what it was and how long it was awaited. */
    public static final class TimedOut extends IllegalStateException {

        TimedOut(String what, Duration timeout) {
            super("gave up waiting for " + what + " after " + (timeout.toMillis() % 1000 == 0
                    ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
        }
    }

    private Await() {
    }

    /**
     * Returns once the condition holds; looks at it at once, then every {@code step}.
     *
     * @param  what     what is awaited, for the failure's message (e.g. {@code replica-1 to lead})
     * @throws TimedOut when it does not hold within {@code timeout}
     */
    public static <E extends Exception> void awaitUntil(Duration timeout, Duration step, Condition<E> condition,
                                                        String what) throws E, InterruptedException {
        awaitValue(timeout, step, () -> condition.holds() ? Boolean.TRUE : null, what);
    }

    /**
     * The first value the probe finds; looks at once, then every {@code step}.
     *
     * @param  what     what is awaited, for the failure's message (e.g. {@code a replica mid-import})
     * @throws TimedOut when the probe finds nothing within {@code timeout}
     */
    public static <T, E extends Exception> T awaitValue(Duration timeout, Duration step, Probe<T, E> probe,
                                                        String what) throws E, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T found = probe.find();
            if (found != null) {
                return found;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new TimedOut(what, timeout);
            }
            Thread.sleep(step.toMillis());
        }
    }
}
