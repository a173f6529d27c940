package io.github.camelomics.aws2.omics.scaling;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.testing.postgres.PostgresExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelomics.aws2.omics.support.EmulatorTestSupport.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.support.EmulatorTestSupport.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared budget's health check, as a user turns Camel's health checks on in camel-main, with the budget in a real
 * PostgreSQL that is stopped mid-run and started again: calls go on throughout; while the database is away the check
 * stays UP and says degraded, on the fallback, with the database's error code; back, the fallback ends. The check
 * reads the budget's state as the fallback gauge does ({@code SharedBudget.onFallback}: its fallback is set).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedBudgetHealthTest {

    private static final String BUDGET_KEY = "health-test";
    private static final String CHECK = "aws2-omics-budget-" + BUDGET_KEY;
    private static final int CALLS = 4;

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> {
    });

    @Test
    void callsGoOnWhileTheDatabaseIsAwayAndHealthSaysDegradedUntilItIsBack() {
        Main main = new Main();
        main.bind("budgetDatabase", POSTGRES.dataSource());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("aws2-omics:listReadSetImportJobs?maxAttempts=1");
            }
        });
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full"); // else checks that are UP are not listed
        Map.of("region", "us-east-1", "accessKey", ACCESS_KEY, "secretKey", SECRET_KEY, "overrideEndpoint", "true",
                "uriEndpointOverride", EMULATOR.endpoint().toString(), "sequenceStoreId", EMULATOR.sequenceStoreId(),
                "sharedBudget", "true", "dataSource", "#budgetDatabase", "budgetKey", BUDGET_KEY, "requestsPerSecond", "20")
                .forEach((k, v) -> main.addInitialProperty("camel.component.aws2-omics." + k, v));
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            ProducerTemplate template = context.createProducerTemplate();

            int failed = calls(template);
            HealthCheck.Result before = check(context);

            POSTGRES.server().stop();
            int failedDuringOutage = calls(template);
            HealthCheck.Result during = check(context);

            POSTGRES.server().restart();
            failed += failedDuringOutage + calls(template);
            HealthCheck.Result after = check(context);

            assertEquals(0, failed, "no call failed for the budget");
            assertEquals(HealthCheck.State.UP, before.getState());
            assertEquals(false, before.getDetails().get("fallback"));

            Map<String, Object> details = during.getDetails();
            assertEquals(HealthCheck.State.UP, during.getState(), "degraded, not failing: " + during.getMessage());
            assertEquals(true, details.get("fallback"));
            assertEquals(true, details.get("degraded"));
            assertEquals(BUDGET_KEY, details.get("budget.key"));
            assertEquals("08001", details.get("database.error.code"), "SQLState: the database cannot be reached");
            String message = during.getMessage().orElseThrow();
            assertTrue(message.startsWith("The shared request budget's database failed (08001: Connection to 127.0.0.1:"),
                    message);
            assertTrue(during.getError().isEmpty(), "no exception, so no stack trace");
            assertFalse((message + details).contains(SECRET_KEY) || (message + details).contains("\n\tat "),
                    "no secret and no stack frame in the message or the details");

            assertEquals(HealthCheck.State.UP, after.getState());
            assertEquals(false, after.getDetails().get("fallback"));
            assertEquals(false, after.getDetails().get("degraded"));
            assertFalse(after.getDetails().containsKey("database.error.code"), "the database answers again");
            System.out.println("OBSERVE | budget fallback | callsFailed=" + failed + " callsDuringOutage=" + CALLS
                               + " fallbackBefore=" + gauge(before) + " fallbackDuring=" + gauge(during)
                               + " healthDuring=" + during.getState() + " degraded=" + details.get("degraded")
                               + " databaseErrorCode=" + details.get("database.error.code") + " fallbackAfter="
                               + gauge(after) + " healthAfter=" + after.getState());
        } finally {
            main.stop();
        }
    }

    /** CALLS listings, each drawing its permit from the budget; how many failed. */
    private static int calls(ProducerTemplate template) {
        int failed = 0;
        for (int i = 0; i < CALLS; i++) {
            Exchange exchange = template.send("direct:list", e -> { });
            failed += exchange.getException() == null ? 0 : 1;
        }
        return failed;
    }

    private static HealthCheck.Result check(CamelContext context) {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> CHECK.equals(r.getCheck().getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no health check " + CHECK));
    }

    /** The check's fallback detail as the gauge shows it: 1 while on the fallback, else 0. */
    private static int gauge(HealthCheck.Result result) {
        return Boolean.TRUE.equals(result.getDetails().get("fallback")) ? 1 : 0;
    }
}
