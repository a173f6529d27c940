package io.github.camelomics.aws2.omics.internal.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The component's tables in one PostgreSQL database, created on first use from the script shipped in the jar
 * ({@value #SCRIPT}) when any is missing (so a database made by an earlier version gains the newer tables).
 * Replicas that start together serialize on an advisory lock, so
 * concurrent CREATE TABLE IF NOT EXISTS never collide. When the tables exist (created by a DBA from the same script),
 * nothing is created and the application's user needs no CREATE privilege.
 */
final class PostgresSchema {

    static final String SCRIPT = "/META-INF/camel-aws2-omics/schema-postgresql.sql";
    static final String BUDGET_TABLE = "omics_request_budget";
    static final String LEDGER_TABLE = "omics_start_ledger";
    static final String WATERMARK_TABLE = "omics_consumer_watermark";
    static final String UPLOAD_LEDGER_TABLE = "omics_upload_ledger";
    /** Any constant of ours: the advisory lock that serializes the creation across replicas. */
    private static final long CREATE_LOCK = 0x6f6d6963735f7631L;

    private final DataSource dataSource;
    private volatile boolean ensured;

    PostgresSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the tables unless this JVM has seen them already. */
    void ensure() throws SQLException {
        if (ensured) {
            return;
        }
        synchronized (this) {
            if (ensured) {
                return;
            }
            try (Connection connection = dataSource.getConnection()) {
                if (!exists(connection)) {
                    create(connection);
                }
            }
            ensured = true;
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT to_regclass('" + BUDGET_TABLE + "') IS NOT NULL"
                                                   + " AND to_regclass('" + LEDGER_TABLE + "') IS NOT NULL"
                                                   + " AND to_regclass('" + WATERMARK_TABLE + "') IS NOT NULL"
                                                   + " AND to_regclass('" + UPLOAD_LEDGER_TABLE + "') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void create(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
            statement.execute(script());
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The script as shipped, comments and all, for one {@code Statement.execute}: the PostgreSQL driver splits it into
     * its statements itself (as psql does, and as a DBA runs it) and sends them in one round trip.
     */
    static String script() {
        try (InputStream in = PostgresSchema.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the component jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
