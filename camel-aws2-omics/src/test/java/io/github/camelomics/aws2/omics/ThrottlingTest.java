package io.github.camelomics.aws2.omics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.model.ThrottlingException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bursts against the service's 5 requests per second: paced on the client, they all succeed. */
class ThrottlingTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b.rateLimitPerSecond(5).maxActiveJobs(1000));

    ThrottlingTest() {
        super(EMULATOR);
    }

    private List<Exchange> concurrentStarts(String uri, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String sample = "S" + i;
                sent.add(pool.submit(() -> template.send(uri, e -> e.getMessage().setBody(List.of(Map.of(
                        "sourceFiles", Map.of("source1", "s3://lab-bucket/" + sample + ".fastq.gz"),
                        "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", sample))))));
            }
            List<Exchange> exchanges = new ArrayList<>();
            for (Future<Exchange> f : sent) {
                exchanges.add(f.get());
            }
            return exchanges;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyConcurrentStartsAllSucceedWithoutASingleRetry() throws Exception {
        // maxAttempts=1: a throttled request would fail the exchange, so success means none was throttled
        List<Exchange> exchanges = concurrentStarts(
                "aws2-omics:startReadSetImportJob?requestsPerSecond=5&maxAttempts=1", 50);

        assertEquals(List.of(), exchanges.stream().filter(e -> e.getException() != null).map(e -> e.getException().toString()).toList());
        assertEquals(50, EMULATOR.state().jobs(EMULATOR.sequenceStoreId()).size());
    }

    @Test
    void withoutPacingTheSameBurstIsThrottled() throws Exception {
        List<Exchange> exchanges = concurrentStarts(
                "aws2-omics:startReadSetImportJob?requestsPerSecond=0&maxAttempts=1", 20);

        long throttled = exchanges.stream().filter(e -> e.getException() instanceof ThrottlingException).count();
        assertTrue(throttled >= 10, "the emulator enforces 5/s with a burst of 5: " + throttled + " of 20 throttled");
    }
}
