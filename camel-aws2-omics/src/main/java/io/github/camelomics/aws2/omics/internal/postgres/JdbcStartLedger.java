package io.github.camelomics.aws2.omics.internal.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.StartLedger;

/**
 * The start ledger in PostgreSQL, table {@value PostgresSchema#LEDGER_TABLE}: one row per client token. A second
 * record of a token (two replicas that started with it at the same moment, and got the same job from the service)
 * changes nothing and does not fail. Plain JDBC: no library beyond the driver the DataSource brings.
 */
final class JdbcStartLedger implements StartLedger {

    private static final String SELECT = "SELECT job_id FROM " + PostgresSchema.LEDGER_TABLE
                                         + " WHERE region = ? AND sequence_store_id = ? AND client_token = ?";
    private static final String INSERT = "INSERT INTO " + PostgresSchema.LEDGER_TABLE
                                         + " (region, sequence_store_id, client_token, job_id) VALUES (?, ?, ?, ?)"
                                         + " ON CONFLICT (region, sequence_store_id, client_token) DO NOTHING";

    private final Jdbc jdbc;

    JdbcStartLedger(DataSource dataSource, PostgresSchema schema) {
        this.jdbc = new Jdbc(dataSource, schema, "the start ledger", PostgresSchema.LEDGER_TABLE);
    }

    @Override
    public Optional<String> jobFor(Key key) {
        return jdbc.queryFirst(SELECT, select -> bind(select, key), rs -> rs.getString(1), "could not be read");
    }

    @Override
    public void record(Key key, String jobId) {
        jdbc.update(INSERT, insert -> {
            bind(insert, key);
            insert.setString(4, jobId);
        }, "could not record import job " + jobId);
    }

    private static void bind(PreparedStatement statement, Key key) throws SQLException {
        statement.setString(1, key.region());
        statement.setString(2, key.sequenceStoreId());
        statement.setString(3, key.clientToken());
    }

    @Override
    public String toString() {
        return "JdbcStartLedger[table=" + PostgresSchema.LEDGER_TABLE + "]";
    }
}
