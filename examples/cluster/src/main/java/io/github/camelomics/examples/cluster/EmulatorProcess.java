package io.github.camelomics.examples.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulatorMain;

/**
 * The HealthOmics emulator in a process of its own (OmicsEmulatorMain, as the standalone jar runs it): one account,
 * quota shared by every replica, signatures checked. Read from outside through its admin calls.
 */
public final class EmulatorProcess implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDCLUSTEREXAMPLE";
    static final String SECRET_KEY = "cluster-example-secret";
    static final String REGION = "us-east-1";
    static final String STORE = "1234567890";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/OmicsImportRole";

    private static final Pattern LISTENING = Pattern.compile("HealthOmics emulator listening on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildJvm jvm;
    private final URI endpoint;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();

    private EmulatorProcess(ChildJvm jvm, URI endpoint, Path dataDir) {
        this.jvm = jvm;
        this.endpoint = endpoint;
        this.dataDir = dataDir;
    }

    /** Jobs stay SUBMITTED for {@code submitted} and IN_PROGRESS for {@code importing}; {@code rate} requests/s per operation. */
    static EmulatorProcess start(Path dir, double rate, Duration submitted, Duration importing) throws Exception {
        Path dataDir = Files.createDirectories(dir.resolve("s3"));
        ChildJvm jvm = ChildJvm.start("emulator", dir.resolve("emulator.log"), Map.of(),
                OmicsEmulatorMain.class.getName(), "--port", "0", "--data-dir", dataDir.toString(),
                "--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY, "--region", REGION,
                "--sequence-store-id", STORE, "--rate-limit", String.valueOf(rate), "--max-active-jobs", "100000",
                "--submitted-duration", String.valueOf(submitted.toMillis() / 1000.0),
                "--import-duration", String.valueOf(importing.toMillis() / 1000.0), "--no-persistence", "--quiet");
        try {
            URI endpoint = URI.create(jvm.awaitLine(LISTENING, Duration.ofSeconds(60)).group(1));
            return new EmulatorProcess(jvm, endpoint, dataDir);
        } catch (Exception e) {
            jvm.close();
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public long pid() {
        return jvm.pid();
    }

    /** A small gzip FASTQ at {@code s3://bucket/key} of the emulator's local S3 (a file under its data dir). */
    String putFastq(String bucket, String key, int reads) {
        Path file = dataDir.resolve(bucket).resolve(key);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                for (int i = 0; i < reads; i++) {
                    out.write(("@read" + i + "\nACGTACGTACGT\n+\nIIIIIIIIIIII\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "s3://" + bucket + "/" + key;
    }

    /** Requests per operation since the start (throttled ones included), and under "throttled" those refused. */
    public Map<String, Long> requests() {
        JsonNode answer = admin("GET", "requests");
        Map<String, Long> counts = new LinkedHashMap<>();
        answer.path("operations").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        counts.put("throttled", answer.path("throttled").asLong());
        return counts;
    }

    /** Every import job the emulator has, as it keeps them (id, status, sources with their sampleId, ...). */
    public List<JsonNode> jobs() {
        List<JsonNode> jobs = new ArrayList<>();
        admin("GET", "state").path("jobs").forEach(jobs::add);
        return jobs;
    }

    /** Forgets every client token, as a service would days later; returns how many. */
    public int forgetClientTokens() {
        return admin("POST", "client-tokens/forget").path("forgotten").asInt();
    }

    private JsonNode admin(String method, String action) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/_emulator/" + action))
                    .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " /_emulator/" + action + ": " + response.statusCode() + " "
                                                + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
