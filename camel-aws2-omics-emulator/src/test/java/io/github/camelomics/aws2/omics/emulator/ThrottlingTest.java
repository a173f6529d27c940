package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.ThrottlingException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-operation rate quota (5 requests per second, as the service's) answers 429 ThrottlingException beyond it. */
class ThrottlingTest {

    private static final int RATE = 5;

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.rateLimitPerSecond(RATE));

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());

    /** Sends {@code count} ListReadSets calls back to back and returns the status of each. */
    private List<Integer> burst(int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()));
                statuses.add(200);
            } catch (ThrottlingException e) {
                statuses.add(e.statusCode());
                assertEquals("Rate exceeded for ListReadSets (5 requests per second)", e.awsErrorDetails().errorMessage());
            }
        }
        return statuses;
    }

    @Test
    void twiceTheRateInABurstIsPartlyThrottled() {
        List<Integer> statuses = burst(2 * RATE);

        assertEquals(List.of(200, 200, 200, 200, 200), statuses.subList(0, RATE), "the first " + RATE + " fit the quota");
        assertTrue(statuses.contains(429), "beyond the quota: " + statuses);
        assertEquals(statuses.stream().filter(status -> status == 429).count(), EMULATOR.throttledRequests(),
                "the emulator counts what it throttled");
    }

    @Test
    void anotherProcessReadsTheCountsAndTheThrottledOverHttp() throws Exception {
        List<Integer> statuses = burst(2 * RATE);
        long throttled = statuses.stream().filter(status -> status == 429).count();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(EMULATOR.endpoint() + "/_emulator/requests")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode counts = new ObjectMapper().readTree(answer.body());
        assertEquals(throttled, counts.path("throttled").asLong());
        assertEquals(2 * RATE, counts.path("operations").path("ListReadSets").asLong(), "throttled ones count too");
        assertEquals(0, counts.path("operations").path("StartReadSetImportJob").asLong());
    }

    @Test
    void eachOperationHasItsOwnQuota() {
        burst(2 * RATE);

        omics.listReadSetImportJobs(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()));
    }

    @Test
    void aResetRefillsTheQuota() {
        burst(2 * RATE);

        EMULATOR.emulator().reset();

        assertEquals(0, EMULATOR.throttledRequests());
        assertFalse(burst(RATE).contains(429));
    }
}
