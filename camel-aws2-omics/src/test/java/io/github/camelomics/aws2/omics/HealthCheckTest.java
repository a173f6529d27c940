package io.github.camelomics.aws2.omics;

import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelomics.aws2.omics.support.EmulatorTestSupport.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.support.EmulatorTestSupport.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer health check, as a user turns it on in camel-main, against the emulator: UP when the store answers,
 * DOWN with the AWS error code and message on wrong credentials (the emulator's SigV4 check), an unknown store or an
 * unreachable endpoint.
 */
class HealthCheckTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.credentials(ACCESS_KEY, SECRET_KEY));

    private static List<HealthCheck.Result> producerChecks(Map<String, String> options, boolean producersEnabled)
            throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("aws2-omics:listReadSets");
            }
        });
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.producersEnabled", String.valueOf(producersEnabled));
        main.addInitialProperty("camel.health.exposureLevel", "full"); // else checks that are UP are not listed
        Map.of("region", "us-east-1", "accessKey", ACCESS_KEY, "secretKey", SECRET_KEY, "overrideEndpoint", "true",
                "uriEndpointOverride", EMULATOR.endpoint().toString(), "sequenceStoreId", EMULATOR.sequenceStoreId(),
                "maxAttempts", "1")
                .forEach((k, v) -> main.addInitialProperty("camel.component.aws2-omics." + k, options.getOrDefault(k, v)));
        main.start();
        try {
            return HealthCheckHelper.invoke(main.getCamelContext()).stream()
                    .filter(r -> r.getCheck().getId().startsWith("producer:aws2-omics-"))
                    .toList();
        } finally {
            main.stop();
        }
    }

    private static HealthCheck.Result theCheck(Map<String, String> options) throws Exception {
        List<HealthCheck.Result> results = producerChecks(options, true);
        assertEquals(1, results.size(), results.toString());
        return results.get(0);
    }

    @Test
    void upWhenTheStoreAnswers() throws Exception {
        assertEquals(HealthCheck.State.UP, theCheck(Map.of()).getState());
    }

    @Test
    void downWithTheAwsErrorOnWrongCredentials() throws Exception {
        HealthCheck.Result result = theCheck(Map.of("secretKey", "not-the-secret"));

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElseThrow().startsWith("InvalidSignatureException: "), result.getMessage().orElseThrow());
        assertEquals("InvalidSignatureException", result.getDetails().get(AbstractHealthCheck.SERVICE_ERROR_CODE));
        assertEquals(403, result.getDetails().get(AbstractHealthCheck.SERVICE_STATUS_CODE));
        assertFalse(result.getDetails().toString().contains("not-the-secret"), "no secret in the details");
        assertFalse(result.getMessage().orElseThrow().contains("not-the-secret"), "no secret in the message");
        assertFalse(String.valueOf(result.getError().map(Throwable::getMessage).orElse("")).contains("not-the-secret"),
                "no secret in the error");
    }

    @Test
    void downWithTheAwsErrorForAnUnknownStore() throws Exception {
        HealthCheck.Result result = theCheck(Map.of("sequenceStoreId", "9999999999"));

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertEquals("ResourceNotFoundException", result.getDetails().get(AbstractHealthCheck.SERVICE_ERROR_CODE));
        assertEquals(404, result.getDetails().get(AbstractHealthCheck.SERVICE_STATUS_CODE));
    }

    @Test
    void downWhenTheEndpointIsUnreachable() throws Exception {
        HealthCheck.Result result = theCheck(Map.of("uriEndpointOverride", "http://127.0.0.1:1"));

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElseThrow().startsWith("HealthOmics is not reachable: "), result.getMessage().orElseThrow());
    }

    @Test
    void offUnlessProducerChecksAreEnabled() throws Exception {
        List<HealthCheck.Result> results = producerChecks(Map.of("secretKey", "not-the-secret"), false);

        assertTrue(results.stream().noneMatch(r -> r.getState() == HealthCheck.State.DOWN), results.toString());
    }
}
