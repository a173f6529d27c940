package io.github.camelomics.aws2.omics.internal.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.WatermarkStore;

/**
 * The consumer's watermarks in PostgreSQL, table {@value PostgresSchema#WATERMARK_TABLE}: one row per region and
 * sequence store, so that a restarted consumer, or the replica that takes over polling, lists from where the last poll
 * left off instead of from option since. The row only moves forward (GREATEST in the upsert), whichever replica writes
 * last. PostgreSQL keeps microseconds: a watermark with nanoseconds is kept a little earlier, which lists a little
 * more, never less.
 */
final class JdbcWatermarkStore implements WatermarkStore {

    private static final String SELECT = "SELECT watermark FROM " + PostgresSchema.WATERMARK_TABLE
                                         + " WHERE region = ? AND sequence_store_id = ?";
    private static final String UPSERT = "INSERT INTO " + PostgresSchema.WATERMARK_TABLE
                                         + " AS kept (region, sequence_store_id, watermark) VALUES (?, ?, ?)"
                                         + " ON CONFLICT (region, sequence_store_id) DO UPDATE"
                                         + " SET watermark = GREATEST(kept.watermark, EXCLUDED.watermark), updated_at = now()";

    private final DataSource dataSource;
    private final PostgresSchema schema;
    private final String region;

    JdbcWatermarkStore(DataSource dataSource, PostgresSchema schema, String region) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.region = region;
    }

    @Override
    public Instant watermark(String sequenceStoreId) {
        try {
            schema.ensure();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, region);
                select.setString(2, sequenceStoreId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getTimestamp(1).toInstant() : null;
                }
            }
        } catch (SQLException e) {
            throw failure("could not be read for store " + sequenceStoreId, e);
        }
    }

    @Override
    public void advance(String sequenceStoreId, Instant watermark) {
        try {
            schema.ensure();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, region);
                upsert.setString(2, sequenceStoreId);
                upsert.setTimestamp(3, Timestamp.from(watermark));
                upsert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("could not be advanced to " + watermark + " for store " + sequenceStoreId, e);
        }
    }

    /** The driver's message and SQL state; never the DataSource, whose text may hold a password. */
    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("aws2-omics: the consumer's watermark (table " + PostgresSchema.WATERMARK_TABLE
                                         + ") " + what + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }

    @Override
    public String toString() {
        return "JdbcWatermarkStore[table=" + PostgresSchema.WATERMARK_TABLE + ", region=" + region + "]";
    }
}
