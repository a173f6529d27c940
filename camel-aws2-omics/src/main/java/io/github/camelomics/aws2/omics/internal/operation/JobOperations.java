package io.github.camelomics.aws2.omics.internal.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import io.github.camelomics.aws2.omics.ClientTokenStrategy;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.internal.job.JobAttempts;
import io.github.camelomics.aws2.omics.internal.job.JobFamily;
import io.github.camelomics.aws2.omics.internal.job.JobStarts;
import io.github.camelomics.aws2.omics.internal.job.JobWatches;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import io.github.camelomics.aws2.omics.internal.operation.OperationSpec.Invocation;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.OmicsRequest;

/**
 * The start and the get of one family of jobs, from a bound request to the answer: start the request's jobs (split,
 * with their client tokens and the start ledger), and with waitForCompletion hand the exchange to the watch of its
 * store, start the items that failed again while retryFailedSources allows, then answer with every item's latest
 * result, failing the exchange on failures when the options say so. What the answer puts on the message is the
 * family's ({@link Answers}). The metrics are told of the jobs started, the jobs and items a wait saw end, the retries,
 * the exchanges waiting now and, once answered, how long a waited request took.
 *
 * @param <Q> the start request
 * @param <S> the start answer
 * @param <J> a job's state
 * @param <R> one item's result
 */
final class JobOperations<Q extends OmicsRequest, S, J, R> {

    private static final Logger LOG = LoggerFactory.getLogger(JobOperations.class);

    /** What the family's answers put on the message. */
    interface Answers<Q, S, J, R> {

        /** The jobs as their starts answered, without waiting. */
        void started(Message message, List<S> started);

        /** A job as a Get answered it, without waiting. */
        void got(Message message, J job);

        /** The jobs once ended, with every item's latest result. */
        void ended(Call call, JobAttempts<Q, J, R> attempts);
    }

    private final JobFamily<Q, S, J, R> family;
    private final Answers<Q, S, J, R> answers;
    private final ToIntFunction<Omics2Configuration> maxItemsPerJob;
    private final Predicate<Omics2Configuration> failOnFailure;

    /**
     * @param maxItemsPerJob the option that cuts requests into jobs
     * @param failOnFailure  whether ended jobs with failed items fail the exchange
     */
    JobOperations(JobFamily<Q, S, J, R> family, Answers<Q, S, J, R> answers,
                  ToIntFunction<Omics2Configuration> maxItemsPerJob, Predicate<Omics2Configuration> failOnFailure) {
        this.family = family;
        this.answers = answers;
        this.maxItemsPerJob = maxItemsPerJob;
        this.failOnFailure = failOnFailure;
    }

    /** Starts the request's jobs, then waits for them or answers with what the service said of each. */
    Invocation<Q> start() {
        return (request, call) -> {
            Waited waited = waited(call, family.sequenceStoreId(request));
            List<S> started = start(request, call);
            if (waited != null) {
                return await(started.stream().map(family::state).toList(), waited,
                        ended -> settle(JobAttempts.first(family, request, ended), waited));
            }
            answers.started(call.message(), started);
            return true;
        };
    }

    /**
     * Gets one job; with waitForCompletion waits until it has ended (this first look gives the creation time the watch
     * lists by, and answers a job that has ended already).
     */
    <G> Invocation<G> get(BiFunction<OmicsClient, G, J> get, Function<G, String> sequenceStoreId) {
        return (request, call) -> {
            Waited waited = waited(call, sequenceStoreId.apply(request));
            J job = get.apply(call.client(), request);
            if (waited != null) {
                return await(List.of(job), waited, ended -> settle(JobAttempts.first(family, null, ended), waited));
            }
            answers.got(call.message(), job);
            return true;
        };
    }

    /** A request that waits for its jobs, from now; null unless waitForCompletion. */
    private static Waited waited(Call call, String sequenceStoreId) {
        return call.options().isWaitForCompletion() ? new Waited(call, sequenceStoreId, call.timer().now()) : null;
    }

    /**
     * Starts the request's jobs. Content tokens hash the request's wire form (it has no token then): the tree
     * validation already built. The exchange's id is read only for the exchange strategy.
     */
    private List<S> start(Q request, Call call) {
        return new JobStarts<>(family, call.client(), call.resources().startLedger(), call.resources().metrics(),
                call.resources().jobCounts())
                .start(request, maxItemsPerJob.applyAsInt(call.options()), call.options().getClientTokenStrategy(),
                        call.message().getExchange()::getExchangeId, () -> call.values().wire(request));
    }

    /**
     * Once an attempt has ended: starts the items that ended FAILED again while retries are left (retryFailedSources),
     * and waits for them; else answers with every item's latest result.
     *
     * @return true when the message is answered now
     */
    private boolean settle(JobAttempts<Q, J, R> attempts, Waited waited) {
        Call call = waited.call();
        Omics2Configuration options = call.options();
        List<Integer> failed = attempts.failedItems();
        if (failed.isEmpty() || attempts.retries() >= options.getRetryFailedSources()) {
            call.resources().metrics().waitEnded(family.name(), waited.store(), attempts.status(),
                    Duration.between(waited.began(), call.timer().now()));
            answers.ended(call, attempts);
            if (failOnFailure.test(options) && attempts.isFailure()) {
                throw attempts.failure();
            }
            return true;
        }
        Q retry = attempts.retryRequest(failed, options.getClientTokenStrategy() != ClientTokenStrategy.none);
        call.resources().metrics().itemsRetried(family.name(), waited.store(), failed.size());
        // the retry carries its derived token, which JobStarts uses as given (suffixed when split)
        List<S> started = start(retry, call);
        LOG.info("{}(s) {}: {} item(s) failed, started again as job(s) {} (retry {} of {}): items {}", family.jobNoun(),
                attempts.lastAttemptIds(), failed.size(), started.stream().map(family::startedId).toList(),
                attempts.retries() + 1, options.getRetryFailedSources(), failed);
        return await(started.stream().map(family::state).toList(), waited,
                ended -> settle(attempts.retried(failed, ended), waited));
    }

    /**
     * Waits until every job has ended, then answers through {@code whenEnded}. Jobs that have all ended already (a job
     * given by id, or a start the service answered with an earlier job) are answered at once; otherwise they go to the
     * watch of their store, and the message is answered when they have ended.
     *
     * @param  known the last known state of each job
     * @return       true when the message is answered now
     */
    private boolean await(List<J> known, Waited waited, Answer<List<J>> whenEnded) {
        Call call = waited.call();
        String sequenceStoreId = waited.store();
        if (known.stream().allMatch(job -> JobFamily.hasEnded(family.status(job)))) {
            return whenEnded.answer(counted(known.stream().map(job -> family.isDetailed(job) ? job
                    : family.get(call.client(), sequenceStoreId, family.id(job))).toList(), waited));
        }
        Omics2Configuration options = call.options();
        JobWatches watches = call.resources().jobWatches();
        JobWatches.Key<J> watch = new JobWatches.Key<>(family, call.client(), sequenceStoreId,
                Duration.ofMillis(options.getPollInterval()), call.timer());
        CompletableFuture<List<J>> ended = watches.await(watch, known, Duration.ofMillis(options.getWaitTimeout()),
                call.keepWaiting());
        OmicsMetrics metrics = call.resources().metrics();
        metrics.waiting(family.name(), sequenceStoreId, 1);
        // answered on a thread of the completions, then the exchange resumes: the watch's own thread polls for every wait
        ended.whenCompleteAsync((jobs, error) -> {
            metrics.waiting(family.name(), sequenceStoreId, -1);
            RuntimeException failure = null;
            boolean answered = true;
            try {
                if (error != null) {
                    throw unwrap(error);
                }
                answered = whenEnded.answer(counted(jobs, waited));
            } catch (RuntimeException e) {
                failure = e;
            }
            if (answered) {
                call.resume().accept(failure);
            }
        }, watches.completions());
        return false;
    }

    /** Tells the metrics of the jobs a wait saw end, and of their items, each by its status. */
    private List<J> counted(List<J> ended, Waited waited) {
        OmicsMetrics metrics = waited.call().resources().metrics();
        for (J job : ended) {
            metrics.jobEnded(family.name(), waited.store(), family.status(job));
            List<R> items = family.results(job);
            for (int i = 0; i < items.size(); i++) {
                metrics.itemsEnded(family.name(), waited.store(), family.itemStatus(items.get(i)), 1);
            }
        }
        return ended;
    }

    /**
     * A request that waits for its jobs: its call, the store of its jobs, and when it began, for the time it waited.
     */
    private record Waited(Call call, String store, Instant began) {
    }

    /** What to do once jobs have ended. */
    @FunctionalInterface
    private interface Answer<T> {
        /** @return true when the message is answered; false when it waits again (a retry), to be answered then */
        boolean answer(T result);
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RuntimeException e ? e : new IllegalStateException(cause);
    }
}
