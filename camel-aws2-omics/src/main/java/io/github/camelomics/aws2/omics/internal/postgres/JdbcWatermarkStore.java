package io.github.camelomics.aws2.omics.internal.postgres;

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

    private final Jdbc jdbc;
    private final String region;

    JdbcWatermarkStore(DataSource dataSource, PostgresSchema schema, String region) {
        this.jdbc = new Jdbc(dataSource, schema, "the consumer's watermark", PostgresSchema.WATERMARK_TABLE);
        this.region = region;
    }

    @Override
    public Instant watermark(String sequenceStoreId) {
        return jdbc.queryFirst(SELECT, select -> {
            select.setString(1, region);
            select.setString(2, sequenceStoreId);
        }, rs -> rs.getTimestamp(1).toInstant(), "could not be read for store " + sequenceStoreId).orElse(null);
    }

    @Override
    public void advance(String sequenceStoreId, Instant watermark) {
        jdbc.update(UPSERT, upsert -> {
            upsert.setString(1, region);
            upsert.setString(2, sequenceStoreId);
            upsert.setTimestamp(3, Timestamp.from(watermark));
        }, "could not be advanced to " + watermark + " for store " + sequenceStoreId);
    }

    @Override
    public String toString() {
        return "JdbcWatermarkStore[table=" + PostgresSchema.WATERMARK_TABLE + ", region=" + region + "]";
    }
}
