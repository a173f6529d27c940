package io.github.camelomics.aws2.omics.scaling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.UploadProgressListener;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.aws2.omics.support.Replica;
import io.github.camelomics.testing.postgres.PostgresExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.omics.model.InternalServerException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * With startLedger=true, uploads record their progress in PostgreSQL beside the start ledger: an upload cut off on one
 * replica goes on, on another, from its first missing part, and a redelivery after Complete gets the recorded read set
 * on any replica without a call.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UploadLedgerInPostgresTest {

    private static final String UPLOAD = "aws2-omics:uploadReadSet?partSize=65536&partsInFlight=1&maxAttempts=1";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> { });

    @TempDir
    Path dir;
    private DataSource dataSource;

    @BeforeEach
    void withoutTables() throws SQLException {
        dataSource = POSTGRES.dataSource();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS omics_upload_ledger");
        }
    }

    private Consumer<Omics2Configuration> ledger() {
        return c -> {
            c.setStartLedger(true);
            c.setDataSource(dataSource);
        };
    }

    @Test
    void anUploadCutOffOnOneReplicaGoesOnOnAnotherAndARedeliveryGetsTheReadSet() throws Exception {
        Path r1 = randomGzip(dir.resolve("r1.fastq.gz"), 400_000);
        try (Replica a = Replica.start(EMULATOR, ledger()); Replica b = Replica.start(EMULATOR, ledger())) {
            a.registry().bind("failAfterTwo", (UploadProgressListener) p -> {
                if (p.partsDone() == 2) {
                    EMULATOR.faults().failNext(1000, Operation.UPLOAD_READ_SET_PART, ErrorShape.INTERNAL_SERVER);
                }
            });
            Exchange cut = a.send(UPLOAD + "&progressListener=#failAfterTwo", e -> fields(e, r1));
            assertInstanceOf(InternalServerException.class, cut.getException());
            assertEquals(1, rows("SELECT count(*) FROM omics_upload_ledger"));
            // the part after the second may have gone before the fault was armed: what the service holds is recorded
            int held = EMULATOR.state().uploads().get(0).parts().size();
            EMULATOR.faults().clear();

            Exchange resumed = b.send(UPLOAD, e -> fields(e, r1));

            assertNull(resumed.getException());
            assertEquals(held + 1, resumed.getMessage().getHeader(Omics2Constants.UPLOAD_RESUMED_FROM_PART));
            long calls = EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART);
            Exchange redelivered = a.send(UPLOAD, e -> fields(e, r1));
            assertEquals(resumed.getMessage().getHeader(Omics2Constants.READ_SET_ID),
                    redelivered.getMessage().getHeader(Omics2Constants.READ_SET_ID));
            assertEquals(calls, EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART));
            assertEquals(1, EMULATOR.requestCounts().of(Operation.CREATE_MULTIPART_READ_SET_UPLOAD));
            assertEquals(1, EMULATOR.state().readSets().size());
        }
    }

    private static void fields(Exchange e, Path file) {
        e.getMessage().setBody(file);
        e.getMessage().setHeader(Omics2Constants.SOURCE_FILE_TYPE, "FASTQ");
        e.getMessage().setHeader(Omics2Constants.SUBJECT_ID, "NA12878");
        e.getMessage().setHeader(Omics2Constants.SAMPLE_ID, "NA12878-run7");
    }

    private long rows(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A gzip file of random bytes: enough parts for the test; the read set's status is not what it is about. */
    private static Path randomGzip(Path file, int bytes) throws Exception {
        byte[] random = new byte[bytes];
        new Random(3).nextBytes(random);
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(random);
        }
        return file;
    }
}
