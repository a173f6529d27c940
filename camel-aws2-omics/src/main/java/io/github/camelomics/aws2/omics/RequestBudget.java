package io.github.camelomics.aws2.omics;

import java.time.Duration;

/**
 * Where the component's clients take the permission to send a request to HealthOmics: one permit per HTTP attempt,
 * retries included, from the attempt's {@link QuotaLine}. Producers, job waits and the consumer all send through those
 * clients, so they all draw from it.
 * <p>
 * The component brings two: the default paces each client in its JVM at requestsPerSecond per operation, and
 * {@code sharedBudget=true} keeps one token bucket per quota line in PostgreSQL, shared by every replica that uses the
 * same database. Give your own (for example buckets in Hazelcast or Redis) with option {@code requestBudget}.
 * Implementations are called from many threads at once.
 */
public interface RequestBudget {

    /**
     * Takes one permit of the line, waiting as long as the budget requires but no longer than {@code maxWait}.
     *
     * @param  line                 the quota line the request is sent on
     * @param  maxWait              the longest wait; {@code null} waits as long as it takes
     * @return                      true once a permit is taken; false, having taken nothing, when none can be had
     *                              within {@code maxWait} (the call's apiCallAttemptTimeout or apiCallTimeout would
     *                              end it first)
     * @throws InterruptedException when the waiting thread is interrupted (the AWS SDK does so when a call overruns its
     *                              timeout)
     */
    boolean acquire(QuotaLine line, Duration maxWait) throws InterruptedException;

    /**
     * Whether the budget stands in for itself now, such as a shared budget pacing in this JVM while its store cannot be
     * reached: shown with each quota line in the aws2-omics dev console. False for a budget without a fallback.
     */
    default boolean isOnFallback() {
        return false;
    }
}
