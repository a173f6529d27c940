package io.github.camelomics.aws2.omics.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelomics.aws2.omics.Omics2Endpoint;
import io.github.camelomics.aws2.omics.internal.client.ClientSettings;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credentials given as plain text, as RAW(...) and as property placeholders never show: not in anything logged at
 * TRACE (every logger of the JVM goes to one file in this test's own surefire execution, see the pom), not in
 * exception messages and stack traces, endpoint URIs, toString of endpoints, routes and client settings. Each run
 * makes a call that succeeds, one the service refuses, one the component refuses, and one that cannot connect.
 */
class SecretsTest {

    static final Path TRACE_LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/reliability/secrets-trace.log"));

    static final Path JUL_LOG = Path.of(System.getProperty("secrets.julLog", "target/secrets-trace-jul.log"));

    static OmicsEmulator emulator;

    private static String read(Path file) throws java.io.IOException {
        return Files.isReadable(file) ? Files.readString(file) : "";
    }
    static final List<String> secrets = new ArrayList<>();
    /** What the component and its users see: exception texts, toString of endpoints, routes and client settings. */
    static final StringBuilder seen = new StringBuilder();
    /** Endpoint.getEndpointUri(): Camel's key of the endpoint, which by Camel's design holds every option. */
    static final StringBuilder endpointKeys = new StringBuilder();
    static long started;

    @BeforeAll
    static void start() {
        started = System.nanoTime();
        // no signature checks: each form has credentials of its own
        emulator = OmicsEmulator.builder().rateLimitPerSecond(0).build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
        String log = read(TRACE_LOG) + read(JUL_LOG);
        // each line of the logs by its origin: this component, or the libraries under it
        StringBuilder ours = new StringBuilder();
        Map<String, StringBuilder> theirs = new LinkedHashMap<>();
        String origin = "AWS SDK and other";
        for (String line : log.lines().toList()) {
            // a line that starts no entry (a multi-line message) belongs to the entry above it
            boolean entry = line.startsWith("[") || line.startsWith("FINE") || line.matches("^[A-Z][a-z]{2} \\d.*");
            origin = entry ? origin(line) : origin;
            if (origin.equals("aws2-omics component")) {
                ours.append(line).append('\n');
            } else {
                theirs.computeIfAbsent(origin, o -> new StringBuilder()).append(line).append('\n');
            }
        }
        long component = count(ours, "component log") + count(seen, "exception messages, toString");
        Map<String, Long> outside = new LinkedHashMap<>();
        theirs.forEach((who, text) -> {
            long n = count(text, who);
            if (n > 0) {
                outside.put(who, n);
            }
        });
        long keys = count(endpointKeys, "Endpoint.getEndpointUri()");
        ReliabilityReport.row("50-secrets", "secrets (plain, RAW(...), placeholders; " + log.lines().count()
                                            + " log lines at TRACE/ALL, " + seen.length() / 1024 + " KB of messages and toString): "
                                            + "leaks by the component 0 expected; outside it, at DEBUG/TRACE only: " + outside
                                            + ", Endpoint.getEndpointUri() " + keys,
                3, "-", "-", "-", "-", "-", "-", component, (System.nanoTime() - started) / 1_000_000);
        assertTrue(log.lines().count() > 100, "the TRACE log was captured: " + TRACE_LOG.toAbsolutePath());
        assertEquals(0, component, "secret values in the component's logs, exception messages or toString");
    }

    /** Who wrote a log line: slf4j-simple names the logger after the level; JUL lines of HttpClient start with FINE. */
    static String origin(String line) {
        java.util.regex.Matcher slf4j = SLF4J_ENTRY.matcher(line);
        String logger = slf4j.find() ? slf4j.group(1) : line;
        if (logger.startsWith("io.github.camelomics.")) {
            return "aws2-omics component";
        }
        if (logger.startsWith("org.apache.camel.")) {
            return "Camel core";
        }
        if (line.contains("http-outgoing") || logger.contains("org.apache.http")) {
            return "Apache HttpClient";
        }
        return "AWS SDK and other";
    }

    /** slf4j-simple: {@code [thread] LEVEL logger - message}; thread names may hold spaces. */
    static final java.util.regex.Pattern SLF4J_ENTRY
            = java.util.regex.Pattern.compile("^\\[.*?\\] (?:TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - ");

    private static long count(CharSequence text, String where) {
        long total = 0;
        for (String secret : secrets) {
            long n = text.toString().split(java.util.regex.Pattern.quote(secret), -1).length - 1L;
            if (n > 0) {
                total += n;
                System.out.println("secret " + secret.substring(0, 4) + "... appears " + n + "x in " + where + ", e.g. "
                                   + leakingLines(text.toString(), secret).get(0));
            }
        }
        return total;
    }

    static List<String> leakingLines(String text, String secret) {
        return text.lines().filter(l -> l.contains(secret)).limit(5).map(l -> l.length() > 300 ? l.substring(0, 300) : l).toList();
    }

    private void exercise(String form, String uriCredentials, Properties properties) throws Exception {
        CamelContext context = new DefaultCamelContext();
        if (properties != null) {
            context.getPropertiesComponent().setInitialProperties(properties);
        }
        String base = "aws2-omics:startReadSetImportJob?region=us-east-1&overrideEndpoint=true&uriEndpointOverride="
                      + emulator.endpoint() + "&sequenceStoreId=" + emulator.sequenceStoreId()
                      + "&roleArn=arn:aws:iam::123456789012:role/OmicsImport&requestsPerSecond=0&maxAttempts=1&"
                      + uriCredentials;
        String unreachable = base.replace(emulator.endpoint().toString(), "http://127.0.0.1:1");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + form).routeId(form).to(base);
                from("direct:" + form + "-down").routeId(form + "-down").to(unreachable);
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        List<Exchange> exchanges = new ArrayList<>();
        exchanges.add(template.send("direct:" + form, e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", "s3://lab-bucket/secret/" + form + ".fastq.gz"),
                "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", form)))));
        emulator.faults().failNext(1, ErrorShape.ACCESS_DENIED);
        exchanges.add(template.send("direct:" + form, e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", "s3://lab-bucket/secret/" + form + "-2.fastq.gz"),
                "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", form + "-2")))));
        exchanges.add(template.send("direct:" + form, e -> e.getMessage().setBody("{\"sources\": 5}")));
        exchanges.add(template.send("direct:" + form + "-down", e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", "s3://lab-bucket/secret/x.fastq.gz"),
                "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "x")))));
        assertEquals(null, exchanges.get(0).getException(), "the call with these credentials succeeds");
        for (Exchange exchange : exchanges) {
            if (exchange.getException() != null) {
                StringWriter trace = new StringWriter();
                exchange.getException().printStackTrace(new PrintWriter(trace));
                seen.append(exchange.getException().getMessage()).append('\n').append(trace).append('\n');
            }
            seen.append(exchange).append('\n').append(exchange.getMessage().getHeaders()).append('\n');
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            endpointKeys.append(endpoint.getEndpointUri()).append('\n');
            seen.append(endpoint.getEndpointBaseUri()).append('\n').append(endpoint).append('\n');
            if (endpoint instanceof Omics2Endpoint omics) {
                seen.append(ClientSettings.of(omics.getConfiguration())).append('\n')
                        .append(omics.getServiceUrl()).append(omics.getServiceMetadata()).append('\n');
            }
        }
        context.getRoutes().forEach(r -> seen.append(r).append(' ').append(r.getEndpoint()).append('\n'));
        context.stop();
    }

    @Test
    void plainText() throws Exception {
        secrets.addAll(List.of("AKIDPLAINTEXT0001", "plainSecretKeyValue0001", "plainSessionTokenValue0001"));
        exercise("plain", "accessKey=AKIDPLAINTEXT0001&secretKey=plainSecretKeyValue0001"
                          + "&sessionToken=plainSessionTokenValue0001&useSessionCredentials=true", null);
    }

    @Test
    void raw() throws Exception {
        secrets.addAll(List.of("AKIDRAW0000000002", "rawSecret+Key/Value&0002", "rawSession+Token/Value=0002"));
        exercise("raw", "accessKey=RAW(AKIDRAW0000000002)&secretKey=RAW(rawSecret+Key/Value&0002)"
                        + "&sessionToken=RAW(rawSession+Token/Value=0002)&useSessionCredentials=true", null);
    }

    @Test
    void propertyPlaceholders() throws Exception {
        secrets.addAll(List.of("AKIDPLACEHOLDER03", "placeholderSecretKey0003", "placeholderSessionToken0003"));
        Properties properties = new Properties();
        properties.setProperty("omics.accessKey", "AKIDPLACEHOLDER03");
        properties.setProperty("omics.secretKey", "placeholderSecretKey0003");
        properties.setProperty("omics.sessionToken", "placeholderSessionToken0003");
        exercise("placeholder", "accessKey={{omics.accessKey}}&secretKey={{omics.secretKey}}"
                                + "&sessionToken={{omics.sessionToken}}&useSessionCredentials=true", properties);
    }
}
