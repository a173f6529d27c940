package io.github.camelomics.aws2.omics.internal.job;

import java.time.Instant;
import java.util.List;

import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

/**
 * What one family of HealthOmics jobs (import jobs; activation and export jobs work the same way) brings to the
 * machinery they share: a job runs over a list of items, at most so many a job, and ends with a result per item. The
 * family says how its requests are cut and sent, how its jobs are read, and which exceptions its users see; splitting,
 * client tokens, the start ledger, waits and retries of failed items are written once, in this package.
 *
 * @param <Q> the start request
 * @param <S> the start answer
 * @param <J> a job's state: its Get answer, with per-item results once known in detail
 * @param <R> one item's result in a detailed job
 */
public interface JobFamily<Q, S, J, R> {

    /** Read set import jobs. */
    JobFamily<StartReadSetImportJobRequest, StartReadSetImportJobResponse, GetReadSetImportJobResponse,
            ImportReadSetSourceItem> IMPORT = ImportJobFamily.INSTANCE;

    /** Whether a job in this status, of any family, can no longer change; unknown statuses count as running. */
    static boolean hasEnded(String status) {
        return JobStatuses.hasEnded(status);
    }

    /** One status for several jobs of one request: see {@link JobStatuses#overall}. */
    static String overall(List<String> statuses) {
        return JobStatuses.overall(statuses);
    }

    /**
     * Where a listing by creation time starts for jobs created from {@code oldest} on: a margin earlier (see
     * {@link CreationWindow}).
     */
    static Instant listedFrom(Instant oldest) {
        return CreationWindow.after(oldest);
    }

    /** How logs and messages name one job, e.g. "import job". */
    String jobNoun();

    /** The family's tag on meters, e.g. "import". */
    String name();

    int itemCount(Q request);

    String sequenceStoreId(Q request);

    /** The request's own client token, or null. */
    String clientToken(Q request);

    /**
     * The request of the items {@code [from, to)} with this token; the request itself when that is all of it with its
     * own token, so that a request of 100 items is not copied for nothing.
     */
    Q part(Q request, int from, int to, String clientToken);

    /** The request of the items at these indexes, in their order, with this token: a retry. */
    Q select(Q request, List<Integer> items, String clientToken);

    S start(OmicsClient client, Q request);

    J get(OmicsClient client, String sequenceStoreId, String jobId);

    /** The store's jobs created in this window, listed page by page (without per-item results). */
    Iterable<J> list(OmicsClient client, String sequenceStoreId, Instant createdAfter, Instant createdBefore, int pageSize);

    /** What a start answer says of its job, as a state without per-item results. */
    J state(S started);

    /** A recorded job's current state as a start would have answered it (the start ledger knew the token). */
    S started(J job);

    String id(J job);

    String startedId(S started);

    String startedStatus(S started);

    Instant creationTime(J job);

    String status(J job);

    /** A Get answer, with per-item results, as opposed to what a start or a listing says. */
    boolean isDetailed(J job);

    /** The per-item results of a detailed job, in item order. */
    List<R> results(J job);

    String itemStatus(R result);

    String itemStatusMessage(R result);

    /** Waiting for these jobs ended before they did. */
    RuntimeException waitEnded(String why, List<J> lastKnown);

    /** A job failed to start after the ones before it had started. */
    RuntimeException partlyStarted(List<S> started, int failedJob, int jobCount, RuntimeException cause);

    /** The exception naming every item that did not succeed, in the jobs of every attempt. */
    RuntimeException failed(List<J> jobs, List<JobAttempts.FailedItem<R>> failed, int itemCount);
}
