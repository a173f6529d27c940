package io.github.camelomics.aws2.omics.internal.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.ClientTokenStrategy;

import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * Starts the jobs one request becomes: consecutive slices of at most maxItemsPerJob items, in input order, each with
 * its own client token. More than one job exists only because the service takes so many items a job.
 * <p>
 * With a start ledger, each job's token is looked up before its start: a recorded job is fetched (its current status,
 * with no start call) instead of started, and a started one is recorded once the service has answered. A process that
 * dies between the answer and the record loses nothing: the redelivery finds no record, starts with the same token,
 * and the service answers with the same job. Each start the service answers with a running job is counted in the
 * metrics; a job found in the ledger, or one that had ended already (a repeated token), was not started again.
 *
 * @param <Q> the start request
 * @param <S> the start answer
 * @param <J> a job's state
 */
public final class JobStarts<Q, S, J> {

    private static final Logger LOG = LoggerFactory.getLogger(JobStarts.class);

    private final JobFamily<Q, S, J, ?> family;
    private final OmicsClient client;
    private final StartLedger ledger;
    private final OmicsMetrics metrics;
    private final JobCounts counts;

    /**
     * @param ledger  where the job of each client token is recorded; null for none
     * @param metrics what each start tells the meters
     * @param counts  where each job started is counted, for the dev console and JMX
     */
    public JobStarts(JobFamily<Q, S, J, ?> family, OmicsClient client, StartLedger ledger, OmicsMetrics metrics,
                     JobCounts counts) {
        this.family = family;
        this.client = client;
        this.ledger = ledger;
        this.metrics = metrics;
        this.counts = counts;
    }

    /**
     * The service's answer for each job, in item order.
     *
     * @param  strategy    how to derive a job's client token when the request gives none
     * @param  exchangeId  the exchange's id, read only for the exchange strategy
     * @param  wireRequest the request as the service would receive it, read only for the content strategy
     *
     * @throws RuntimeException the family's partly-started exception when a job fails to start after others had
     *                          started (they are listed in it); the start's own error when the first one fails
     */
    public List<S> start(Q request, int maxItemsPerJob, ClientTokenStrategy strategy, Supplier<String> exchangeId,
                         Supplier<ObjectNode> wireRequest) {
        ClientTokens tokens = new ClientTokens(strategy, exchangeId, wireRequest);
        List<JobSlice> slices = JobSlice.of(family.itemCount(request), maxItemsPerJob);
        List<S> started = new ArrayList<>(slices.size());
        for (JobSlice slice : slices) {
            Q job = family.part(request, slice.from(), slice.to(), tokens.of(family.clientToken(request), slice));
            try {
                started.add(ledger == null || family.clientToken(job) == null ? start(job) : startOnce(job));
            } catch (RuntimeException e) {
                if (started.isEmpty()) {
                    throw e;
                }
                throw family.partlyStarted(started, slice.index(), slices.size(), e);
            }
        }
        return started;
    }

    private S start(Q job) {
        S response = family.start(client, job);
        if (JobStatuses.hasEnded(family.startedStatus(response))) {
            // only a repeated client token answers with a job that has already ended
            LOG.info("HealthOmics answered client token {} with existing {} {} ({}); to run these items again, send a "
                     + "new clientToken", family.clientToken(job), family.jobNoun(), family.startedId(response),
                    family.startedStatus(response));
        } else {
            metrics.jobsStarted(family.name(), family.sequenceStoreId(job), 1);
            counts.countStart();
        }
        return response;
    }

    /** Reads the ledger before the start and writes it after; a failed write is logged, as the token covers it. */
    private S startOnce(Q job) {
        String store = family.sequenceStoreId(job);
        StartLedger.Key key = new StartLedger.Key(client.serviceClientConfiguration().region().id(), store,
                family.clientToken(job));
        Optional<String> recorded = ledger.jobFor(key);
        if (recorded.isPresent()) {
            LOG.info("Client token {} is in the start ledger with {} {}: not started again", key.clientToken(),
                    family.jobNoun(), recorded.get());
            // its status now: a Get costs one request of another quota line, and gives the exchange the job's real state
            return family.started(family.get(client, store, recorded.get()));
        }
        S response = start(job);
        try {
            ledger.record(key, family.startedId(response));
        } catch (RuntimeException e) {
            LOG.warn("{} {} of client token {} is started but not recorded in the start ledger ({}); a redelivery "
                     + "still gets this job, from the service's own memory of the token", family.jobNoun(),
                    family.startedId(response), key.clientToken(), e.getMessage());
        }
        return response;
    }
}
