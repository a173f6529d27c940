package io.github.camelomics.aws2.omics.internal.postgres;

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

    private final Jdbc jdbc;

    JdbcUploadLedger(DataSource dataSource, PostgresSchema schema) {
        this.jdbc = new Jdbc(dataSource, schema, "the upload ledger", PostgresSchema.UPLOAD_LEDGER_TABLE);
    }

    @Override
    public Optional<Upload> find(Key key) {
        return jdbc.queryFirst(SELECT, select -> select.setString(1, key.id()), rs -> rs.getString(1),
                "could not be read").map(json -> read(key, json));
    }

    private static Upload read(Key key, String json) {
        try {
            return JSON.readValue(json, Upload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aws2-omics: the upload ledger row of " + key.id() + " is not an upload: "
                                            + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void save(Key key, Upload upload) {
        String json;
        try {
            json = JSON.writeValueAsString(upload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update(UPSERT, upsert -> {
            upsert.setString(1, key.id());
            upsert.setString(2, json);
        }, "could not record upload " + upload.uploadId());
    }

    @Override
    public void remove(Key key) {
        jdbc.update(DELETE, delete -> delete.setString(1, key.id()), "could not remove " + key.id());
    }

    @Override
    public String toString() {
        return "JdbcUploadLedger[table=" + PostgresSchema.UPLOAD_LEDGER_TABLE + "]";
    }
}
