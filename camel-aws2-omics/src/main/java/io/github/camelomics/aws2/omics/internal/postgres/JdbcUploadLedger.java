package io.github.camelomics.aws2.omics.internal.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.UploadLedger;

/**
 * The upload ledger in PostgreSQL, table {@value PostgresSchema#UPLOAD_LEDGER_TABLE}, beside the start ledger: one row
 * per upload, its state as a JSON document rewritten after each confirmed part (an upsert: one statement, one round
 * trip). Plain JDBC and Jackson.
 */
final class JdbcUploadLedger implements UploadLedger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = "SELECT upload FROM " + PostgresSchema.UPLOAD_LEDGER_TABLE
                                         + " WHERE ledger_key = ?";
    private static final String UPSERT = "INSERT INTO " + PostgresSchema.UPLOAD_LEDGER_TABLE
                                         + " (ledger_key, upload) VALUES (?, ?) ON CONFLICT (ledger_key)"
                                         + " DO UPDATE SET upload = EXCLUDED.upload, updated_at = now()";
    private static final String DELETE = "DELETE FROM " + PostgresSchema.UPLOAD_LEDGER_TABLE + " WHERE ledger_key = ?";

    private final DataSource dataSource;
    private final PostgresSchema schema;

    JdbcUploadLedger(DataSource dataSource, PostgresSchema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public Optional<Upload> find(Key key) {
        try {
            schema.ensure();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, key.id());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(JSON.readValue(rs.getString(1), Upload.class)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw failure("could not be read", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aws2-omics: the upload ledger row of " + key.id() + " is not an upload: "
                                            + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void save(Key key, Upload upload) {
        try {
            schema.ensure();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, key.id());
                upsert.setString(2, JSON.writeValueAsString(upload));
                upsert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("could not record upload " + upload.uploadId(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void remove(Key key) {
        try {
            schema.ensure();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, key.id());
                delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("could not remove " + key.id(), e);
        }
    }

    /** The driver's message and SQL state; never the DataSource, whose text may hold a password. */
    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("aws2-omics: the upload ledger (table " + PostgresSchema.UPLOAD_LEDGER_TABLE
                                         + ") " + what + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }

    @Override
    public String toString() {
        return "JdbcUploadLedger[table=" + PostgresSchema.UPLOAD_LEDGER_TABLE + "]";
    }
}
