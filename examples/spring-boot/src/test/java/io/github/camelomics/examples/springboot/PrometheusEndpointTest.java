package io.github.camelomics.examples.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.ImportJobFailedException;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.testing.postgres.PostgresServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example with its web server on a random port, its import route left out: a waited import of 3 sources of which
 * 1 fails, an upload of a FASTQ pair and one poll of the status consumer, through the real SDK to the embedded
 * emulator, with the shared request budget on a real PostgreSQL; then GET /actuator/prometheus over HTTP. Every meter
 * the README's "Metrics" table documents must be in the scrape with the value the work above gives it (checked
 * against what reached the emulator where it can be), and every metric the Grafana dashboard queries must be one the
 * scrape publishes. Prints the OBSERVE rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omics.emulator.submitted-duration=0s",
        "omics.emulator.import-duration=0s",
        "camel.component.aws2-omics.poll-interval=50ms",
        // the test imports instead of the example's route, so that every count is known
        "camel.main.route-filter-exclude-pattern=import-sample",
        // the consumer is started once the work is done, and polls once
        "example.events.auto-startup=false",
        "example.events.delay=1h",
        // one request budget per quota line in PostgreSQL, as several instances of the application would share it
        "camel.component.aws2-omics.shared-budget=true" })
class PrometheusEndpointTest {

    private static final Path README = Path.of("../../README.md");
    private static final Path DASHBOARD = Path.of("../grafana/aws2-omics-dashboard.json");

    /** A real PostgreSQL for the shared budget, stopped with the context. */
    @TestConfiguration
    static class SharedBudgetDatabase {

        @Bean(destroyMethod = "close")
        PostgresServer postgres() {
            return PostgresServer.start(Path.of("target/postgres"));
        }

        @Bean
        DataSource omicsDataSource(PostgresServer postgres) {
            return postgres.dataSource();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camelContext;
    @Autowired
    OmicsEmulator emulator;
    @Autowired
    MeterRegistry registry;

    @TempDir
    static Path dir;

    private Instant began;
    private long uploadedBytes;
    private PrometheusScrape scrape;

    @BeforeAll
    void importUploadPollAndScrape() throws Exception {
        began = Instant.now();
        emulator.s3().putFastq("s3://lab-bucket/run3/S1_R1.fastq.gz", 4, 50);
        emulator.s3().putFastq("s3://lab-bucket/run3/S2_R1.fastq.gz", 4, 50);
        // S3's file never arrived: its source fails, the job ends COMPLETED_WITH_FAILURES
        Exchange imported = template.send("aws2-omics:startReadSetImportJob",
                e -> e.getMessage().setBody(List.of(source(1), source(2), source(3))));
        assertInstanceOf(ImportJobFailedException.class, imported.getException());

        Path r1 = sample("NA12878_R1.fastq.gz");
        Path r2 = sample("NA12878_R2.fastq.gz");
        Exchange uploaded = template.request("aws2-omics:uploadReadSet?uploadLedgerDirectory=" + dir.resolve("ledger"),
                e -> {
                    e.getMessage().setBody(r1);
                    e.getMessage().setHeader(Omics2Constants.UPLOAD_SOURCE2, r2);
                    e.getMessage().setHeader(Omics2Constants.SOURCE_FILE_TYPE, "FASTQ");
                    e.getMessage().setHeader(Omics2Constants.SUBJECT_ID, "NA12878");
                    e.getMessage().setHeader(Omics2Constants.SAMPLE_ID, "NA12878-run7");
                });
        assertNull(uploaded.getException());
        uploadedBytes = Files.size(r1) + Files.size(r2);

        camelContext.getRouteController().startRoute("job-events");
        awaitFirstPoll();
        scrape = PrometheusScrape.parse(get("/actuator/prometheus"));
    }

    @Test
    void everyDocumentedMeterIsScrapedWithTheValueTheWorkGaveIt() throws IOException {
        List<DocumentedMeters.Meter> documented = DocumentedMeters.of(README);
        Map<String, Function<PrometheusScrape, String>> checks = checks();
        int present = 0;
        List<String> wrong = new ArrayList<>();
        for (DocumentedMeters.Meter meter : documented) {
            String type = scrape.familyType(meter.name());
            if (type == null) {
                wrong.add(meter.name() + ": not in the scrape");
                continue;
            }
            present++;
            if (!prometheusTypes(meter.type()).contains(type)) {
                wrong.add(meter.name() + ": a " + type + ", documented as a " + meter.type());
            }
            Function<PrometheusScrape, String> check = checks.get(meter.name());
            String problem = check == null ? "documented, but this test expects no value of it" : check.apply(scrape);
            if (problem != null) {
                wrong.add(meter.name() + ": " + problem);
            }
        }
        System.out.println("OBSERVE | prometheus | documented=" + documented.size() + " present=" + present + " wrong="
                           + wrong.size());

        assertEquals(documented.size(), present, wrong.toString());
        assertEquals(List.of(), wrong);
        assertEquals(checks.keySet(), new TreeSet<>(documented.stream().map(DocumentedMeters.Meter::name).toList()),
                "a check for every documented meter, and none for a meter the README does not document");
    }

    @Test
    void everyMetricTheDashboardQueriesIsOneTheScrapePublishes() throws IOException {
        List<String> queries = DashboardQueries.of(DASHBOARD);
        Set<String> used = new TreeSet<>();
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        for (String query : queries) {
            Set<String> names = DashboardQueries.metricNames(query);
            assertTrue(!names.isEmpty(), "a query that selects no metric: " + query);
            used.addAll(names);
            names.removeAll(scrape.sampleNames());
            if (!names.isEmpty()) {
                unknown.put(query, names);
            }
        }
        System.out.println("OBSERVE | dashboard | queries=" + queries.size() + " metrics=" + used.size() + " unknown="
                           + unknown.size());

        assertEquals(Map.of(), unknown, "queries of metrics the scrape does not publish");
    }

    /** What each documented meter must show after the work above: null when it does, else what is wrong. */
    private Map<String, Function<PrometheusScrape, String>> checks() {
        String store = emulator.sequenceStoreId();
        long attempts = 0;
        for (Operation operation : Operation.values()) {
            attempts += emulator.requestCounts().of(operation);
        }
        long allAttempts = attempts;
        long parts = emulator.requestCounts().of(Operation.UPLOAD_READ_SET_PART);
        double lagCeiling = Duration.between(began, Instant.now()).toMillis() / 1000.0 + 1;
        Map<String, Function<PrometheusScrape, String>> checks = new LinkedHashMap<>();
        checks.put("aws2.omics.requests", s -> {
            for (Operation operation : Operation.values()) {
                String problem = expect(s.sum("aws2_omics_requests_total", "operation", operation.modelName(),
                        "outcome", "success"), emulator.requestCounts().of(operation), operation.modelName() + " success");
                if (problem != null) {
                    return problem;
                }
            }
            return expect(s.sum("aws2_omics_requests_total"), allAttempts, "all attempts, every one a success");
        });
        checks.put("aws2.omics.budget.wait", s -> {
            String problem = expect(s.sum("aws2_omics_budget_wait_seconds_count", "shared", "true"), allAttempts,
                    "a shared permit per attempt");
            return problem != null ? problem
                    : s.find("aws2_omics_budget_wait_seconds_bucket").isEmpty() ? "no histogram buckets for the p95" : null;
        });
        checks.put("aws2.omics.budget.fallback",
                s -> expect(s.sum("aws2_omics_budget_fallback", "budget_key", "default"), 0, "PostgreSQL answers"));
        checks.put("aws2.omics.jobs.started",
                s -> expect(s.sum("aws2_omics_jobs_started_total", "family", "import", "store", store), 1, "one job"));
        checks.put("aws2.omics.jobs.ended", s -> all(expect(s.sum("aws2_omics_jobs_ended_total", "status",
                "COMPLETED_WITH_FAILURES"), 1, "COMPLETED_WITH_FAILURES"), expect(s.sum("aws2_omics_jobs_ended_total"),
                1, "jobs ended")));
        checks.put("aws2.omics.job.items.ended", s -> all(expect(s.sum("aws2_omics_job_items_ended_total", "status", "FAILED"),
                1, "failed sources"), expect(s.sum("aws2_omics_job_items_ended_total", "status", "FINISHED"), 2,
                "finished sources")));
        checks.put("aws2.omics.job.items.retried",
                s -> expect(s.sum("aws2_omics_job_items_retried_total", "family", "import"), 0, "no retry asked"));
        checks.put("aws2.omics.jobs.wait", s -> expect(s.sum("aws2_omics_jobs_wait_seconds_count", "status",
                "COMPLETED_WITH_FAILURES"), 1, "one waited request"));
        checks.put("aws2.omics.jobs.waiting",
                s -> expect(s.sum("aws2_omics_jobs_waiting", "family", "import"), 0, "no exchange waits now"));
        checks.put("aws2.omics.upload.bytes",
                s -> expect(s.sum("aws2_omics_upload_bytes_total", "store", store), uploadedBytes, "the files' size"));
        checks.put("aws2.omics.upload.parts", s -> all(expect(s.sum("aws2_omics_upload_parts_total", "outcome", "sent"),
                parts, "parts sent, as the emulator got them"), expect(s.sum("aws2_omics_upload_parts_total"), parts,
                "none skipped or retried")));
        checks.put("aws2.omics.uploads.active",
                s -> expect(s.sum("aws2_omics_uploads_active", "store", store), 0, "the upload is over"));
        checks.put("aws2.omics.uploads.ended",
                s -> expect(s.sum("aws2_omics_uploads_ended_total", "status", "ACTIVE"), 1, "one read set ACTIVE"));
        checks.put("aws2.omics.consumer.polls", s -> all(expect(s.sum("aws2_omics_consumer_polls_total", "outcome",
                "success"), 1, "one poll"), expect(s.sum("aws2_omics_consumer_polls_total"), 1, "no failed poll")));
        checks.put("aws2.omics.consumer.events", s -> all(expect(s.sum("aws2_omics_consumer_events_total", "status",
                "COMPLETED_WITH_FAILURES"), 1, "the import's end"), expect(s.sum("aws2_omics_consumer_events_total"), 1,
                "one job, seen once")));
        checks.put("aws2.omics.consumer.lag", s -> {
            double lag = s.sum("aws2_omics_consumer_lag_seconds", "store", store);
            return lag >= 0 && lag <= lagCeiling ? null
                    : "lag " + lag + " s, expected 0 to " + lagCeiling + " s (the job was created after the test began)";
        });
        return checks;
    }

    private static String expect(double actual, double expected, String what) {
        return actual == expected ? null : what + ": " + actual + ", expected " + expected;
    }

    /** The problems found, joined; null when there is none. */
    private static String all(String... problems) {
        List<String> found = Arrays.stream(problems).filter(Objects::nonNull).toList();
        return found.isEmpty() ? null : String.join("; ", found);
    }

    /** A timer is a summary, or a histogram once it publishes buckets. */
    private static Set<String> prometheusTypes(String documented) {
        return documented.equals("timer") ? Set.of("summary", "histogram") : Set.of(documented);
    }

    private static Map<String, Object> source(int sample) {
        return Map.of("sourceFiles", Map.of("source1", "s3://lab-bucket/run3/S" + sample + "_R1.fastq.gz"),
                "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S" + sample);
    }

    /** The example's sample file, copied where the upload reads it. */
    private Path sample(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("samples/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    private void awaitFirstPoll() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (registry.find("aws2.omics.consumer.polls").counters().stream().mapToDouble(c -> c.count()).sum() < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the status consumer did not poll within 20 s");
            }
            Thread.sleep(20);
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
