-- The cluster example's own tables, beside the component's (those it creates itself on first use). Run once before
-- the replicas start (a migration, a DBA, or ClusterExample locally); every statement may run again.

-- The work: one row per sample sheet to import. A replica claims a row for lease_seconds (claim-sheet.sql), imports
-- it and sets done_at; a row claimed by a replica that died is claimed again once its lease has run out. The lease
-- must outlast a start (a ledger lookup, a wait for a permit of the shared budget, the call): a minute is plenty.
CREATE TABLE IF NOT EXISTS omics_sample_sheets (
    id            BIGSERIAL    PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    sheet         TEXT         NOT NULL,
    lease_seconds INTEGER      NOT NULL DEFAULT 60,
    submitted_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    claimed_by    VARCHAR(64),
    claimed_until TIMESTAMPTZ,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    job_ids       TEXT,
    done_by       VARCHAR(64),
    done_at       TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS omics_sample_sheets_open ON omics_sample_sheets (id) WHERE done_at IS NULL;

-- What the job-events route delivers: one row per import job and terminal status (a stand-in for a LIMS or a queue).
CREATE TABLE IF NOT EXISTS omics_job_events (
    id         BIGSERIAL   PRIMARY KEY,
    job_id     VARCHAR(36) NOT NULL,
    status     VARCHAR(32) NOT NULL,
    replica    VARCHAR(64),
    emitted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- camel-sql's JdbcMessageIdRepository (the job-events consumer's idempotentRepository), made here rather than by
-- the repository at start: replicas starting together would race to create it. Its primary key makes a second add
-- of a key fail, which the repository reads as "another replica has it".
CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255),
    messageId     VARCHAR(100),
    createdAt     TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);
