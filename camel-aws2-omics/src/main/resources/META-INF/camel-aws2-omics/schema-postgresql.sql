-- camel-aws2-omics: the tables of the shared request budget (sharedBudget=true), the start ledger
-- (startLedger=true) and the consumer's watermark (sharedWatermark=true) in PostgreSQL 12 or later. The component runs this script itself on first use when either table
-- is missing (in one transaction, under an advisory lock, so replicas starting together do not collide); a DBA may
-- run it beforehand instead, and then the application's user needs no CREATE privilege. See docs/SCALING.md.

-- One token bucket per quota line (Bucket4j's PostgreSQL layout): id = budgetKey/region/operation, state = the
-- bucket as Bucket4j serializes it. A handful of rows: accounts x regions x 5 operations.
CREATE TABLE IF NOT EXISTS omics_request_budget (
    id         VARCHAR(255) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

-- The import job each client token started: read before a start, written when the service answers.
CREATE TABLE IF NOT EXISTS omics_start_ledger (
    region            VARCHAR(32)  NOT NULL,
    sequence_store_id VARCHAR(36)  NOT NULL,
    client_token      VARCHAR(127) NOT NULL,
    job_id            VARCHAR(36)  NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (region, sequence_store_id, client_token)
);

-- The consumer's watermark per sequence store: the creation time each poll lists from. Only moves forward
-- (GREATEST on update), so replicas that poll the same store never move it back. One row per polled store.
CREATE TABLE IF NOT EXISTS omics_consumer_watermark (
    region            VARCHAR(32)  NOT NULL,
    sequence_store_id VARCHAR(36)  NOT NULL,
    watermark         TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (region, sequence_store_id)
);

-- The upload ledger (uploadReadSet with startLedger=true): per upload of a file (or a FASTQ pair) into a store, the
-- upload id, the files as they were when it began, the parts the service confirmed and, once completed, the read set,
-- as one JSON document rewritten after each part. One row per upload; a row is removed when its upload is aborted.
CREATE TABLE IF NOT EXISTS omics_upload_ledger (
    ledger_key        VARCHAR(8192) NOT NULL PRIMARY KEY,
    upload            TEXT          NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now()
);
