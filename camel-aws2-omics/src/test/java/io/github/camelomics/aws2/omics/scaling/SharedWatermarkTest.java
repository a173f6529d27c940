package io.github.camelomics.aws2.omics.scaling;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.Omics2Endpoint;
import io.github.camelomics.aws2.omics.WatermarkStore;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.state.ImportSource;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.testing.postgres.PostgresExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_STATUS;
import static io.github.camelomics.aws2.omics.emulator.model.Operation.GET_READ_SET_IMPORT_JOB;
import static io.github.camelomics.aws2.omics.emulator.model.Operation.LIST_READ_SET_IMPORT_JOBS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sharedWatermark=true keeps the consumer's watermark in a real PostgreSQL: a consumer in a new process (a restart, or
 * the replica that takes over polling) lists from it instead of from the store's history, and the row never moves
 * back. Polls are run one at a time by the test ({@code startScheduler=false}) and their calls counted at the emulator.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedWatermarkTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> b.maxActiveJobs(100));

    private static final ImportSource HISTORY_SOURCE = new ImportSource("s3://lab-bucket/history/R1.fastq.gz", null,
            "FASTQ", "P1", "H", null, null, null, null, Map.of());

    private DataSource dataSource;

    /** No table before each test: each one also shows it is made on first use. */
    @BeforeEach
    void withoutTables() throws SQLException {
        dataSource = POSTGRES.dataSource();
        sql("DROP TABLE IF EXISTS omics_consumer_watermark, omics_start_ledger, omics_request_budget");
    }

    @Test
    void aConsumerInANewProcessListsFromTheWatermarkInTheDatabase() throws Exception {
        Instant last = EMULATOR.clock().instant().minus(Duration.ofHours(1));
        EMULATOR.state().addJobs(EMULATOR.sequenceStoreId(), HISTORY_SOURCE,
                IntStream.range(0, 250).mapToObj(i -> last.minus(Duration.ofMinutes(30L * (249 - i)))).toList());
        String running;
        try (CamelContext first = replica()) {
            running = startJob(first, "S1");
            MockEndpoint events = consume(first);
            consumer(first).run();
            assertEquals(251, events.getReceivedCounter(), "no watermark yet, no since: the whole history, once");
        }
        Instant kept = storedWatermark();
        assertEquals(created(running), kept, "the row holds the creation time of the job still running");

        // a new process: a new context, an empty in-memory idempotent repository, the same database
        try (CamelContext restarted = replica()) {
            MockEndpoint events = consume(restarted);
            long lists = EMULATOR.requestCounts().of(LIST_READ_SET_IMPORT_JOBS);
            long gets = EMULATOR.requestCounts().of(GET_READ_SET_IMPORT_JOB);

            consumer(restarted).run();

            assertEquals(List.of(running + ":SUBMITTED"), events.getReceivedExchanges().stream()
                    .map(e -> e.getMessage().getHeader(IMPORT_JOB_ID) + ":" + e.getMessage().getHeader(IMPORT_JOB_STATUS))
                    .toList(), "the 250 ended jobs stay out: the poll started at the watermark");
            assertEquals(1, EMULATOR.requestCounts().of(LIST_READ_SET_IMPORT_JOBS) - lists, "one page, not three");
            assertEquals(0, EMULATOR.requestCounts().of(GET_READ_SET_IMPORT_JOB) - gets);
        }
    }

    @Test
    void theWatermarkInTheDatabaseOnlyMovesForward() throws Exception {
        try (CamelContext replica = replica()) {
            consume(replica);
            Omics2Endpoint endpoint = replica.getEndpoint(uri(), Omics2Endpoint.class);
            WatermarkStore watermarks = endpoint.getSharedWatermarkStore();
            Instant later = Instant.parse("2026-11-30T10:00:00.123456Z");
            String store = EMULATOR.sequenceStoreId();

            watermarks.advance(store, later);
            watermarks.advance(store, later.minus(Duration.ofHours(2))); // a replica whose poll began earlier

            assertEquals(later, watermarks.watermark(store));
            assertEquals(later, storedWatermark());
            assertNull(watermarks.watermark("9999999999"), "another store has none");
        }
    }

    @Test
    void sharedWatermarkNeedsADataSource() throws Exception {
        try (CamelContext replica = new DefaultCamelContext()) {
            EmulatorTestSupport.pointAtEmulator(replica, EMULATOR);
            replica.getComponent("aws2-omics", Omics2Component.class).setAutowiredEnabled(false);
            replica.start();
            Exception e = assertThrows(Exception.class, () -> consume(replica));
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertEquals("aws2-omics:listReadSetImportJobs consumer: option sharedWatermark=true needs option dataSource "
                         + "(the javax.sql.DataSource of the PostgreSQL database that keeps the watermark), but it is "
                         + "not set", root.getMessage());
        }
    }

    private CamelContext replica() {
        CamelContext context = new DefaultCamelContext();
        EmulatorTestSupport.pointAtEmulator(context, EMULATOR);
        context.getComponent("aws2-omics", Omics2Component.class).getConfiguration().setDataSource(dataSource);
        context.start();
        return context;
    }

    private static String uri() {
        return "aws2-omics:listReadSetImportJobs?startScheduler=false&sharedWatermark=true";
    }

    private static MockEndpoint consume(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri()).routeId("events").to("mock:events");
            }
        });
        return MockEndpoint.resolve(context, "mock:events");
    }

    private static ScheduledPollConsumer consumer(CamelContext context) {
        return (ScheduledPollConsumer) context.getRoute("events").getConsumer();
    }

    private static String startJob(CamelContext context, String sample) {
        String source = "s3://lab-bucket/" + sample + "_R1.fastq.gz";
        EMULATOR.s3().putFastq(source, 4, 50);
        Exchange started = context.createProducerTemplate().send("aws2-omics:startReadSetImportJob",
                e -> e.getMessage().setHeaders(new HashMap<>(Map.of(Omics2Constants.SOURCE1, source,
                        Omics2Constants.SOURCE_FILE_TYPE, "FASTQ", Omics2Constants.SUBJECT_ID, "P1",
                        Omics2Constants.SAMPLE_ID, sample))));
        assertNull(started.getException());
        return started.getMessage().getHeader(IMPORT_JOB_ID, String.class);
    }

    private static Instant created(String jobId) {
        return EMULATOR.state().job(EMULATOR.sequenceStoreId(), jobId).orElseThrow().creationTime();
    }

    private Instant storedWatermark() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT watermark FROM omics_consumer_watermark WHERE region = '"
                                                   + EMULATOR.emulator().region() + "' AND sequence_store_id = '"
                                                   + EMULATOR.sequenceStoreId() + "'")) {
            assertTrue(rs.next(), "a row for the store");
            return rs.getTimestamp(1).toInstant();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
