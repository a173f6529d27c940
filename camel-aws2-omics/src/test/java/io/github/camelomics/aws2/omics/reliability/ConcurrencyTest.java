package io.github.camelomics.aws2.omics.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.Omics2Endpoint;
import io.github.camelomics.aws2.omics.Omics2Operations;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 32 threads share one endpoint for 10,000 requests (1,000 starts, 9,000 gets): no errors, every job once, one client for all of them, and once the
 * context stops, no thread of it is left and no connection stays open.
 */
class ConcurrencyTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> b.maxActiveJobs(1_000_000));

    static final int THREADS = 32;
    static final int REQUESTS = 10_000;
    static final int STARTS_EVERY = 10;

    @Test
    void thirtyTwoThreadsTenThousandRequestsOneEndpoint() throws Exception {
        Set<Thread> before = LeftBehind.threads();
        long start = System.nanoTime();
        CamelContext context = new DefaultCamelContext();
        EmulatorTestSupport.pointAtEmulator(context, EMULATOR);
        context.start();
        Omics2Endpoint endpoint = context.getEndpoint("aws2-omics:startReadSetImportJob", Omics2Endpoint.class);
        Set<Object> clients = ConcurrentHashMap.newKeySet();
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = new ArrayList<>();
        String seedJob = context.createProducerTemplate().send(endpoint, e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", "s3://lab-bucket/load/seed.fastq.gz"), "sourceFileType", "FASTQ",
                "subjectId", "P", "sampleId", "seed")))).getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID, String.class);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            ProducerTemplate template = context.createProducerTemplate();
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        int n = i;
                        // one in ten starts a job; the others read the seed job, through the same endpoint
                        Exchange exchange = template.send(endpoint, e -> {
                            if (n % STARTS_EVERY == 0) {
                                e.getMessage().setBody(List.of(Map.of(
                                        "sourceFiles", Map.of("source1", "s3://lab-bucket/load/S" + n + ".fastq.gz"),
                                        "sourceFileType", "FASTQ", "subjectId", "P" + (n % 97), "sampleId", "S" + n)));
                            } else {
                                e.getMessage().setHeader(Omics2Constants.OPERATION, Omics2Operations.getReadSetImportJob);
                                e.getMessage().setHeader(Omics2Constants.IMPORT_JOB_ID, seedJob);
                            }
                        });
                        clients.add(endpoint.getClient());
                        if (exchange.getException() != null || exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID) == null) {
                            errors.incrementAndGet();
                            synchronized (firstErrors) {
                                if (firstErrors.size() < 3) {
                                    firstErrors.add(String.valueOf(exchange.getException()));
                                }
                            }
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int jobs = EMULATOR.state().jobs(EMULATOR.sequenceStoreId()).size();
        context.stop();
        List<String> threadsLeft = LeftBehind.threadsSince(before);
        long connections = LeftBehind.connectionsTo(EMULATOR.emulator().port());

        ReliabilityReport.row("30-concurrency", "concurrency: " + THREADS + " threads, one endpoint, " + clients.size()
                                                + " client; threads left " + threadsLeft.size() + ", connections left "
                                                + connections + "; 1 in " + STARTS_EVERY + " a start, the rest gets",
                REQUESTS, REQUESTS - errors.get(), jobs, jobs - 1 - REQUESTS / STARTS_EVERY,
                "-", "-", "-", errors.get(), millis);
        assertEquals(List.of(), firstErrors);
        assertEquals(0, errors.get());
        assertEquals(1 + REQUESTS / STARTS_EVERY, jobs, "the seed job and one per start");
        assertEquals(1, clients.size(), "one shared client");
        assertEquals(List.of(), threadsLeft, "threads left after the context stopped");
        assertEquals(0, connections, "connections left open to the emulator");
    }
}
