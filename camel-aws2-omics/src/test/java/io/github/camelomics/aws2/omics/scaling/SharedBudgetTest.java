package io.github.camelomics.aws2.omics.scaling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.aws2.omics.support.Replica;
import io.github.camelomics.testing.postgres.PostgresExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.services.omics.model.ThrottlingException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas (two Camel contexts, each with its own component and client) call one operation of one account, which
 * the emulator allows 5 times a second (burst 5), as the service does. With the budget shared in PostgreSQL they stay
 * within it together; each pacing only itself, they send twice the quota and are throttled. One attempt per call: a
 * throttled request fails its exchange, so the exchanges and the emulator's count say the same.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedBudgetTest {

    private static final int RATE = 5;
    private static final int CALLS = 20;
    private static final String LIST = "aws2-omics:listReadSetImportJobs?maxAttempts=1";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> b.rateLimitPerSecond(RATE));

    private static Consumer<Omics2Configuration> sharedBudget(DataSource dataSource) {
        return c -> {
            c.setRequestsPerSecond(RATE);
            c.setSharedBudget(true);
            c.setDataSource(dataSource);
        };
    }

    @Test
    void replicasSharingTheBudgetStayWithinTheQuotaTogether() throws Exception {
        DataSource dataSource = POSTGRES.dataSource();
        try (Replica a = Replica.start(EMULATOR, sharedBudget(dataSource));
             Replica b = Replica.start(EMULATOR, sharedBudget(dataSource))) {
            long start = System.nanoTime();
            List<Exchange> exchanges = burst(a, b);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("shared budget: " + CALLS + " calls in " + took + ", throttled " + EMULATOR.throttledRequests());

            assertEquals(0, EMULATOR.throttledRequests(), "the emulator throttled nothing");
            assertEquals(List.of(), failures(exchanges));
            // one permit at once, then one every 200 ms: 19 intervals for 20 calls
            Duration least = Duration.ofMillis((CALLS - 1) * 1000L / RATE);
            assertTrue(took.compareTo(least.minusMillis(150)) >= 0, CALLS + " calls took " + took + ", at least " + least);
            assertTrue(took.compareTo(least.plusMillis(1500)) <= 0, CALLS + " calls took " + took + ", about " + least);
        }
    }

    @Test
    void replicasPacingOnlyThemselvesAreThrottled() throws Exception {
        try (Replica a = Replica.start(EMULATOR, c -> c.setRequestsPerSecond(RATE));
             Replica b = Replica.start(EMULATOR, c -> c.setRequestsPerSecond(RATE))) {
            List<Exchange> exchanges = burst(a, b);

            long throttled = exchanges.stream().filter(e -> e.getException() instanceof ThrottlingException).count();
            System.out.println("local paces: " + throttled + " of " + CALLS + " throttled");
            assertTrue(throttled >= 3, "10 requests a second against 5: " + throttled + " of " + CALLS + " throttled");
            assertEquals(throttled, EMULATOR.throttledRequests());
        }
    }

    @Test
    void aCallThatCannotHaveAPermitWithinItsAttemptTimeoutEndsAsAnAttemptThatOverran() throws Exception {
        try (Replica a = Replica.start(EMULATOR, sharedBudget(POSTGRES.dataSource()).andThen(c -> {
            c.setRequestsPerSecond(0.5);
            c.setBudgetKey("slow-account"); // a line of its own: a line's stored rate is only ever raised
        }))) {
            assertNull(a.send(LIST, null).getException(), "the line's one permit, taken");

            // another client (its own timeout) on the same line: the next permit is 2 s away
            long start = System.nanoTime();
            Exchange second = a.send(LIST + "&apiCallAttemptTimeout=300", null);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertInstanceOf(ApiCallAttemptTimeoutException.class, second.getException());
            assertTrue(took.toMillis() >= 250 && took.toMillis() < 1500, "it waited for its attempt timeout: " + took);
        }
    }

    /** CALLS listings at once, half from each replica, from four threads each. */
    private static List<Exchange> burst(Replica a, Replica b) throws Exception {
        // made before the clock starts: endpoints, clients and the SDK's first-call set-up
        a.endpoint(LIST);
        b.endpoint(LIST);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                Replica replica = i % 2 == 0 ? a : b;
                sent.add(pool.submit(() -> replica.send(LIST, null)));
            }
            List<Exchange> exchanges = new ArrayList<>();
            for (Future<Exchange> exchange : sent) {
                exchanges.add(exchange.get(30, TimeUnit.SECONDS));
            }
            return exchanges;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> failures(List<Exchange> exchanges) {
        return exchanges.stream().filter(e -> e.getException() != null).map(e -> e.getException().toString()).toList();
    }
}
