package io.github.camelomics.aws2.omics;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.omics.OmicsClient;

import static io.github.camelomics.aws2.omics.support.EmulatorTestSupport.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.support.EmulatorTestSupport.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's health check as a user turns Camel's health checks on in camel-main, against the emulator. Its polls
 * fail while the client signs with a key the service refuses (its credentials provider hands out a wrong secret, then
 * the right one again, as a rotated key would): the check is DOWN once healthCheckErrorThreshold polls in a row have
 * failed, naming the AWS error code, UP again after one good poll, and readiness follows it. The test runs each poll
 * itself (startScheduler=false), so the counts are exact.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConsumerHealthTest {

    private static final String ROUTE = "import-events";
    private static final String CHECK = "consumer:" + ROUTE;
    private static final String WRONG_SECRET = "not-the-secret";

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> {
    });

    private final AtomicReference<String> secret = new AtomicReference<>(SECRET_KEY);
    private OmicsClient client;
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        if (client != null) {
            client.close();
        }
    }

    /** camel-main with health checks on and the consumer's route, polling only when the test says. */
    private ScheduledPollConsumer consumer(String options) {
        client = OmicsClient.builder()
                .region(Region.of(EMULATOR.emulator().region()))
                .endpointOverride(EMULATOR.endpoint())
                .credentialsProvider(() -> AwsBasicCredentials.create(ACCESS_KEY, secret.get()))
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
        main = new Main();
        main.bind("rotatingClient", client);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-omics:listReadSetImportJobs?startScheduler=false&omicsClient=#rotatingClient" + options)
                        .routeId(ROUTE).to("log:events?level=OFF");
            }
        });
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.addInitialProperty("camel.component.aws2-omics.sequenceStoreId", EMULATOR.sequenceStoreId());
        main.start();
        return (ScheduledPollConsumer) context().getRoute(ROUTE).getConsumer();
    }

    private CamelContext context() {
        return main.getCamelContext();
    }

    /** The consumer's check, as a readiness probe asks it. */
    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context()).stream()
                .filter(r -> CHECK.equals(r.getCheck().getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no health check " + CHECK));
    }

    private boolean ready() {
        return HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(context()), true);
    }

    @Test
    void downAfterTheConfiguredFailedPollsInARowNamingTheAwsErrorAndUpAfterAGoodPoll() {
        ScheduledPollConsumer consumer = consumer("&healthCheckErrorThreshold=3");
        consumer.run();
        assertEquals(HealthCheck.State.UP, readiness().getState(), "a good first poll");

        secret.set(WRONG_SECRET);
        int downAfterPolls = 0;
        HealthCheck.Result result = null;
        for (int poll = 1; poll <= 5 && downAfterPolls == 0; poll++) {
            consumer.run();
            result = readiness();
            if (result.getState() == HealthCheck.State.DOWN) {
                downAfterPolls = poll;
            } else {
                assertEquals(HealthCheck.State.UP, result.getState());
                String below = result.getMessage().orElseThrow();
                assertTrue(below.startsWith(poll + " of 3 polls in a row failed, the last with InvalidSignatureException: "),
                        below);
                assertEquals((long) poll, result.getDetails().get(HealthCheck.FAILURE_ERROR_COUNT));
            }
        }
        boolean readyWhileDown = ready();

        assertEquals(3, downAfterPolls, "DOWN at the third failed poll in a row");
        assertFalse(readyWhileDown, "readiness follows the consumer");
        Map<String, Object> details = result.getDetails();
        assertEquals("InvalidSignatureException", details.get(AbstractHealthCheck.SERVICE_ERROR_CODE));
        assertEquals(403, details.get(AbstractHealthCheck.SERVICE_STATUS_CODE));
        assertEquals(3L, details.get(HealthCheck.FAILURE_ERROR_COUNT));
        assertEquals(3, details.get(ImportJobStatusHealthCheck.FAILURE_ERROR_THRESHOLD));
        String message = result.getMessage().orElseThrow();
        assertTrue(message.startsWith("Consumer failed polling 3 times route: " + ROUTE) && message.contains(
                ": InvalidSignatureException: "), message);
        assertTrue(result.getError().isEmpty(), "no exception, so no stack trace: " + result.getError());
        assertFalse((message + details).contains(WRONG_SECRET) || (message + details).contains(SECRET_KEY),
                "no secret in the message or the details");

        secret.set(SECRET_KEY);
        int upAfterPolls = 0;
        for (int poll = 1; poll <= 3 && upAfterPolls == 0; poll++) {
            consumer.run();
            upAfterPolls = readiness().getState() == HealthCheck.State.UP ? poll : 0;
        }

        assertEquals(1, upAfterPolls, "UP after the first good poll");
        assertTrue(ready(), "ready again");
        assertFalse(readiness().getDetails().containsKey(AbstractHealthCheck.SERVICE_ERROR_CODE), "the failure is gone");
        System.out.println("OBSERVE | consumer health | threshold=3 downAfterPolls=" + downAfterPolls + " upAfterPolls="
                           + upAfterPolls + " errorCode=" + details.get(AbstractHealthCheck.SERVICE_ERROR_CODE)
                           + " status=" + details.get(AbstractHealthCheck.SERVICE_STATUS_CODE) + " readyWhileDown="
                           + readyWhileDown + " stackTrace=" + result.getError().isPresent());
    }

    @Test
    void byDefaultTheFirstFailedPollIsDownAsInCamel() {
        ScheduledPollConsumer consumer = consumer("");
        secret.set(WRONG_SECRET);

        consumer.run();

        HealthCheck.Result result = readiness();
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertEquals("InvalidSignatureException", result.getDetails().get(AbstractHealthCheck.SERVICE_ERROR_CODE));
        assertEquals(1, result.getDetails().get(ImportJobStatusHealthCheck.FAILURE_ERROR_THRESHOLD));
    }

    @Test
    void downBeforeTheFirstPollForReadinessAsCamelsConsumerChecks() {
        consumer("");

        HealthCheck.Result result = readiness();

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElseThrow().startsWith("Consumer has not yet polled route: " + ROUTE),
                result.getMessage().orElseThrow());
    }
}
