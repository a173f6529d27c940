package io.github.camelomics.aws2.omics.scaling;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.aws2.omics.support.Replica;
import io.github.camelomics.testing.postgres.PostgresExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production set-up of docs/SCALING.md: a DBA runs the script shipped in the jar, and the application's role has
 * only the grants the page lists, no CREATE. Both the budget and the ledger then work on those tables.
 */
class PostgresGrantsTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> { });

    @Test
    void aRoleWithOnlyTheDocumentedGrantsDrawsAndRecordsInTablesADbaCreated() throws Exception {
        try (InputStream script = getClass().getResourceAsStream("/META-INF/camel-aws2-omics/schema-postgresql.sql")) {
            asOwner(new String(script.readAllBytes(), StandardCharsets.UTF_8)); // the script, as a DBA runs it
        }
        asOwner("CREATE ROLE omics_app LOGIN;"
                + "GRANT SELECT, INSERT, UPDATE ON omics_request_budget TO omics_app;"
                + "GRANT SELECT, INSERT ON omics_start_ledger TO omics_app;"
                + "GRANT SELECT, INSERT, UPDATE, DELETE ON omics_upload_ledger TO omics_app;"
                // PostgreSQL 15 and later grant no CREATE on schema public; say it for older ones too
                + "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        PGSimpleDataSource app = new PGSimpleDataSource();
        app.setServerNames(new String[] { "127.0.0.1" });
        app.setPortNumbers(new int[] { POSTGRES.server().port() });
        app.setDatabaseName("postgres");
        app.setUser("omics_app");

        try (Replica replica = Replica.start(EMULATOR, c -> {
            c.setDataSource(app);
            c.setSharedBudget(true);
            c.setStartLedger(true);
            c.setRequestsPerSecond(5);
        })) {
            Exchange exchange = replica.send("aws2-omics:startReadSetImportJob", List.of(Map.of(
                    "sourceFiles", Map.of("source1", "s3://lab-bucket/S1.fastq.gz"),
                    "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S1")));

            assertNull(exchange.getException());
            String job = exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID, String.class);
            assertEquals(List.of(job), column("SELECT job_id FROM omics_start_ledger"));
            // drawn from the database, not from the in-JVM pace it falls back to when the database refuses
            assertEquals(List.of("default/us-east-1/StartReadSetImportJob"), column("SELECT id FROM omics_request_budget"));

            // an upload records each part (an upsert) and its read set in the upload ledger with the same role
            java.nio.file.Path file = java.nio.file.Files.write(java.nio.file.Files.createTempFile("grants", ".fastq.gz"),
                    new byte[] {0x1f, (byte) 0x8b, 8, 0});
            Exchange upload = replica.send("aws2-omics:uploadReadSet?partSize=2", e -> {
                e.getMessage().setBody(file);
                e.getMessage().setHeader(Omics2Constants.SOURCE_FILE_TYPE, "FASTQ");
                e.getMessage().setHeader(Omics2Constants.SUBJECT_ID, "P1");
                e.getMessage().setHeader(Omics2Constants.SAMPLE_ID, "S1");
            });
            assertNull(upload.getException());
            assertEquals(1, column("SELECT upload FROM omics_upload_ledger").size());
            assertTrue(column("SELECT upload FROM omics_upload_ledger").get(0).contains(
                    "\"readSetId\":\"" + upload.getMessage().getHeader(Omics2Constants.READ_SET_ID) + "\""));
            java.nio.file.Files.delete(file);
        }
    }

    private static void asOwner(String sql) throws SQLException {
        try (Connection connection = POSTGRES.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> column(String query) throws SQLException {
        try (Connection connection = POSTGRES.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
