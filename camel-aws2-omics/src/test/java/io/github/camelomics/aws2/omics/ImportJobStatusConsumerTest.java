package io.github.camelomics.aws2.omics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.state.ReadSet;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.BeanIntrospection;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.omics.model.ImportReadSetJobItem;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;

import static io.github.camelomics.aws2.omics.Omics2Constants.COMPLETION_TIME;
import static io.github.camelomics.aws2.omics.Omics2Constants.CREATION_TIME;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_SOURCES;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_STATUS;
import static io.github.camelomics.aws2.omics.Omics2Constants.READ_SET_IDS;
import static io.github.camelomics.aws2.omics.Omics2Constants.SAMPLE_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.SEQUENCE_STORE_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.SOURCE1;
import static io.github.camelomics.aws2.omics.Omics2Constants.SOURCE_FILE_TYPE;
import static io.github.camelomics.aws2.omics.Omics2Constants.SUBJECT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code from("aws2-omics:listReadSetImportJobs")} against the emulator through the real SDK: one exchange per job and
 * status, remembered in an IdempotentRepository. Polls run every 50 ms; the tests move the emulator's clock between
 * polls and count polls through Camel's poll strategy, so nothing depends on how fast the machine is.
 */
class ImportJobStatusConsumerTest extends CamelTestSupport {

    private static final String ACCESS_KEY = "AKIDCONSUMERTEST";
    private static final String SECRET_KEY = "consumer-test-secret";
    private static final String ROLE = "arn:aws:iam::123456789012:role/OmicsImport";

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.credentials(ACCESS_KEY, SECRET_KEY));

    private final PollCounter polls = new PollCounter();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        connect(context, polls);
        return context;
    }

    /** The component talks to the emulator; the poll counter is bean {@code polls}. */
    private static void connect(CamelContext context, PollCounter polls) {
        Omics2Configuration config = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
        config.setRegion("us-east-1");
        config.setAccessKey(ACCESS_KEY);
        config.setSecretKey(SECRET_KEY);
        config.setOverrideEndpoint(true);
        config.setUriEndpointOverride(EMULATOR.endpoint().toString());
        context.getRegistry().bind("polls", polls);
    }

    private static String consumerUri(String options) {
        return "aws2-omics:listReadSetImportJobs?sequenceStoreId=" + EMULATOR.sequenceStoreId()
               + "&delay=50&initialDelay=0&pollStrategy=#polls" + options;
    }

    private static void consume(CamelContext context, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri(options)).routeId("events").to("mock:events");
            }
        });
    }

    /** Starts an import of one FASTQ through the producer; without its file the job ends FAILED. */
    private static String startJob(ProducerTemplate producer, String sample, boolean fileExists) {
        String source = "s3://lab-bucket/" + sample + "_R1.fastq.gz";
        if (fileExists) {
            EMULATOR.s3().putFastq(source, 4, 50);
        }
        Exchange started = producer.send("aws2-omics:startReadSetImportJob?sequenceStoreId=" + EMULATOR.sequenceStoreId()
                                         + "&roleArn=" + ROLE,
                e -> e.getMessage().setHeaders(new HashMap<>(Map.of(SOURCE1, source, SOURCE_FILE_TYPE, "FASTQ",
                        SUBJECT_ID, "subject-1", SAMPLE_ID, sample))));
        assertNull(started.getException());
        return started.getMessage().getHeader(IMPORT_JOB_ID, String.class);
    }

    /** The (jobId:status) of every exchange the mock received, in order. */
    private static List<String> events(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(IMPORT_JOB_ID) + ":" + e.getMessage().getHeader(IMPORT_JOB_STATUS))
                .toList();
    }

    @Test
    void emitsEachStatusChangeOfAJobExactlyOnce() throws Exception {
        String job = startJob(template, "NA12878", true);
        consume(context, "");
        MockEndpoint events = getMockEndpoint("mock:events");

        polls.awaitMore(2);
        EMULATOR.advanceClock(Duration.ofSeconds(1)); // SUBMITTED for 1 s, then IN_PROGRESS
        polls.awaitMore(2);
        EMULATOR.finishImports();
        polls.awaitMore(2);

        assertEquals(List.of(job + ":SUBMITTED", job + ":IN_PROGRESS", job + ":COMPLETED"), events(events));
        polls.awaitMore(3);
        assertEquals(3, events.getReceivedCounter(), "further polls emit nothing: " + events(events));

        Exchange submitted = events.getReceivedExchanges().get(0);
        ImportReadSetJobItem body = assertInstanceOf(ImportReadSetJobItem.class, submitted.getMessage().getBody());
        assertEquals(job, body.id());
        assertEquals(EMULATOR.sequenceStoreId(), submitted.getMessage().getHeader(SEQUENCE_STORE_ID));
        assertEquals(OmicsEmulatorExtension.DEFAULT_START, submitted.getMessage().getHeader(CREATION_TIME));
        assertNull(submitted.getMessage().getHeader(COMPLETION_TIME), "a running job has no completion time");
        assertNull(submitted.getMessage().getHeader(READ_SET_IDS), "a running job is not fetched for its results");
    }

    @Test
    void terminalStatusesOnlyEmitsEndedJobsOnceWithTheirReadSets() throws Exception {
        String imported = startJob(template, "NA12878", true);
        String failed = startJob(template, "never-uploaded", false);
        consume(context, "&terminalStatusesOnly=true");
        MockEndpoint events = getMockEndpoint("mock:events");

        polls.awaitMore(2);
        EMULATOR.advanceClock(Duration.ofSeconds(1));
        polls.awaitMore(2);
        assertEquals(0, events.getReceivedCounter(), "running jobs are not emitted: " + events(events));

        EMULATOR.finishImports();
        polls.awaitMore(3);
        assertEquals(List.of(imported + ":COMPLETED", failed + ":FAILED"), events(events));

        ReadSet readSet = EMULATOR.state().readSets().get(0);
        Exchange completed = events.getReceivedExchanges().get(0);
        assertEquals(List.of(readSet.id()), completed.getMessage().getHeader(READ_SET_IDS));
        assertEquals(OmicsEmulatorExtension.DEFAULT_START.plusSeconds(6), completed.getMessage().getHeader(COMPLETION_TIME));
        List<?> sources = completed.getMessage().getHeader(IMPORT_JOB_SOURCES, List.class);
        assertEquals(readSet.id(), ((ImportReadSetSourceItem) sources.get(0)).readSetId());

        Exchange failure = events.getReceivedExchanges().get(1);
        assertEquals(List.of(), failure.getMessage().getHeader(READ_SET_IDS));
        ImportReadSetSourceItem failedSource = (ImportReadSetSourceItem) failure.getMessage().getHeader(IMPORT_JOB_SOURCES, List.class).get(0);
        assertEquals("FAILED", failedSource.statusAsString());
        assertTrue(failedSource.statusMessage().contains("does not exist"), failedSource.statusMessage());
    }

    @Test
    void aFileRepositoryKeepsWhatWasEmittedAcrossARestart(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("omics-import-events.txt");
        String first = startJob(template, "NA12878", true);
        context.getRegistry().bind("emitted", FileIdempotentRepository.fileIdempotentRepository(store.toFile()));
        consume(context, "&idempotentRepository=#emitted");
        getMockEndpoint("mock:events").expectedMessageCount(1);
        getMockEndpoint("mock:events").assertIsSatisfied(5000);
        context.stop();

        // a new process: a new context, a new repository object over the same file
        PollCounter restartedPolls = new PollCounter();
        try (CamelContext restarted = new DefaultCamelContext()) {
            connect(restarted, restartedPolls);
            restarted.getRegistry().bind("emitted", FileIdempotentRepository.fileIdempotentRepository(store.toFile()));
            restarted.start();
            String second = startJob(restarted.createProducerTemplate(), "NA24385", true);
            consume(restarted, "&idempotentRepository=#emitted");
            MockEndpoint events = MockEndpoint.resolve(restarted, "mock:events");

            restartedPolls.awaitMore(2);
            assertEquals(List.of(second + ":SUBMITTED"), events(events), "the first job's SUBMITTED was emitted before the restart");
            EMULATOR.advanceClock(Duration.ofSeconds(1));
            restartedPolls.awaitMore(3);
            assertEquals(List.of(second + ":SUBMITTED", first + ":IN_PROGRESS", second + ":IN_PROGRESS"), events(events));
        }
    }

    @Test
    void aFailedExchangeIsEmittedAgainWithTheNextPoll() throws Exception {
        String job = startJob(template, "NA12878", true);
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri("")).routeId("events")
                        .process(e -> {
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("the lab database is down");
                            }
                        })
                        .to("mock:events");
            }
        });
        MockEndpoint events = getMockEndpoint("mock:events");

        polls.awaitMore(4);
        assertEquals(List.of(job + ":SUBMITTED"), events(events));
        assertEquals(2, attempts.get(), "emitted once more after the failure, then remembered");
    }

    @Test
    void pagesThroughMoreJobsThanOnePage() throws Exception {
        List<String> jobs = List.of(startJob(template, "S1", true), startJob(template, "S2", true),
                startJob(template, "S3", true), startJob(template, "S4", true), startJob(template, "S5", true));
        consume(context, "&maxResults=2");
        MockEndpoint events = getMockEndpoint("mock:events");

        polls.awaitMore(3);
        assertEquals(jobs.stream().map(id -> id + ":SUBMITTED").toList(), events(events));
    }

    @Test
    void stoppingTheRouteEndsARunningPollPromptly() throws Throwable {
        assertARunningPollEndsPromptlyWhen(id -> context.getRouteController().stopRoute(id));
    }

    @Test
    void suspendingTheRouteEndsARunningPollPromptly() throws Throwable {
        // unlike a stop, a suspension does not interrupt the polling thread: the consumer itself must see it
        assertARunningPollEndsPromptlyWhen(id -> context.getRouteController().suspendRoute(id));
    }

    private void assertARunningPollEndsPromptlyWhen(ThrowingConsumer<String> action) throws Throwable {
        for (int i = 1; i <= 6; i++) {
            startJob(template, "S" + i, true);
        }
        EMULATOR.faults().addLatency(Duration.ofMillis(500), Operation.LIST_READ_SET_IMPORT_JOBS);
        consume(context, "&maxResults=1"); // one job per page: a whole poll takes more than 3 s
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMinimumMessageCount(1);
        events.assertIsSatisfied(5000);
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("events").getConsumer();

        long start = System.nanoTime();
        action.accept("events");
        while (consumer.isPolling() && System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(10);
        }
        Duration ending = Duration.ofNanos(System.nanoTime() - start);

        // a graceful suspend itself checks in-flight exchanges once a second, so allow for that, not for the whole poll
        assertTrue(ending.compareTo(Duration.ofSeconds(2)) < 0, "the poll ended " + ending + " later");
        assertTrue(events.getReceivedCounter() < 6, "the poll went on: " + events(events));
    }

    @Test
    void anotherOperationCannotBeConsumed() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-omics:getReadSetImportJob?sequenceStoreId=" + EMULATOR.sequenceStoreId()).to("mock:events");
            }
        }));
        assertEquals("aws2-omics:getReadSetImportJob cannot be used in from(): only aws2-omics:listReadSetImportJobs can be "
                     + "consumed (it polls the import jobs of a sequence store)", rootCause(e).getMessage());
    }

    @Test
    void theConsumerNeedsASequenceStore() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-omics:listReadSetImportJobs").to("mock:events");
            }
        }));
        assertEquals("aws2-omics:listReadSetImportJobs consumer: option sequenceStoreId is required (the store whose import "
                     + "jobs are polled), but it is not set", rootCause(e).getMessage());
    }

    @Test
    void consumerOptionsAreAppliedByTheGeneratedConfigurerWithDefaults() throws Exception {
        IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository();
        context.getRegistry().bind("seen", repository);
        BeanIntrospection introspection = PluginHelper.getBeanIntrospection(context);
        introspection.setExtendedStatistics(true);
        introspection.resetCounters();

        Omics2Endpoint configured = context.getEndpoint("aws2-omics:listReadSetImportJobs?terminalStatusesOnly=true"
                                                        + "&maxResults=10&idempotentRepository=#seen&delay=2m",
                Omics2Endpoint.class);
        Omics2Endpoint defaults = context.getEndpoint("aws2-omics:listReadSetImportJobs", Omics2Endpoint.class);

        assertEquals(0, introspection.getInvokedCounter(), "options were set by reflection");
        assertTrue(configured.getConfiguration().isTerminalStatusesOnly());
        assertEquals(10, configured.getConfiguration().getMaxResults());
        assertSame(repository, configured.getConfiguration().getIdempotentRepository());
        assertEquals(120_000, configured.getDelay());
        assertFalse(defaults.getConfiguration().isTerminalStatusesOnly());
        assertNull(defaults.getConfiguration().getMaxResults());
        assertEquals(Omics2Endpoint.DEFAULT_CONSUMER_DELAY, defaults.getDelay());
        assertEquals(30_000, Omics2Endpoint.DEFAULT_CONSUMER_DELAY);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Camel's poll strategy, counting the polls that ended so that tests can wait for the next ones. */
    static final class PollCounter extends DefaultPollingConsumerPollStrategy {

        private int ended;

        @Override
        public synchronized void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            ended++;
            notifyAll();
        }

        @Override
        public synchronized boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) {
            ended++;
            notifyAll();
            return false;
        }

        /** Waits until {@code polls} more polls have ended: at least {@code polls - 1} of them began after this call. */
        synchronized void awaitMore(int polls) throws InterruptedException {
            int target = ended + polls;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ended < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("waited 5 s for " + polls + " polls, " + (target - ended) + " did not come");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
