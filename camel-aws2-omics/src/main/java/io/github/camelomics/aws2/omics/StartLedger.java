package io.github.camelomics.aws2.omics;

import java.util.Optional;

/**
 * A durable record of the import job each client token started, read before every start and written when the service
 * answers: a redelivered message, on any replica and at any later time, gets its job back without a start call, even
 * when the service no longer remembers the token. Each job of a split request has a token of its own, so a token
 * names one job. Starts without a client token do not use the ledger.
 * <p>
 * The component brings one in PostgreSQL ({@code startLedger=true}); give your own with option
 * {@code startLedgerRepository}. Implementations are called from many threads, and replicas, at once.
 */
public interface StartLedger {

    /** The job recorded for the token, if any. */
    Optional<String> jobFor(Key key);

    /**
     * Records the job the service answered the token with. A token that is already recorded keeps its job: two
     * replicas that start with the same token at the same moment both get the same job from the service, and the
     * second record must neither fail nor change the first.
     */
    void record(Key key, String jobId);

    /**
     * What a client token is unique in: the region and the sequence store of the start.
     *
     * @param region          the region of the client, such as {@code eu-west-1}
     * @param sequenceStoreId the sequence store the job imports into
     * @param clientToken     the token of one job
     */
    record Key(String region, String sequenceStoreId, String clientToken) {
    }
}
