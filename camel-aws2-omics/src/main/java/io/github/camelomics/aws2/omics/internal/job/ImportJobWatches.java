package io.github.camelomics.aws2.omics.internal.job;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

import io.github.camelomics.aws2.omics.WaitTimer;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;

/**
 * The waits for import jobs of one component, grouped so that every exchange waiting for jobs of one store shares one
 * listing of them per poll interval: one watch per client, store, poll interval and clock. A watch runs on a thread of
 * the executor while it has waits and ends with its last one; the waiting exchanges hold no thread.
 */
public final class ImportJobWatches implements AutoCloseable {

    /** What the waits of one watch have in common. */
    public record Key(OmicsClient client, String sequenceStoreId, Duration pollInterval, WaitTimer timer) {
    }

    private final Executor executor;
    private final Map<Key, ImportJobWatch> watches = new HashMap<>();
    private boolean closed;

    /** @param executor runs each watch's loop, one thread per watch while it has waits */
    public ImportJobWatches(Executor executor) {
        this.executor = executor;
    }

    /**
     * Waits for the jobs until each has ended.
     *
     * @param  jobs        the last known state of each job, in the order of the answer; a running job has its creation
     *                     time (a start answer or a GetReadSetImportJob answer)
     * @param  keepWaiting false once the route or Camel stops; asked about every 100 ms while the watch pauses
     * @return             the GetReadSetImportJob answer of each job once all have ended, in the order given; or failed
     *                     with ImportJobWaitException (the timeout passed, or waiting is no longer wanted), or with the
     *                     error of a call made for these jobs
     */
    public CompletableFuture<List<GetReadSetImportJobResponse>> await(
            Key key, List<GetReadSetImportJobResponse> jobs, Duration timeout, BooleanSupplier keepWaiting) {
        JobWait wait = new JobWait(jobs, timeout, key.timer().now(), keepWaiting);
        ImportJobWatch started = null;
        synchronized (this) {
            if (closed) {
                wait.stop("Camel is stopping");
                return wait.result();
            }
            ImportJobWatch watch = watches.get(key);
            if (watch == null) {
                watch = new ImportJobWatch(key, this);
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
    synchronized boolean keepWatching(ImportJobWatch watch) {
        if (watch.isIdle()) {
            watches.remove(watch.key(), watch);
            return false;
        }
        return true;
    }

    /** A watch that ended for another reason than having no waits; new waits then start a new one. */
    synchronized void forget(ImportJobWatch watch) {
        watches.remove(watch.key(), watch);
    }

    /** The watches running now. */
    public synchronized int size() {
        return watches.size();
    }

    /** Ends every wait with its last known states (Camel is stopping) and takes no new ones. */
    @Override
    public void close() {
        List<ImportJobWatch> running;
        synchronized (this) {
            closed = true;
            running = List.copyOf(watches.values());
            watches.clear();
        }
        running.forEach(watch -> watch.stopAll("Camel is stopping"));
    }
}
