package io.github.camelomics.aws2.omics.internal.job;

import java.util.ArrayList;
import java.util.List;

import io.github.camelomics.aws2.omics.ImportJobFailedException;
import io.github.camelomics.aws2.omics.ImportJobFailedException.Attempt;
import io.github.camelomics.aws2.omics.ImportJobFailedException.FailedSource;
import io.github.camelomics.aws2.omics.model.Digests;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobItemStatus;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;

/**
 * An import that has ended, with the retries of its failed sources (retryFailedSources): every job of every attempt,
 * and for each source, in the order of the request, its latest result and the failures before it. Immutable: a retry
 * makes a new one.
 * <p>
 * A retry is a new job of just the sources that ended FAILED, with a client token derived from the jobs of the attempt
 * before: those jobs are the same on a redelivery (their own tokens bring them back), so the retry's token, its
 * request and its job are the same too, and nothing is imported twice.
 */
public final class ImportAttempts {

    /** The request of the first attempt; null when the jobs were given (a wait for a known job): nothing to retry. */
    private final StartReadSetImportJobRequest request;
    private final List<GetReadSetImportJobResponse> jobs;
    private final List<GetReadSetImportJobResponse> lastAttempt;
    private final List<SourceResult> results;
    private final int retries;

    /** One source's latest result, the job it came from, and the failed attempts before it. */
    private record SourceResult(String jobId, ImportReadSetSourceItem item, List<Attempt> earlier) {

        boolean failed() {
            return item.status() == ReadSetImportJobItemStatus.FAILED;
        }

        SourceResult retriedAs(String retryJobId, ImportReadSetSourceItem retry) {
            List<Attempt> attempts = new ArrayList<>(earlier);
            attempts.add(new Attempt(jobId, item.statusAsString(), item.statusMessage()));
            return new SourceResult(retryJobId, retry, List.copyOf(attempts));
        }
    }

    private ImportAttempts(StartReadSetImportJobRequest request, List<GetReadSetImportJobResponse> jobs,
                           List<GetReadSetImportJobResponse> lastAttempt, List<SourceResult> results, int retries) {
        this.request = request;
        this.jobs = jobs;
        this.lastAttempt = lastAttempt;
        this.results = results;
        this.retries = retries;
    }

    /**
     * The first attempt's ended jobs, in source order.
     *
     * @param request what was started, or null for jobs given by id
     */
    public static ImportAttempts first(StartReadSetImportJobRequest request, List<GetReadSetImportJobResponse> ended) {
        List<SourceResult> results = new ArrayList<>();
        for (GetReadSetImportJobResponse job : ended) {
            job.sources().forEach(item -> results.add(new SourceResult(job.id(), item, List.of())));
        }
        return new ImportAttempts(request, List.copyOf(ended), List.copyOf(ended), List.copyOf(results), 0);
    }

    /** The indexes of the sources whose latest import ended FAILED; none when there is no request to retry from. */
    public List<Integer> failedSources() {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; request != null && i < results.size(); i++) {
            if (results.get(i).failed()) {
                failed.add(i);
            }
        }
        return failed;
    }

    /**
     * The request that starts these sources again: the first request's sources at these indexes, in order.
     *
     * @param withToken false when client tokens are off (clientTokenStrategy=none)
     */
    public StartReadSetImportJobRequest retryRequest(List<Integer> sources, boolean withToken) {
        return request.toBuilder()
                .sources(sources.stream().map(request.sources()::get).toList())
                .clientToken(withToken ? retryToken() : null)
                .build();
    }

    /** Derived from the jobs of the attempt before, which a redelivery gets back the same: so is this token. */
    private String retryToken() {
        return "retry-" + (retries + 1) + "-"
               + Digests.sha256Hex(String.join(",", lastAttempt.stream().map(GetReadSetImportJobResponse::id).toList()));
    }

    /**
     * The results once the retry of these sources has ended.
     *
     * @param sources the indexes the retry started, in its order
     * @param ended   the retry's jobs, ended, in source order
     */
    public ImportAttempts retried(List<Integer> sources, List<GetReadSetImportJobResponse> ended) {
        List<SourceResult> merged = new ArrayList<>(results);
        int next = 0;
        for (GetReadSetImportJobResponse job : ended) {
            for (ImportReadSetSourceItem item : job.sources()) {
                int index = sources.get(next++);
                merged.set(index, merged.get(index).retriedAs(job.id(), item));
            }
        }
        if (next != sources.size()) {
            throw new IllegalStateException("the retry of " + sources.size() + " sources answered for " + next);
        }
        List<GetReadSetImportJobResponse> all = new ArrayList<>(jobs);
        all.addAll(ended);
        return new ImportAttempts(request, List.copyOf(all), List.copyOf(ended), List.copyOf(merged), retries + 1);
    }

    public int retries() {
        return retries;
    }

    /** Every job of every attempt, in the order they were started. */
    public List<GetReadSetImportJobResponse> jobs() {
        return jobs;
    }

    /** The jobs of the latest attempt. */
    public List<GetReadSetImportJobResponse> lastAttempt() {
        return lastAttempt;
    }

    /** Each source's latest result, in source order. */
    public List<ImportReadSetSourceItem> sources() {
        return results.stream().map(SourceResult::item).toList();
    }

    /**
     * One status for the import: without retries that of its jobs together; after retries, what became of the sources:
     * COMPLETED when every one is a read set, FAILED when none is, else COMPLETED_WITH_FAILURES.
     */
    public String status() {
        if (retries == 0) {
            return ImportJobStatuses.overall(jobs.stream().map(GetReadSetImportJobResponse::statusAsString).toList());
        }
        long finished = results.stream().filter(r -> r.item().status() == ReadSetImportJobItemStatus.FINISHED).count();
        return (finished == results.size() ? ReadSetImportJobStatus.COMPLETED
                : finished == 0 ? ReadSetImportJobStatus.FAILED : ReadSetImportJobStatus.COMPLETED_WITH_FAILURES).toString();
    }

    /** Whether a source did not become a read set (or, without retries, a job did not complete). */
    public boolean isFailure() {
        return retries == 0 ? jobs.stream().anyMatch(ImportJobStatuses::isFailure)
                : !ReadSetImportJobStatus.COMPLETED.toString().equals(status());
    }

    /** The exception naming each source that did not become a read set, with each of its attempts. */
    public ImportJobFailedException failure() {
        if (retries == 0) {
            return new ImportJobFailedException(jobs);
        }
        List<FailedSource> failed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SourceResult r = results.get(i);
            if (r.item().status() != ReadSetImportJobItemStatus.FINISHED) {
                failed.add(new FailedSource(i, r.jobId(), r.item().sampleId(),
                        r.item().sourceFiles() == null ? null : r.item().sourceFiles().source1(), r.item().statusAsString(),
                        r.item().statusMessage(), r.earlier()));
            }
        }
        return new ImportJobFailedException(jobs, failed, results.size());
    }
}
