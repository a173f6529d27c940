package io.github.camelomics.aws2.omics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route waiting for an import that takes hours must not hold Camel up: stopping Camel, or a route whose consumer
 * Camel stops first, ends the wait within a second. (Routes fed by direct or seda keep their consumer running until
 * their exchanges are done; there the wait ends when Camel's shutdown timeout stops the route's services.) The
 * emulator's clock is frozen here, so the job never ends by itself; the wait uses the real clock.
 */
class StoppingTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b.importDuration(Duration.ofHours(6)));

    StoppingTest() {
        super(EMULATOR);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:import").routeId("import").to("aws2-omics:startReadSetImportJob?waitForCompletion=true");
                // a route fed by a consumer that Camel stops first (timer, file, SQS, ...), not by direct or seda,
                // which keep running until their exchanges are done
                from("timer:import?repeatCount=1&delay=-1").routeId("timed-import").autoStartup(false)
                        .setBody(constant(List.of(Map.of("sourceFiles", Map.of("source1", "s3://lab-bucket/S2.fastq.gz"),
                                "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S2"))))
                        .to("aws2-omics:startReadSetImportJob?waitForCompletion=true")
                        .to("mock:ended");
            }
        };
    }

    private CompletableFuture<Exchange> startWaiting() throws InterruptedException {
        CompletableFuture<Exchange> done = template.asyncSend("direct:import", e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", "s3://lab-bucket/S1.fastq.gz"), "sourceFileType", "FASTQ",
                "subjectId", "P1", "sampleId", "S1"))));
        while (EMULATOR.state().jobs(EMULATOR.sequenceStoreId()).isEmpty()) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        TimeUnit.MILLISECONDS.sleep(200); // now in the wait
        return done;
    }

    /** Stops as told on another thread and returns how long the waiting exchange took to end. */
    private long millisUntilTheWaitEnds(CompletableFuture<Exchange> waiting, ThrowingRunnable stop) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                stop.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Exchange ended = waiting.get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        stopping.get(10, TimeUnit.SECONDS);
        ImportJobWaitException e = assertInstanceOf(ImportJobWaitException.class, ended.getException());
        assertTrue(e.getMessage().contains("because Camel is stopping; they go on in HealthOmics"), e.getMessage());
        return millis;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void stoppingTheContextEndsTheWaitWithinASecond() throws Exception {
        long millis = millisUntilTheWaitEnds(startWaiting(), context::stop);

        assertTrue(millis < 1000, "the wait ended " + millis + " ms after the context began to stop");
    }

    @Test
    void stoppingTheRouteEndsTheWaitWithinASecond() throws Exception {
        MockEndpoint ended = getMockEndpoint("mock:ended");
        ended.expectedMessageCount(0);
        CompletableFuture<Exchange> failed = new CompletableFuture<>();
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeFailedEvent f) {
                    failed.complete(f.getExchange());
                }
            }
        });
        context.getRouteController().startRoute("timed-import");
        while (EMULATOR.state().jobs(EMULATOR.sequenceStoreId()).isEmpty()) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        TimeUnit.MILLISECONDS.sleep(200); // now in the wait

        long millis = millisUntilTheWaitEnds(failed, () -> context.getRouteController().stopRoute("timed-import"));

        assertTrue(millis < 1000, "the wait ended " + millis + " ms after the route began to stop");
        ended.assertIsSatisfied();
    }
}
