package io.github.camelomics.aws2.omics;

/**
 * Where the client token of a startReadSetImportJob comes from when none is given. HealthOmics answers a repeated token
 * with the job it already started, so a stable token turns a retried or redelivered start into a no-op.
 */
public enum ClientTokenStrategy {
    /**
     * A hash of the request (store, role, sources): the same sources give the same token in any process, so a message
     * redelivered by a broker (SQS, JMS, Kafka) after a lost response starts nothing twice. The default. To import the
     * same sources again on purpose (e.g. after a job FAILED for a fixed reason), give a new clientToken.
     */
    content,
    /** The Camel exchange id: stable across Camel redeliveries of one exchange, new for every new message. */
    exchange,
    /** No token: every call starts a new job, as the AWS CLI does without --client-token. */
    none
}
