package io.github.camelomics.aws2.omics.internal.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The one way the stores talk to their table: the tables made sure of, a connection and a statement for each call,
 * closed after it, and a failure told as an {@link IllegalStateException} that names the store, its table, what could
 * not be done, the driver's message and the SQL state; never the DataSource, whose text may hold a password.
 */
final class Jdbc {

    /** Sets the statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** The value of the result's current row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private interface Execution<T> {
        T execute(PreparedStatement statement) throws SQLException;
    }

    private final DataSource dataSource;
    private final PostgresSchema schema;
    private final String store;

    /**
     * @param store how failures name the store, e.g. {@code the start ledger}
     * @param table its table, named in failures too
     */
    Jdbc(DataSource dataSource, PostgresSchema schema, String store, String table) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.store = store + " (table " + table + ")";
    }

    /**
     * The first row of the query, mapped; empty when there is none.
     *
     * @param failure what could not be done, as the failure's message says it (e.g. {@code could not be read})
     */
    <T> Optional<T> queryFirst(String sql, Binder binder, RowMapper<T> mapper, String failure) {
        return run(sql, binder, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.<T>empty();
            }
        }, failure);
    }

    /**
     * Runs an INSERT, UPDATE or DELETE.
     *
     * @param failure what could not be done, as the failure's message says it (e.g. {@code could not record ...})
     */
    void update(String sql, Binder binder, String failure) {
        run(sql, binder, PreparedStatement::executeUpdate, failure);
    }

    private <T> T run(String sql, Binder binder, Execution<T> execution, String failure) {
        try {
            schema.ensure();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return execution.execute(statement);
            }
        } catch (SQLException e) {
            throw failure(failure, e);
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("aws2-omics: " + store + " " + what + ": " + e.getMessage() + " (SQL state "
                                         + e.getSQLState() + ")", e);
    }
}
