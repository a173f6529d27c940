package io.github.camelomics.aws2.omics.internal.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.github.camelomics.aws2.omics.ImportJobWaitException;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;

/**
 * One exchange's wait: its jobs in the order of its answer, the last known state of each, until when it waits, and
 * whether it is still wanted. Its result completes once, with the final state of every job, or with the reason the
 * wait ended first. States are written by its watch's thread; ending it early may come from any thread.
 */
final class JobWait {

    private final List<String> ids;
    private final Map<String, GetReadSetImportJobResponse> latest = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Instant deadline;
    private final BooleanSupplier keepWaiting;
    private final CompletableFuture<List<GetReadSetImportJobResponse>> result = new CompletableFuture<>();

    JobWait(List<GetReadSetImportJobResponse> jobs, Duration timeout, Instant now, BooleanSupplier keepWaiting) {
        this.ids = jobs.stream().map(GetReadSetImportJobResponse::id).toList();
        jobs.forEach(job -> latest.put(job.id(), job));
        this.timeout = timeout;
        this.deadline = now.plus(timeout);
        this.keepWaiting = keepWaiting;
    }

    CompletableFuture<List<GetReadSetImportJobResponse>> result() {
        return result;
    }

    /** The jobs still to follow: not ended, or ended but not yet known in full. */
    List<GetReadSetImportJobResponse> unfinished() {
        return ids.stream().map(latest::get).filter(job -> !isFinal(job)).toList();
    }

    boolean waitsFor(String jobId) {
        return latest.containsKey(jobId);
    }

    /** Takes a newer state of one of its jobs; the previous one. */
    GetReadSetImportJobResponse update(GetReadSetImportJobResponse job) {
        return latest.replace(job.id(), job);
    }

    /** Completes the wait when every job has ended and is known in full; true when it is over, now or before. */
    boolean completeIfEnded() {
        if (!result.isDone() && ids.stream().map(latest::get).allMatch(JobWait::isFinal)) {
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
        return !result.isDone() && result.completeExceptionally(new ImportJobWaitException(why, lastKnown()));
    }

    /** Ends the wait with the error of a call made for it. */
    void fail(RuntimeException error) {
        result.completeExceptionally(error);
    }

    private List<GetReadSetImportJobResponse> lastKnown() {
        return ids.stream().map(latest::get).toList();
    }

    private static boolean isFinal(GetReadSetImportJobResponse job) {
        return ImportJobStatuses.hasEnded(job.status()) && JobStates.isDetailed(job);
    }
}
