package io.github.camelomics.aws2.omics.internal.job;

import java.util.ArrayList;
import java.util.List;

import io.github.camelomics.aws2.omics.model.Digests;

/**
 * Jobs that have ended, with the retries of their failed items (retryFailedSources): every job of every attempt, and
 * for each item, in the order of the request, its latest result and the failures before it. Immutable: a retry makes
 * a new one.
 * <p>
 * A retry is a new job of just the items that ended FAILED, with a client token derived from the jobs of the attempt
 * before: those jobs are the same on a redelivery (their own tokens bring them back), so the retry's token, its
 * request and its job are the same too, and nothing is done twice.
 *
 * @param <Q> the start request
 * @param <J> a job's state
 * @param <R> one item's result
 */
public final class JobAttempts<Q, J, R> {

    /** An earlier attempt of an item that did not succeed: its job, the item's status and the service's message. */
    public record ItemAttempt(String jobId, String status, String statusMessage) {
    }

    /**
     * An item that did not succeed: its index in the request, its last job and result, and the attempts before.
     *
     * @param earlier the attempts before the last, oldest first; empty when it was tried once
     */
    public record FailedItem<R>(int index, String jobId, R result, List<ItemAttempt> earlier) {
    }

    /** One item's latest result, the job it came from, and the failed attempts before it. */
    private record ItemResult<R>(String jobId, R result, List<ItemAttempt> earlier) {
    }

    private final JobFamily<Q, ?, J, R> family;
    /** The request of the first attempt; null when the jobs were given (a wait for a known job): nothing to retry. */
    private final Q request;
    private final List<J> jobs;
    private final List<J> lastAttempt;
    private final List<ItemResult<R>> results;
    private final int retries;

    private JobAttempts(JobFamily<Q, ?, J, R> family, Q request, List<J> jobs, List<J> lastAttempt,
                        List<ItemResult<R>> results, int retries) {
        this.family = family;
        this.request = request;
        this.jobs = jobs;
        this.lastAttempt = lastAttempt;
        this.results = results;
        this.retries = retries;
    }

    /**
     * The first attempt's ended jobs, in item order.
     *
     * @param request what was started, or null for jobs given by id
     */
    public static <Q, J, R> JobAttempts<Q, J, R> first(JobFamily<Q, ?, J, R> family, Q request, List<J> ended) {
        List<ItemResult<R>> results = new ArrayList<>();
        for (J job : ended) {
            family.results(job).forEach(item -> results.add(new ItemResult<>(family.id(job), item, List.of())));
        }
        return new JobAttempts<>(family, request, List.copyOf(ended), List.copyOf(ended), List.copyOf(results), 0);
    }

    /** The indexes of the items whose latest attempt ended FAILED; none when there is no request to retry from. */
    public List<Integer> failedItems() {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; request != null && i < results.size(); i++) {
            if (JobStatuses.ITEM_FAILED.equals(family.itemStatus(results.get(i).result()))) {
                failed.add(i);
            }
        }
        return failed;
    }

    /**
     * The request that starts these items again: the first request's items at these indexes, in order.
     *
     * @param withToken false when client tokens are off (clientTokenStrategy=none)
     */
    public Q retryRequest(List<Integer> items, boolean withToken) {
        return family.select(request, items, withToken ? retryToken() : null);
    }

    /** Derived from the jobs of the attempt before, which a redelivery gets back the same: so is this token. */
    private String retryToken() {
        return "retry-" + (retries + 1) + "-" + Digests.sha256Hex(String.join(",", lastAttemptIds()));
    }

    /**
     * The results once the retry of these items has ended.
     *
     * @param items the indexes the retry started, in its order
     * @param ended the retry's jobs, ended, in item order
     */
    public JobAttempts<Q, J, R> retried(List<Integer> items, List<J> ended) {
        List<ItemResult<R>> merged = new ArrayList<>(results);
        int next = 0;
        for (J job : ended) {
            for (R item : family.results(job)) {
                int index = items.get(next++);
                ItemResult<R> before = merged.get(index);
                List<ItemAttempt> attempts = new ArrayList<>(before.earlier());
                attempts.add(new ItemAttempt(before.jobId(), family.itemStatus(before.result()),
                        family.itemStatusMessage(before.result())));
                merged.set(index, new ItemResult<>(family.id(job), item, List.copyOf(attempts)));
            }
        }
        if (next != items.size()) {
            throw new IllegalStateException("the retry of " + items.size() + " items answered for " + next);
        }
        List<J> all = new ArrayList<>(jobs);
        all.addAll(ended);
        return new JobAttempts<>(family, request, List.copyOf(all), List.copyOf(ended), List.copyOf(merged), retries + 1);
    }

    public int retries() {
        return retries;
    }

    /** Every job of every attempt, in the order they were started. */
    public List<J> jobs() {
        return jobs;
    }

    /** The ids of the jobs of the latest attempt. */
    public List<String> lastAttemptIds() {
        return lastAttempt.stream().map(family::id).toList();
    }

    /** Each item's latest result, in item order. */
    public List<R> results() {
        return results.stream().map(ItemResult::result).toList();
    }

    /**
     * One status for the jobs: without retries that of the jobs together; after retries, what became of the items:
     * COMPLETED when every one succeeded, FAILED when none did, else COMPLETED_WITH_FAILURES.
     */
    public String status() {
        if (retries == 0) {
            return JobStatuses.overall(jobs.stream().map(family::status).toList());
        }
        long finished = results.stream().filter(this::finished).count();
        return finished == results.size() ? JobStatuses.COMPLETED
                : finished == 0 ? JobStatuses.FAILED : JobStatuses.COMPLETED_WITH_FAILURES;
    }

    /** Whether an item did not succeed (or, without retries, a job did not complete). */
    public boolean isFailure() {
        return retries == 0 ? jobs.stream().anyMatch(job -> JobStatuses.isFailure(family.status(job)))
                : !JobStatuses.COMPLETED.equals(status());
    }

    /** The family's exception naming each item that did not succeed, with each of its attempts. */
    public RuntimeException failure() {
        List<FailedItem<R>> failed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ItemResult<R> r = results.get(i);
            if (!finished(r)) {
                failed.add(new FailedItem<>(i, r.jobId(), r.result(), r.earlier()));
            }
        }
        return family.failed(jobs, failed, results.size());
    }

    private boolean finished(ItemResult<R> r) {
        return JobStatuses.ITEM_FINISHED.equals(family.itemStatus(r.result()));
    }
}
