package io.github.camelomics.aws2.omics.scaling;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.aws2.omics.support.Replica;
import io.github.camelomics.testing.postgres.PostgresExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start ledger in a real PostgreSQL against the emulator: a redelivery, on another replica, gets the job its
 * client token started even when the service has forgotten the token, and no start happens twice.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartLedgerTest {

    private static final String START = "aws2-omics:startReadSetImportJob";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> b.maxActiveJobs(1000));

    private DataSource dataSource;

    /** No tables before each test: each one also shows they are made on first use. */
    @BeforeEach
    void withoutTables() throws SQLException {
        dataSource = POSTGRES.dataSource();
        sql("DROP TABLE IF EXISTS omics_start_ledger, omics_request_budget");
    }

    private Consumer<Omics2Configuration> ledger() {
        return c -> {
            c.setStartLedger(true);
            c.setDataSource(dataSource);
        };
    }

    @Test
    void aRedeliveryAfterTheServiceForgotItsTokensGetsTheRecordedJobWithoutAStart() throws Exception {
        try (Replica a = Replica.start(EMULATOR, ledger()); Replica b = Replica.start(EMULATOR, ledger())) {
            String job = jobId(a.send(START, sources(1)));

            EMULATOR.forgetClientTokens();
            Exchange redelivered = b.send(START, sources(1));

            assertNull(redelivered.getException());
            assertEquals(job, jobId(redelivered));
            StartReadSetImportJobResponse answer = redelivered.getMessage().getBody(StartReadSetImportJobResponse.class);
            assertEquals("SUBMITTED", answer.statusAsString(), "the job's status, read from the service");
            assertEquals(1, EMULATOR.state().jobs().size(), "no second job");
            assertEquals(List.of(job), recordedJobs());
        }
    }

    @Test
    void withoutTheLedgerTheSameRedeliveryStartsASecondJob() {
        try (Replica a = Replica.start(EMULATOR, c -> { }); Replica b = Replica.start(EMULATOR, c -> { })) {
            String job = jobId(a.send(START, sources(1)));

            EMULATOR.forgetClientTokens();
            String again = jobId(b.send(START, sources(1)));

            assertTrue(!job.equals(again) && EMULATOR.state().jobs().size() == 2,
                    "a service that forgot the token starts the sources again: " + job + ", " + again);
        }
    }

    @Test
    void eachJobOfASplitRequestIsRecordedAndGotBack() throws Exception {
        Consumer<Omics2Configuration> splitting = ledger().andThen(c -> c.setMaxSourcesPerJob(100));
        try (Replica a = Replica.start(EMULATOR, splitting); Replica b = Replica.start(EMULATOR, splitting)) {
            List<String> jobs = jobIds(a.send(START, sources(150)));

            EMULATOR.forgetClientTokens();
            Exchange redelivered = b.send(START, sources(150));

            assertNull(redelivered.getException());
            assertEquals(2, jobs.size());
            assertEquals(jobs, jobIds(redelivered));
            assertEquals(2, EMULATOR.state().jobs().size());
            assertEquals(jobs, recordedJobs());
        }
    }

    @Test
    void aReplicaThatDiesBetweenTheAnswerAndTheRecordLosesNothing() throws Exception {
        try (Replica b = Replica.start(EMULATOR, ledger())) {
            StartLedger database = b.endpoint(START).getStartLedger();
            AtomicBoolean died = new AtomicBoolean();
            // replica a gets the service's answer, then dies before its record reaches the database
            StartLedger dying = new StartLedger() {
                @Override
                public Optional<String> jobFor(Key key) {
                    return database.jobFor(key);
                }

                @Override
                public void record(Key key, String jobId) {
                    died.set(true);
                }
            };
            String job;
            try (Replica a = Replica.start(EMULATOR, c -> c.setStartLedgerRepository(dying))) {
                job = jobId(a.send(START, sources(1)));
            }
            assertTrue(died.get());
            assertEquals(List.of(), recordedJobs(), "nothing was recorded");

            Exchange redelivered = b.send(START, sources(1));

            assertEquals(job, jobId(redelivered), "the service's client token gave the same job");
            assertEquals(1, EMULATOR.state().jobs().size(), "exactly one job");
            assertEquals(List.of(job), recordedJobs(), "recorded by the redelivery");
        }
    }

    @Test
    void twoReplicasStartingWithTheSameTokenAtOnceGetOneJobAndOneRecord() throws Exception {
        try (Replica a = Replica.start(EMULATOR, ledger()); Replica b = Replica.start(EMULATOR, ledger())) {
            a.endpoint(START);
            b.endpoint(START);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Exchange>> sent = new ArrayList<>();
                for (Replica replica : List.of(a, b)) {
                    sent.add(pool.submit(() -> {
                        go.await();
                        return replica.send(START, sources(1));
                    }));
                }
                go.countDown();
                String first = jobId(sent.get(0).get(30, TimeUnit.SECONDS));
                String second = jobId(sent.get(1).get(30, TimeUnit.SECONDS));

                assertEquals(first, second);
                assertEquals(1, EMULATOR.state().jobs().size());
                assertEquals(List.of(first), recordedJobs());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aTokenKeepsTheFirstJobRecordedForIt() {
        try (Replica a = Replica.start(EMULATOR, ledger())) {
            StartLedger ledger = a.endpoint(START).getStartLedger();
            StartLedger.Key key = new StartLedger.Key("us-east-1", "1234567890", "token-1");

            ledger.record(key, "4000000001");
            ledger.record(key, "4000000001");
            ledger.record(key, "4000000002");

            assertEquals(Optional.of("4000000001"), ledger.jobFor(key));
            assertEquals(Optional.empty(), ledger.jobFor(new StartLedger.Key("eu-west-1", "1234567890", "token-1")));
        }
    }

    @Test
    void aLedgerThatCannotBeReadStartsNothing() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setServerNames(new String[] { "127.0.0.1" });
        unreachable.setPortNumbers(new int[] { 1 });
        unreachable.setPassword("never-shown");
        try (Replica a = Replica.start(EMULATOR, c -> {
            c.setStartLedger(true);
            c.setDataSource(unreachable);
        })) {
            Exchange exchange = a.send(START, sources(1));

            IllegalStateException e = assertInstanceOf(IllegalStateException.class, exchange.getException());
            assertTrue(e.getMessage().startsWith("aws2-omics: the start ledger (table omics_start_ledger) could not be read: "),
                    e.getMessage());
            assertTrue(!e.getMessage().contains("never-shown"), e.getMessage());
            assertEquals(0, EMULATOR.state().jobs().size());
        }
    }

    private static List<Map<String, Object>> sources(int count) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sources.add(Map.of("sourceFiles", Map.of("source1", "s3://lab-bucket/S" + i + ".fastq.gz"),
                    "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S" + i));
        }
        return sources;
    }

    private static String jobId(Exchange exchange) {
        assertNull(exchange.getException());
        String id = exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID, String.class);
        assertNotNull(id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static List<String> jobIds(Exchange exchange) {
        assertNull(exchange.getException());
        return exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_IDS, List.class);
    }

    /** The ledger's job ids, in order. */
    private List<String> recordedJobs() throws SQLException {
        List<String> jobs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT job_id FROM omics_start_ledger ORDER BY job_id")) {
            while (rs.next()) {
                jobs.add(rs.getString(1));
            }
        }
        return jobs;
    }

    private void sql(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
