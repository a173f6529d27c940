package io.github.camelomics.aws2.omics.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping the context while it waits for a job, while the consumer is in a poll, and while a call is in flight:
 * each stop ends within a bounded time (Camel's shutdown timeout is set to 2 s) and leaves no thread and no open
 * connection. The emulator's jobs take 6 hours, so a wait never ends by itself.
 */
class ShutdownTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> b.importDuration(Duration.ofHours(6)));

    static final long BOUND_MILLIS = 5_000;

    static final Map<String, Object> SOURCE = Map.of("sourceFiles", Map.of("source1", "s3://lab-bucket/stop/S1.fastq.gz"),
            "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S1");

    private record Stopped(long millis, List<String> threadsLeft, long connectionsLeft) {
    }

    private Stopped stopWhile(RouteBuilder routes, ContextAction whileRunning) throws Exception {
        Set<Thread> before = LeftBehind.threads();
        CamelContext context = new DefaultCamelContext();
        EmulatorTestSupport.pointAtEmulator(context, EMULATOR);
        context.getShutdownStrategy().setTimeout(2);
        context.addRoutes(routes);
        context.start();
        whileRunning.run(context);
        long start = System.nanoTime();
        context.stop();
        long millis = (System.nanoTime() - start) / 1_000_000;
        EMULATOR.faults().clear();
        return new Stopped(millis, LeftBehind.threadsSince(before), LeftBehind.connectionsTo(EMULATOR.emulator().port()));
    }

    interface ContextAction {
        void run(CamelContext context) throws Exception;
    }

    private static void report(String name, String what, Stopped stopped) {
        ReliabilityReport.row(name, "shutdown " + what + ": stopped in " + stopped.millis() + " ms, threads left "
                                    + stopped.threadsLeft().size() + ", connections left " + stopped.connectionsLeft(),
                1, "-", "-", "-", "-", "-", "-", stopped.threadsLeft().size() + stopped.connectionsLeft(), stopped.millis());
        assertTrue(stopped.millis() < BOUND_MILLIS, what + ": stopping took " + stopped.millis() + " ms");
        assertEquals(List.of(), stopped.threadsLeft(), what + ": threads left");
        assertEquals(0, stopped.connectionsLeft(), what + ": connections left open");
    }

    @Test
    void duringAWaitForCompletion() throws Exception {
        CompletableFuture<Exchange>[] waiting = new CompletableFuture[1];
        Stopped stopped = stopWhile(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:import").to("aws2-omics:startReadSetImportJob?waitForCompletion=true&pollInterval=100");
            }
        }, context -> {
            waiting[0] = context.createProducerTemplate().asyncSend("direct:import",
                    e -> e.getMessage().setBody(List.of(SOURCE)));
            while (EMULATOR.state().jobs().isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            TimeUnit.MILLISECONDS.sleep(300); // polling now
        });
        report("40-shutdown-wait", "during waitForCompletion", stopped);
        assertTrue(waiting[0].isDone());
    }

    @Test
    void duringAConsumerPoll() throws Exception {
        EMULATOR.faults().addLatency(Duration.ofMillis(1500), Operation.LIST_READ_SET_IMPORT_JOBS);
        Stopped stopped = stopWhile(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-omics:listReadSetImportJobs?delay=50&initialDelay=0").to("log:jobs?level=OFF");
            }
        }, context -> TimeUnit.MILLISECONDS.sleep(300)); // the first poll is in its 1.5 s call
        report("41-shutdown-poll", "during a consumer poll (1.5 s answer)", stopped);
    }

    @Test
    void duringACallInFlight() throws Exception {
        EMULATOR.faults().addLatency(Duration.ofSeconds(10), Operation.START_READ_SET_IMPORT_JOB);
        CompletableFuture<Exchange>[] inFlight = new CompletableFuture[1];
        Stopped stopped = stopWhile(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:import").to("aws2-omics:startReadSetImportJob?maxAttempts=1");
            }
        }, context -> {
            inFlight[0] = context.createProducerTemplate().asyncSend("direct:import",
                    e -> e.getMessage().setBody(List.of(SOURCE)));
            TimeUnit.MILLISECONDS.sleep(300); // the call waits for its 10 s answer
        });
        report("42-shutdown-inflight", "during a call in flight (10 s answer)", stopped);
    }
}
