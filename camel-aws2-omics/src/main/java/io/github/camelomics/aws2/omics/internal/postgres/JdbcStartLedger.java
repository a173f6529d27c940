package io.github.camelomics.aws2.omics.internal.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    private final DataSource dataSource;
    private final PostgresSchema schema;

    JdbcStartLedger(DataSource dataSource, PostgresSchema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public Optional<String> jobFor(Key key) {
        try {
            schema.ensure();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(SELECT)) {
                bind(select, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw failure("could not be read", e);
        }
    }

    @Override
    public void record(Key key, String jobId) {
        try {
            schema.ensure();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, key);
                insert.setString(4, jobId);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("could not record import job " + jobId, e);
        }
    }

    private static void bind(PreparedStatement statement, Key key) throws SQLException {
        statement.setString(1, key.region());
        statement.setString(2, key.sequenceStoreId());
        statement.setString(3, key.clientToken());
    }

    /** The driver's message and SQL state; never the DataSource, whose text may hold a password. */
    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("aws2-omics: the start ledger (table " + PostgresSchema.LEDGER_TABLE + ") "
                                         + what + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }

    @Override
    public String toString() {
        return "JdbcStartLedger[table=" + PostgresSchema.LEDGER_TABLE + "]";
    }
}
