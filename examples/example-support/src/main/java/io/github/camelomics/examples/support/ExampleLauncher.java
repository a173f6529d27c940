package io.github.camelomics.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.camelomics.aws2.omics.Omics2Constants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Runs an example's routes on camel-main, configured by its {@code application.properties}, until the import has
 * ended, and says how it ended.
 * <p>
 * By default it first starts the {@link SampleEmulator} and overrides the connection, store, role and sample locations
 * with the emulator's. With {@code example.emulator=false} (system property, environment variable
 * {@code EXAMPLE_EMULATOR}, or {@code application.properties}, in that order) it starts nothing and the example talks
 * to AWS with what {@code application.properties} resolves (region, credentials, store, role, sources).
 * <p>
 * The run ends when the route {@value #ROUTE_ID} has finished an exchange that reports a job that has ended (header
 * {@code CamelAwsOmicsImportJobStatus} terminal), or when it fails; {@link #untilEnded(String...)} names other routes
 * that must each report one (a route that imports and a route that follows job events, say).
 */
public final class ExampleLauncher {

    public static final String EMULATOR_SWITCH = "example.emulator";
    /** The id of every example's import route. */
    public static final String ROUTE_ID = "import-sample";

    private static final Set<String> ENDED = Set.of("COMPLETED", "COMPLETED_WITH_FAILURES", "FAILED", "CANCELLED");

    private final List<Consumer<Main>> setup = new ArrayList<>();
    private final List<Consumer<SampleEmulator>> staging = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Duration submitted = Duration.ofSeconds(1);
    private Duration importing = Duration.ofSeconds(5);
    private Set<String> reportingRoutes = Set.of(ROUTE_ID);

    /** For an example whose routes are named in application.properties ({@code camel.main.routesIncludePattern}). */
    public static void main(String[] args) throws Exception {
        System.exit(new ExampleLauncher().run().completed() ? 0 : 1);
    }

    /** Adds routes or other set-up to camel-main before it runs. */
    public ExampleLauncher configure(Consumer<Main> step) {
        setup.add(step);
        return this;
    }

    /** Stages more files in the emulator once it runs, before Camel starts (nothing when the example talks to AWS). */
    public ExampleLauncher onEmulator(Consumer<SampleEmulator> step) {
        staging.add(step);
        return this;
    }

    /** A property with the precedence of application.properties' defaults (application.properties wins). */
    public ExampleLauncher property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** How long the emulator keeps a job SUBMITTED and IN_PROGRESS (1 s and 5 s by default, to watch it happen). */
    public ExampleLauncher emulatorPace(Duration submitted, Duration importing) {
        this.submitted = submitted;
        this.importing = importing;
        return this;
    }

    /** The routes that must each report an ended job before the run ends ({@value #ROUTE_ID} by default). */
    public ExampleLauncher untilEnded(String... routeIds) {
        this.reportingRoutes = Set.of(routeIds);
        return this;
    }

    public ImportOutcome run() throws Exception {
        if (!emulatorEnabled()) {
            return runCamel(Map.of());
        }
        try (SampleEmulator emulator = SampleEmulator.start(submitted, importing)) {
            System.out.println("HealthOmics emulator running at " + emulator.endpoint());
            staging.forEach(step -> step.accept(emulator));
            return runCamel(emulator.properties());
        }
    }

    private ImportOutcome runCamel(Map<String, String> overrides) throws Exception {
        Main main = new Main();
        setup.forEach(step -> step.accept(main));
        properties.forEach(main::addInitialProperty);
        overrides.forEach(main::addOverrideProperty);
        OutcomeRecorder recorder = new OutcomeRecorder(main, reportingRoutes);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                m.getCamelContext().getManagementStrategy().addEventNotifier(recorder);
            }
        });
        main.run();
        ImportOutcome outcome = recorder.first.get();
        if (outcome == null) {
            throw new IllegalStateException("Camel stopped before any exchange reported an import job");
        }
        return outcome;
    }

    static boolean emulatorEnabled() {
        String value = System.getProperty(EMULATOR_SWITCH);
        if (value == null) {
            value = System.getenv("EXAMPLE_EMULATOR");
        }
        if (value == null) {
            value = applicationProperties().getProperty(EMULATOR_SWITCH);
        }
        return value == null || !"false".equalsIgnoreCase(value.trim());
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = ExampleLauncher.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Keeps the first report of an ended job (or failure) and ends the run once every route has reported. */
    private static final class OutcomeRecorder extends EventNotifierSupport {

        private final Main main;
        private final Set<String> waitingFor;
        private final AtomicReference<ImportOutcome> first = new AtomicReference<>();

        OutcomeRecorder(Main main, Set<String> routeIds) {
            this.main = main;
            this.waitingFor = ConcurrentHashMap.newKeySet();
            this.waitingFor.addAll(routeIds);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            Exchange exchange = ((ExchangeEvent) event).getExchange();
            Message message = exchange.getMessage();
            String status = message.getHeader(Omics2Constants.IMPORT_JOB_STATUS, String.class);
            if (exchange.getException() == null && !ENDED.contains(status)
                || !waitingFor.contains(exchange.getFromRouteId())) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<String> readSets = message.getHeader(Omics2Constants.READ_SET_IDS, List.class);
            first.compareAndSet(null, new ImportOutcome(message.getHeader(Omics2Constants.IMPORT_JOB_ID, String.class),
                    status, readSets, exchange.getException()));
            waitingFor.remove(exchange.getFromRouteId());
            if (exchange.getException() != null || waitingFor.isEmpty()) {
                main.completed();
            }
        }
    }
}
