package io.github.camelomics.examples.camelk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.examples.support.ExampleLauncher;
import io.github.camelomics.examples.support.ImportOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests run on camel-main with camel-kamelet against the embedded emulator: the Integration's route, and the
 * two Pipes, so the import sink starts an import that completes and the job source emits the job's status changes.
 */
class LocalRunTest {

    private static ExampleLauncher launcher() {
        return new ExampleLauncher().emulatorPace(Duration.ofMillis(600), Duration.ofMillis(600));
    }

    @Test
    void theIntegrationsRouteImportsTheSampleIntoOneReadSet() throws Exception {
        ImportOutcome outcome = LocalRun.integration(launcher());

        assertTrue(outcome.completed(), outcome.toString());
        assertEquals(1, outcome.readSetIds().size(), outcome.toString());
    }

    @Test
    void theImportSinkCompletesAJobAndTheJobSourceEmitsEachOfItsStatuses() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        ImportOutcome outcome = LocalRun.pipes(launcher().configure(main -> main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                m.getCamelContext().getManagementStrategy().addEventNotifier(new CompletedIn(LocalRun.EVENTS_PIPE, logged));
            }
        })));

        assertTrue(outcome.completed(), outcome.toString());
        assertEquals(1, outcome.readSetIds().size(), outcome.toString());
        String job = outcome.jobId();
        assertEquals(List.of(job + ":SUBMITTED", job + ":IN_PROGRESS", job + ":COMPLETED"), logged);
    }

    /** Records jobId:status of each exchange a route has completed (in a Pipe: what reached its sink). */
    private static final class CompletedIn extends EventNotifierSupport {
        private final String routeId;
        private final List<String> seen;

        CompletedIn(String routeId, List<String> seen) {
            this.routeId = routeId;
            this.seen = seen;
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeCompletedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            Exchange exchange = ((CamelEvent.ExchangeCompletedEvent) event).getExchange();
            if (routeId.equals(exchange.getFromRouteId())) {
                seen.add(exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID) + ":"
                         + exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
            }
        }
    }
}
