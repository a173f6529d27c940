package io.github.camelomics.aws2.omics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.aws2.omics.support.InFlightScene;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelomics.aws2.omics.support.EmulatorTestSupport.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.support.EmulatorTestSupport.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The aws2-omics dev console as a camel-main user opens it: camel-main's management HTTP server
 * (camel-platform-http-main) serves it at /q/dev/aws2-omics, JSON when asked for, text otherwise. Read while an upload
 * is held after its 4th part, two exchanges wait for import jobs and a status consumer has polled ({@link InFlightScene}),
 * everything against the emulator. The build prints what it read as an OBSERVE row.
 */
class DevConsoleTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(InFlightScene.EMULATOR_SETTINGS);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void showsTheUploadTheWaitsTheQuotaLinesAndTheConsumerOverCamelMainsHttpServer() throws Exception {
        int port = freePort();
        Main main = new Main();
        Map.of("region", EMULATOR.emulator().region(),
                "accessKey", ACCESS_KEY,
                "secretKey", SECRET_KEY,
                "overrideEndpoint", "true",
                "uriEndpointOverride", EMULATOR.endpoint().toString(),
                "sequenceStoreId", EMULATOR.sequenceStoreId(),
                "roleArn", EmulatorTestSupport.ROLE,
                "requestsPerSecond", "50",
                "maxAttempts", "1")
                .forEach((option, value) -> main.addInitialProperty("camel.component.aws2-omics." + option, value));
        main.addInitialProperty("camel.main.dev-console-enabled", "true");
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.dev-console-enabled", "true");
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty("camel.management.port", Integer.toString(port));
        main.start();
        try (InFlightScene scene = InFlightScene.start(main.getCamelContext(), EMULATOR, dir)) {
            String jsonBody = get(port, "application/json");
            String text = get(port, "text/plain");
            JsonNode console = JSON.readTree(jsonBody).path("aws2-omics");

            JsonNode imports = console.path("imports");
            assertEquals(2, imports.size(), jsonBody);
            List<String> firstJob = new ArrayList<>();
            for (JsonNode wait : imports) {
                assertEquals(EMULATOR.sequenceStoreId(), wait.path("sequenceStoreId").asText());
                assertEquals("import job", wait.path("jobNoun").asText());
                assertEquals("2025-06-01T12:00:00Z", wait.path("waitingSince").asText(), "by the endpoint's clock");
                assertEquals(30, wait.path("waitedSeconds").asLong(), "one poll interval of emulated time");
                wait.path("jobs").forEach(job -> assertEquals("IN_PROGRESS", job.path("status").asText()));
                firstJob.add(wait.path("jobs").get(0).path("id").asText());
            }
            JsonNode started = imports.get(0).path("jobs").size() == 2 ? imports.get(0) : imports.get(1);
            JsonNode got = started == imports.get(0) ? imports.get(1) : imports.get(0);
            assertEquals(2, started.path("jobs").size(), "the start cut at one source a job");
            assertTrue(started.path("jobs").get(0).path("itemsTotal").isMissingNode(), "a listing tells no items");
            assertEquals(1, got.path("jobs").get(0).path("itemsTotal").asInt(), "the Get told its sources");
            assertEquals(0, got.path("jobs").get(0).path("itemsDone").asInt());
            assertEquals(firstJob.get(0), firstJob.get(1), "the Get waits for the start's first job");

            JsonNode upload = console.path("uploads").get(0);
            assertEquals(1, console.path("uploads").size(), jsonBody);
            assertEquals(scene.file().getFileName().toString(), upload.path("file").asText());
            assertEquals(InFlightScene.HELD_AT_PART, upload.path("partsDone").asInt());
            assertEquals(scene.partsTotal(), upload.path("partsTotal").asInt());
            assertEquals(3, upload.path("resumedFromPart").asInt(), "the first run was cut after two parts");
            assertEquals(4L * InFlightScene.PART_SIZE, upload.path("bytesDone").asLong());
            assertTrue(upload.path("megabytesPerSecond").asDouble() > 0, jsonBody);
            assertTrue(upload.path("secondsLeft").isNumber(), jsonBody);
            assertTrue(text.contains(Omics2DevConsole.bar(new UploadProgress(null, null, 0, 0,
                    upload.path("bytesDone").asLong(), upload.path("bytesTotal").asLong(), 0, null, 0))), text);

            JsonNode parts = line(console, "UploadReadSetPart");
            assertEquals(10.0, parts.path("permitsPerSecond").asDouble(), "the service's own quota for parts");
            assertFalse(parts.path("shared").asBoolean());
            assertFalse(parts.path("onFallback").asBoolean());
            assertTrue(parts.path("permitsLastMinute").asInt() >= 5, "4 parts sent and 1 refused: " + parts);
            assertTrue(parts.path("waitsLastMinute").asInt() >= 1, "parts one after the other wait 100 ms: " + parts);
            assertEquals(50.0, line(console, "StartReadSetImportJob").path("permitsPerSecond").asDouble());

            JsonNode consumer = console.path("consumers").get(0);
            assertEquals(1, console.path("consumers").size(), jsonBody);
            assertEquals(InFlightScene.CONSUMER_ROUTE, consumer.path("routeId").asText());
            assertEquals("success", consumer.path("lastPollOutcome").asText());
            assertEquals(2, consumer.path("lastPollEvents").asInt(), "one event per running job");
            assertEquals(2, consumer.path("eventsEmitted").asInt());
            assertEquals("2025-06-01T12:00:00Z", consumer.path("watermark").asText(), "the oldest running job's creation");
            assertTrue(consumer.path("uri").asText().contains("secretKey=xxxxxx"), consumer.toString());

            for (String body : List.of(jsonBody, text)) {
                assertFalse(body.contains(SECRET_KEY), "the secret key in the console: " + body);
            }
            assertTrue(text.contains("resumed from part 3"), text);
            assertTrue(text.contains("items 0 of 1 done"), text);

            String uploadLine = text.lines().filter(l -> l.contains(upload.path("file").asText())).findFirst()
                    .orElseThrow().strip();
            System.out.println("OBSERVE | console | imports=" + imports.size() + " uploads=" + console.path("uploads").size()
                               + " quotaLines=" + console.path("quotaLines").size() + " consumers="
                               + console.path("consumers").size() + " | " + uploadLine + " | UploadReadSetPart "
                               + parts.path("permitsLastMinute") + " permits, " + parts.path("waitsLastMinute")
                               + " waited | consumer " + consumer.path("eventsEmitted") + " events, watermark "
                               + consumer.path("watermark").asText());
        } finally {
            main.stop();
        }
    }

    private static JsonNode line(JsonNode console, String operation) {
        for (JsonNode line : console.path("quotaLines")) {
            if (line.path("operation").asText().equals(operation)) {
                return line;
            }
        }
        throw new AssertionError("no quota line of " + operation + " in " + console.path("quotaLines"));
    }

    /** The console as the management server answers it, in the media type asked for. */
    private static String get(int port, String accept) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/dev/aws2-omics"))
                        .header("Accept", accept).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
