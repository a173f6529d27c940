package io.github.camelomics.examples.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The example's tables, seen from outside the replicas: sample sheets submitted to the work table, their state, and
 * the job events the replicas delivered. What a lab's submitting system and its monitoring would do.
 */
public final class WorkTable {

    /** A sample sheet as submitted: its name and its CSV. */
    public record Sheet(String name, String csv) {
    }

    /** A sheet's row: who claimed it last, how often, the job(s) it started, who finished it. */
    public record SheetState(String name, int attempts, String claimedBy, String jobIds, String doneBy, boolean done) {
    }

    /** A delivered event. */
    public record Event(String jobId, String status, String replica) {
    }

    private final DataSource dataSource;

    WorkTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs replica/sql/schema.sql: the work table, the events table and the idempotent repository's table. In one
     * execute, as the component runs its own script: the PostgreSQL driver splits a script into its statements itself.
     */
    void createSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(script("/replica/sql/schema.sql"));
        }
    }

    public void submit(List<Sheet> sheets, int leaseSeconds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO omics_sample_sheets (name, sheet, lease_seconds) VALUES (?, ?, ?)")) {
            for (Sheet sheet : sheets) {
                insert.setString(1, sheet.name());
                insert.setString(2, sheet.csv());
                insert.setInt(3, leaseSeconds);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The sheets whose name starts with the prefix, in submission order. */
    public List<SheetState> sheets(String prefix) throws SQLException {
        List<SheetState> sheets = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT name, attempts, claimed_by, job_ids, done_by,"
                     + " done_at IS NOT NULL FROM omics_sample_sheets WHERE name LIKE ? ORDER BY id")) {
            select.setString(1, prefix + "%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sheets.add(new SheetState(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6)));
                }
            }
        }
        return sheets;
    }

    /**
     * The span of a batch by the database's clock, in ms: from the first sheet's submission to the last of the
     * batch's sheets done and the given jobs' ends delivered.
     */
    public long spanMillis(String prefix, java.util.Collection<String> jobIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT EXTRACT(EPOCH FROM (GREATEST("
                     + "(SELECT max(done_at) FROM omics_sample_sheets WHERE name LIKE ?),"
                     + "(SELECT max(emitted_at) FROM omics_job_events WHERE job_id = ANY (?)))"
                     + " - (SELECT min(submitted_at) FROM omics_sample_sheets WHERE name LIKE ?))) * 1000")) {
            select.setString(1, prefix + "%");
            select.setArray(2, connection.createArrayOf("varchar", jobIds.toArray()));
            select.setString(3, prefix + "%");
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return Math.round(rs.getDouble(1));
            }
        }
    }

    /** The replicas that hold a live claim on a sheet not done yet: those in the middle of an import. */
    public List<String> replicasMidImport() throws SQLException {
        return strings("SELECT DISTINCT claimed_by FROM omics_sample_sheets WHERE done_at IS NULL"
                       + " AND claimed_until > now() AND claimed_by IS NOT NULL");
    }

    public List<Event> events() throws SQLException {
        List<Event> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT job_id, status, replica FROM omics_job_events ORDER BY id")) {
            while (rs.next()) {
                events.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return events;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** A script on the class path, as written. */
    static String script(String resource) {
        try (InputStream in = WorkTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
