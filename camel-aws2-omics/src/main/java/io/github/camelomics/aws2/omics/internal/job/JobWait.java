package io.github.camelomics.aws2.omics.internal.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;


/**
 * One exchange's wait: its jobs in the order of its answer, the last known state of each, until when it waits, and
 * whether it is still wanted. Its result completes once, with the final state of every job, or with the reason the
 * wait ended first. States are written by its watch's thread; ending it early may come from any thread.
 *
 * @param <J> a job's state
 */
final class JobWait<J> {

    private final JobFamily<?, ?, J, ?> family;
    private final List<String> ids;
    private final Map<String, J> latest = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Instant deadline;
    private final BooleanSupplier keepWaiting;
    private final CompletableFuture<List<J>> result = new CompletableFuture<>();

    JobWait(JobFamily<?, ?, J, ?> family, List<J> jobs, Duration timeout, Instant now, BooleanSupplier keepWaiting) {
        this.family = family;
        this.ids = jobs.stream().map(family::id).toList();
        jobs.forEach(job -> latest.put(family.id(job), job));
        this.timeout = timeout;
        this.deadline = now.plus(timeout);
        this.keepWaiting = keepWaiting;
    }

    CompletableFuture<List<J>> result() {
        return result;
    }

    /** The jobs still to follow: not ended, or ended but not yet known in full. */
    List<J> unfinished() {
        return ids.stream().map(latest::get).filter(job -> !isFinal(job)).toList();
    }

    boolean waitsFor(String jobId) {
        return latest.containsKey(jobId);
    }

    /** Takes a newer state of one of its jobs; the previous one. */
    J update(J job) {
        return latest.replace(family.id(job), job);
    }

    /** Completes the wait when every job has ended and is known in full; true when it is over, now or before. */
    boolean completeIfEnded() {
        if (!result.isDone() && ids.stream().map(latest::get).allMatch(this::isFinal)) {
            result.complete(lastKnown());
        }
        return result.isDone();
    }

    boolean isOver() {
        return result.isDone();
    }

    boolean isWanted() {
        return keepWaiting.getAsBoolean();
    }

    Instant deadline() {
        return deadline;
    }

    /** Ends the wait with the waitTimeout once its deadline has come; true when it did. */
    boolean expireAt(Instant now) {
        return !now.isBefore(deadline) && stop("waited " + timeout + " (waitTimeout)");
    }

    /** Ends the wait before its jobs did, with their last known states; true unless it was over already. */
    boolean stop(String why) {
        return !result.isDone() && result.completeExceptionally(family.waitEnded(why, lastKnown()));
    }

    /** Ends the wait with the error of a call made for it. */
    void fail(RuntimeException error) {
        result.completeExceptionally(error);
    }

    private List<J> lastKnown() {
        return ids.stream().map(latest::get).toList();
    }

    private boolean isFinal(J job) {
        return JobStatuses.hasEnded(family.status(job)) && family.isDetailed(job);
    }
}
