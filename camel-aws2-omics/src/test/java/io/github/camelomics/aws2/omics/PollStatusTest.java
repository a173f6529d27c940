package io.github.camelomics.aws2.omics;

import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole.MediaType;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a status consumer tells of its polls, in the dev console and as its JMX attributes: a poll the service refused,
 * with its error and no watermark yet, then one that emitted the store's job and left its creation time as watermark.
 */
class PollStatusTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> { });

    PollStatusTest() {
        super(EMULATOR);
    }

    @Test
    @Timeout(30)
    void aRefusedPollIsToldWithItsErrorAndTheNextWithItsEventsAndWatermark() throws Exception {
        EMULATOR.s3().putFastq("s3://lab-bucket/polls/S1_R1.fastq.gz", 4, 50);
        assertNull(template.send("aws2-omics:startReadSetImportJob", e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", "s3://lab-bucket/polls/S1_R1.fastq.gz"), "sourceFileType", "FASTQ",
                "subjectId", "P1", "sampleId", "S1")))).getException());
        EMULATOR.faults().failNext(1, Operation.LIST_READ_SET_IMPORT_JOBS, ErrorShape.ACCESS_DENIED);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-omics:listReadSetImportJobs?initialDelay=0&delay=3600000&maxAttempts=1").routeId("statuses")
                        .to("mock:events");
            }
        });
        ImportJobStatusConsumer consumer = (ImportJobStatusConsumer) context.getRoute("statuses").getConsumer();
        long deadline = System.currentTimeMillis() + 10_000;
        while (consumer.getPolls() == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "no poll within 10 s");
            Thread.sleep(10);
        }

        JsonObject refused = consumerInConsole();
        assertEquals("failure", refused.getString("lastPollOutcome"));
        assertTrue(refused.getString("lastPollError").startsWith("AccessDeniedException: "), refused.toJson());
        assertFalse(refused.containsKey("watermark"), "none before a poll succeeded");
        assertEquals(1L, consumer.getFailedPolls());

        consumer.run(); // the next poll, now rather than in an hour

        JsonObject polled = consumerInConsole();
        assertEquals("success", polled.getString("lastPollOutcome"));
        assertFalse(polled.containsKey("lastPollError"));
        assertEquals(1, polled.getInteger("lastPollEvents"));
        assertEquals(2, polled.getInteger("polls"));
        assertEquals(1, polled.getInteger("failedPolls"));
        assertEquals(1, polled.getInteger("eventsEmitted"));
        String created = EMULATOR.state().jobs().get(0).creationTime().toString();
        assertEquals(created, polled.getString("watermark"), "the creation of the job still running");
        assertEquals(created, consumer.getWatermark());
        assertEquals("", consumer.getLastPollError());
    }

    private JsonObject consumerInConsole() {
        Omics2DevConsole console = new Omics2DevConsole();
        console.setCamelContext(context);
        JsonObject json = (JsonObject) console.call(MediaType.JSON);
        List<?> consumers = (List<?>) json.get("consumers");
        assertEquals(1, consumers.size(), json.toJson());
        return (JsonObject) consumers.get(0);
    }
}
