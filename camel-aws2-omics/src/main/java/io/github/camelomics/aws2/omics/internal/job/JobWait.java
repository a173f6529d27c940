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
    /** Items ended and all items of each job, as its last state given in detail (a Get answer) had them. */
    private final Map<String, Items> items = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Instant since;
    private final Instant deadline;
    private final BooleanSupplier keepWaiting;
    private final CompletableFuture<List<J>> result = new CompletableFuture<>();

    JobWait(JobFamily<?, ?, J, ?> family, List<J> jobs, Duration timeout, Instant now, BooleanSupplier keepWaiting) {
        this.family = family;
        this.ids = jobs.stream().map(family::id).toList();
        jobs.forEach(job -> latest.put(family.id(job), job));
        jobs.forEach(this::countItems);
        this.timeout = timeout;
        this.since = now;
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
        countItems(job);
        return latest.replace(family.id(job), job);
    }

    /** The wait as it stands, its time by its clock's {@code now}; read from any thread. */
    JobWatches.WaitState state(String sequenceStoreId, Instant now) {
        List<JobWatches.WaitedJob> jobs = ids.stream().map(id -> {
            Items counted = items.get(id);
            return new JobWatches.WaitedJob(id, family.status(latest.get(id)), counted == null ? null : counted.ended(),
                    counted == null ? null : counted.total());
        }).toList();
        return new JobWatches.WaitState(family.jobNoun(), sequenceStoreId, jobs, since, Duration.between(since, now),
                deadline);
    }

    /** A listing says nothing of items: a job's counts stay those of its last Get answer. */
    private void countItems(J job) {
        if (family.isDetailed(job)) {
            items.put(family.id(job), countItems(family, job));
        }
    }

    private static <J, R> Items countItems(JobFamily<?, ?, J, R> family, J job) {
        List<R> results = family.results(job);
        int ended = (int) results.stream().map(family::itemStatus)
                .filter(s -> JobStatuses.ITEM_FINISHED.equals(s) || JobStatuses.ITEM_FAILED.equals(s)).count();
        return new Items(ended, results.size());
    }

    private record Items(int ended, int total) {
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
