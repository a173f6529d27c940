package io.github.camelomics.aws2.omics.internal.job;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import io.github.camelomics.aws2.omics.WaitTimer;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * The waits for jobs of one component, grouped so that every exchange waiting for jobs of one family in one store
 * shares one listing of them per poll interval: one watch per family, client, store, poll interval and clock. A watch runs on a thread of
 * the executor while it has waits and ends with its last one; the waiting exchanges hold no thread.
 */
public final class JobWatches implements AutoCloseable {

    /** What the waits of one watch have in common; the family gives the type of its jobs' states. */
    public record Key<J>(JobFamily<?, ?, J, ?> family, OmicsClient client, String sequenceStoreId, Duration pollInterval,
                      WaitTimer timer) {
    }

    /**
     * One exchange's wait as it stands, for the dev console and JMX: its jobs in the order of its answer.
     *
     * @param jobNoun      what its jobs are, e.g. "import job"
     * @param waitingSince when it began, by the clock of its endpoint (emulated in tests)
     * @param waited       how long it has waited by that clock
     * @param deadline     when waitTimeout ends it
     */
    public record WaitState(String jobNoun, String sequenceStoreId, List<WaitedJob> jobs, Instant waitingSince,
                            Duration waited, Instant deadline) {
    }

    /**
     * One job of a wait: its last known status and, once a Get answered with its items, how many had ended (finished or
     * failed) of how many; null before, since a listing does not tell them.
     */
    public record WaitedJob(String id, String status, Integer itemsDone, Integer itemsTotal) {
    }

    private final Executor executor;
    private final Executor completions;
    private final JobCounts counts;
    private final Map<Key<?>, JobWatch<?>> watches = new HashMap<>();
    private final LongAdder waitsBegun = new LongAdder();
    private final LongAdder waitsEnded = new LongAdder();
    private boolean closed;

    /**
     * @param executor    runs each watch's loop, one thread per watch while it has waits
     * @param completions where waiting exchanges go on once their jobs have ended, so that the rest of their route does
     *                    not run on, and hold up, the watch that polls for every wait
     * @param counts      where each job a watch sees end is counted
     */
    public JobWatches(Executor executor, Executor completions, JobCounts counts) {
        this.executor = executor;
        this.completions = completions;
        this.counts = counts;
    }

    /**
     * Waits for the jobs until each has ended.
     *
     * @param  jobs        the last known state of each job, in the order of the answer; a running job has its creation
     *                     time (a start answer or a Get answer)
     * @param  keepWaiting false once the route or Camel stops; asked about every 100 ms while the watch pauses
     * @return             the Get answer of each job once all have ended, in the order given; or failed with the
     *                     family's wait exception (the timeout passed, or waiting is no longer wanted), or with the
     *                     error of a call made for these jobs
     */
    public <J> CompletableFuture<List<J>> await(Key<J> key, List<J> jobs, Duration timeout, BooleanSupplier keepWaiting) {
        JobWait<J> wait = new JobWait<>(key.family(), jobs, timeout, key.timer().now(), keepWaiting);
        waitsBegun.increment();
        wait.result().whenComplete((ended, error) -> waitsEnded.increment());
        JobWatch<J> started = null;
        synchronized (this) {
            if (closed) {
                wait.stop("Camel is stopping");
                return wait.result();
            }
            @SuppressWarnings("unchecked") // the key's family gives the watch its job type
            JobWatch<J> watch = (JobWatch<J>) watches.get(key);
            if (watch == null) {
                watch = new JobWatch<>(key, this);
                watches.put(key, watch);
                started = watch;
            }
            watch.add(wait);
        }
        if (started != null) {
            try {
                executor.execute(started);
            } catch (RejectedExecutionException e) { // the executor is shut down: Camel is stopping
                forget(started);
                started.stopAll("Camel is stopping");
            }
        }
        return wait.result();
    }

    /** Whether a watch goes on: false, and it is forgotten, once its last wait is over. */
    synchronized boolean keepWatching(JobWatch<?> watch) {
        if (watch.isIdle()) {
            watches.remove(watch.key(), watch);
            return false;
        }
        return true;
    }

    /** A watch that ended for another reason than having no waits; new waits then start a new one. */
    synchronized void forget(JobWatch<?> watch) {
        watches.remove(watch.key(), watch);
    }

    /** Where waiting exchanges go on once their jobs have ended. */
    public Executor completions() {
        return completions;
    }

    JobCounts counts() {
        return counts;
    }

    /** The watches running now. */
    public synchronized int size() {
        return watches.size();
    }

    /** The waits not yet over, each as it stands; the watches are not held while their waits are read. */
    public List<WaitState> waits() {
        List<JobWatch<?>> running;
        synchronized (this) {
            running = List.copyOf(watches.values());
        }
        return running.stream().flatMap(JobWatch::states).toList();
    }

    /** Waits begun since the component started. */
    public long waitsBegun() {
        return waitsBegun.sum();
    }

    /** Waits over since the component started: their jobs ended, or the wait ended first (timeout, stop, error). */
    public long waitsEnded() {
        return waitsEnded.sum();
    }

    /** Ends every wait with its last known states (Camel is stopping) and takes no new ones. */
    @Override
    public void close() {
        List<JobWatch<?>> running;
        synchronized (this) {
            closed = true;
            running = List.copyOf(watches.values());
            watches.clear();
        }
        running.forEach(watch -> watch.stopAll("Camel is stopping"));
    }
}
