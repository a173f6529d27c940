package io.github.camelomics.aws2.omics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.aws2.omics.support.SteppedTimer;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.OmicsServiceClientConfiguration;
import software.amazon.awssdk.services.omics.model.AccessDeniedException;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataRequest;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsRequest;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsResponse;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

import static io.github.camelomics.aws2.omics.emulator.model.Operation.GET_READ_SET_IMPORT_JOB;
import static io.github.camelomics.aws2.omics.emulator.model.Operation.LIST_READ_SET_IMPORT_JOBS;
import static io.github.camelomics.aws2.omics.emulator.model.Operation.START_READ_SET_IMPORT_JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waits share one listing of their store per poll interval, fetch each job once when it ends, and hold no thread while
 * they wait. The exchanges go straight to the producer's asynchronous process from the test's thread, and the watch
 * pauses until the test lets it poll ({@link SteppedTimer}), so every call of each poll is counted where it arrives: at
 * the emulator. Jobs take 2 + 45 emulated minutes.
 */
class WaitSharingTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b
            .submittedDuration(Duration.ofMinutes(2))
            .importDuration(Duration.ofMinutes(45))
            .maxActiveJobs(1000));

    private static final String FASTQ = "s3://lab-bucket/waits/S_R1.fastq.gz";
    private static final String START = "aws2-omics:startReadSetImportJob?waitForCompletion=true";

    WaitSharingTest() {
        super(EMULATOR);
    }

    private static long calls(Operation operation) {
        return EMULATOR.requestCounts().of(operation);
    }

    /** One source, the same file for every sample: each sample is its own job (its own content token). */
    private static List<Map<String, Object>> sample(int i) {
        return List.of(Map.of("sourceFiles", Map.of("source1", FASTQ), "sourceFileType", "FASTQ", "subjectId", "P1",
                "sampleId", "S" + i));
    }

    /** Waits begun from the test's thread, each answered through its callback. */
    private static final class Waits {
        final List<Exchange> exchanges = new ArrayList<>();
        final Set<String> callbackThreads = ConcurrentHashMap.newKeySet();
        final Map<Omics2Endpoint, AsyncProducer> producers = new ConcurrentHashMap<>();
        final CountDownLatch answered;

        Waits(int count) {
            answered = new CountDownLatch(count);
        }

        /** Sends one message to the endpoint's producer; true when it answered at once. */
        boolean send(Omics2Endpoint endpoint, Object body) throws Exception {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(body);
            return send(endpoint, exchange);
        }

        boolean send(Omics2Endpoint endpoint, Exchange exchange) throws Exception {
            exchanges.add(exchange);
            return producer(endpoint).process(exchange, doneSync -> {
                callbackThreads.add(Thread.currentThread().getName());
                answered.countDown();
            });
        }

        AsyncProducer producer(Omics2Endpoint endpoint) throws Exception {
            AsyncProducer producer = producers.get(endpoint);
            if (producer == null) {
                producer = endpoint.createAsyncProducer();
                producer.start();
                producers.put(endpoint, producer);
            }
            return producer;
        }

        void awaitAnswers() throws InterruptedException {
            assertTrue(answered.await(30, TimeUnit.SECONDS), answered.getCount() + " waits were not answered");
        }
    }

    private Omics2Endpoint stepped(String uri, SteppedTimer timer) {
        Omics2Endpoint endpoint = context.getEndpoint(uri, Omics2Endpoint.class);
        endpoint.setWaitTimer(timer);
        return endpoint;
    }

    /** Threads of this JVM but the emulator's, which it starts as requests arrive. */
    private static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("omics-emulator-")).count();
    }

    @Test
    @Timeout(90)
    void fiveHundredWaitsHoldNoThreadAndShareOneListingAnInterval() throws Exception {
        EMULATOR.s3().putFastq(FASTQ, 4, 50);
        SteppedTimer timer = new SteppedTimer(EMULATOR);
        Omics2Endpoint endpoint = stepped(START, timer);
        Waits waits = new Waits(500);
        waits.producer(endpoint);
        long threadsBefore = liveThreads();

        for (int i = 0; i < 500; i++) {
            assertFalse(waits.send(endpoint, sample(i)), "answered at once: " + waits.exchanges.get(i).getException());
        }
        timer.awaitPause(1);
        long threadsWhileWaiting = liveThreads();
        long lists = calls(LIST_READ_SET_IMPORT_JOBS);
        long gets = calls(GET_READ_SET_IMPORT_JOB);
        timer.release();
        timer.awaitPause(2); // one poll interval: every job runs

        assertEquals(500, calls(START_READ_SET_IMPORT_JOB));
        assertTrue(threadsWhileWaiting - threadsBefore <= 3, "500 waits, " + (threadsWhileWaiting - threadsBefore)
                                                             + " more threads");
        assertEquals(5, calls(LIST_READ_SET_IMPORT_JOBS) - lists, "one listing of the 500 jobs an interval, 100 a page");
        assertEquals(0, calls(GET_READ_SET_IMPORT_JOB) - gets, "no job has ended, none is fetched");

        EMULATOR.finishImports();
        lists = calls(LIST_READ_SET_IMPORT_JOBS);
        gets = calls(GET_READ_SET_IMPORT_JOB);
        timer.release();
        waits.awaitAnswers();

        assertEquals(5, calls(LIST_READ_SET_IMPORT_JOBS) - lists);
        assertEquals(500, calls(GET_READ_SET_IMPORT_JOB) - gets, "each job fetched once, when it ended");
        assertTrue(waits.callbackThreads.size() <= 20, "answered on " + waits.callbackThreads);
        for (Exchange exchange : waits.exchanges) {
            assertNull(exchange.getException());
            assertEquals("COMPLETED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
            assertEquals(1, exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS, List.class).size());
            assertInstanceOf(GetReadSetImportJobResponse.class, exchange.getMessage().getBody());
        }
    }

    @Test
    @Timeout(60)
    void eachWaitKeepsItsOwnTimeoutInASharedListing() throws Exception {
        SteppedTimer timer = new SteppedTimer(EMULATOR);
        Omics2Endpoint patient = stepped(START, timer);
        Omics2Endpoint hurried = stepped(START + "&waitTimeout=10m", timer);
        Waits waits = new Waits(2);
        EMULATOR.s3().putFastq(FASTQ, 4, 50);
        assertFalse(waits.send(hurried, sample(1)));
        assertFalse(waits.send(patient, sample(2)));

        timer.releaseUntil(() -> waits.answered.getCount() == 0);

        ImportJobWaitException timedOut = assertInstanceOf(ImportJobWaitException.class, waits.exchanges.get(0).getException());
        assertTrue(timedOut.getMessage().contains("because waited PT10M (waitTimeout)"), timedOut.getMessage());
        assertEquals("IN_PROGRESS", timedOut.getLastKnown().get(0).statusAsString());
        assertNull(waits.exchanges.get(1).getException());
        assertEquals("COMPLETED", waits.exchanges.get(1).getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        assertEquals(timer.released(), calls(LIST_READ_SET_IMPORT_JOBS), "one listing for both waits each interval");
        assertEquals(1, calls(GET_READ_SET_IMPORT_JOB), "only the job that ended was fetched");
    }

    @Test
    @Timeout(60)
    void aJobTheListingDoesNotShowIsAskedForDirectly() throws Exception {
        EMULATOR.s3().putFastq(FASTQ, 4, 50);
        OmicsClient real = context.getEndpoint("aws2-omics:getReadSetImportJob", Omics2Endpoint.class).getClient();
        HidingClient hiding = new HidingClient(real);
        context.getRegistry().bind("hiding", hiding);
        SteppedTimer timer = new SteppedTimer(EMULATOR);
        Omics2Endpoint endpoint = stepped(START + "&omicsClient=#hiding", timer);
        Waits waits = new Waits(2);
        assertFalse(waits.send(endpoint, sample(1)));
        assertFalse(waits.send(endpoint, sample(2)));
        hiding.hidden = EMULATOR.state().jobs().get(1).id();
        timer.awaitPause(1);

        timer.release();
        timer.awaitPause(2);
        assertEquals(1, calls(LIST_READ_SET_IMPORT_JOBS));
        assertEquals(1, calls(GET_READ_SET_IMPORT_JOB), "the hidden job, asked for");

        EMULATOR.finishImports();
        timer.release();
        waits.awaitAnswers();
        assertEquals(3, calls(GET_READ_SET_IMPORT_JOB), "then each job once more: one ended, one still hidden");
        waits.exchanges.forEach(e -> assertEquals("COMPLETED", e.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS)));
    }

    @Test
    @Timeout(60)
    void aRefusedListingFailsItsWaitsWithTheServiceError() throws Exception {
        SteppedTimer timer = new SteppedTimer(EMULATOR);
        Omics2Endpoint endpoint = stepped(START, timer);
        Waits waits = new Waits(2);
        assertFalse(waits.send(endpoint, sample(1)));
        assertFalse(waits.send(endpoint, sample(2)));
        timer.awaitPause(1);
        EMULATOR.faults().failNext(1, Operation.LIST_READ_SET_IMPORT_JOBS, ErrorShape.ACCESS_DENIED);

        timer.release();
        waits.awaitAnswers();

        // as a waiting producer polling on its own got it, so that onException(AccessDeniedException.class) matches
        waits.exchanges.forEach(e -> assertInstanceOf(AccessDeniedException.class, e.getException()));
    }

    @Test
    void aWaitForAJobThatHasEndedIsAnsweredAtOnceOnTheCallersThread() throws Exception {
        EMULATOR.s3().putFastq(FASTQ, 4, 50);
        String job = template.send("aws2-omics:startReadSetImportJob", e -> e.getMessage().setBody(sample(1)))
                .getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID, String.class);
        EMULATOR.finishImports();
        Omics2Endpoint endpoint = stepped("aws2-omics:getReadSetImportJob?waitForCompletion=true", new SteppedTimer(EMULATOR));
        Waits waits = new Waits(1);

        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setHeader(Omics2Constants.IMPORT_JOB_ID, job);
        boolean answeredAtOnce = waits.send(endpoint, exchange);

        assertTrue(answeredAtOnce);
        assertEquals("COMPLETED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        assertEquals(1, calls(GET_READ_SET_IMPORT_JOB));
        assertEquals(0, calls(LIST_READ_SET_IMPORT_JOBS));
    }

    /** The real client, but one job never shows in a listing. */
    static final class HidingClient implements OmicsClient {
        private final OmicsClient real;
        volatile String hidden;

        HidingClient(OmicsClient real) {
            this.real = real;
        }

        @Override
        public StartReadSetImportJobResponse startReadSetImportJob(StartReadSetImportJobRequest request) {
            return real.startReadSetImportJob(request);
        }

        @Override
        public GetReadSetImportJobResponse getReadSetImportJob(GetReadSetImportJobRequest request) {
            return real.getReadSetImportJob(request);
        }

        @Override
        public GetReadSetMetadataResponse getReadSetMetadata(GetReadSetMetadataRequest request) {
            return real.getReadSetMetadata(request); // for the read set URIs of an ended import
        }

        @Override
        public ListReadSetImportJobsResponse listReadSetImportJobs(ListReadSetImportJobsRequest request) {
            ListReadSetImportJobsResponse page = real.listReadSetImportJobs(request);
            return page.toBuilder().importJobs(page.importJobs().stream().filter(j -> !j.id().equals(hidden)).toList()).build();
        }

        @Override
        public OmicsServiceClientConfiguration serviceClientConfiguration() {
            return real.serviceClientConfiguration();
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
            // the real client belongs to its endpoint
        }
    }
}
