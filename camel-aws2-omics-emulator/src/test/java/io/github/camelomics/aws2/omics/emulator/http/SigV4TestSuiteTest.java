package io.github.camelomics.aws2.omics.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.model.Digests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * AWS's published SigV4 test suite (the header-signed cases of awslabs/aws-c-auth, see the README beside the
 * vectors): for each signed request, the canonical request, the string to sign and the signature must be exactly
 * the suite's, and the verifier must accept the request as signed and refuse it under another secret.
 */
class SigV4TestSuiteTest {

    private static final Path SUITE = suiteRoot();

    static Stream<String> vectors() throws IOException {
        try (Stream<Path> dirs = Files.list(SUITE)) {
            List<String> names = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
            if (names.size() < 30) {
                throw new IllegalStateException("the test suite is incomplete: " + names);
            }
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theCanonicalRequestIsTheSuites(String vector) {
        Vector v = Vector.read(SUITE.resolve(vector));

        assertEquals(v.text("header-canonical-request.txt"), v.canonicalRequest());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theStringToSignAndSignatureAreTheSuites(String vector) {
        Vector v = Vector.read(SUITE.resolve(vector));
        SigV4Verifier.Authorization authorization = v.authorization();
        String stringToSign = SigV4.stringToSign(v.request().header("x-amz-date").orElseThrow(),
                SigV4.credentialScope(authorization.date(), authorization.region(), authorization.service()),
                v.canonicalRequest());

        assertEquals(v.text("header-string-to-sign.txt"), stringToSign);
        assertEquals(v.text("header-signature.txt"), SigV4.signature(v.secretAccessKey(), authorization.date(),
                authorization.region(), authorization.service(), stringToSign));
        assertEquals(v.text("header-signature.txt"), authorization.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theVerifierAcceptsTheSignedRequestAtItsTime(String vector) {
        Vector v = Vector.read(SUITE.resolve(vector));
        SigV4Verifier verifier = new SigV4Verifier(new Credentials(v.accessKeyId(), v.secretAccessKey()),
                v.context().path("service").asText(), v::timestamp);

        assertDoesNotThrow(() -> verifier.verify(v.request()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theVerifierRefusesTheSignedRequestUnderAnotherSecret(String vector) {
        Vector v = Vector.read(SUITE.resolve(vector));
        SigV4Verifier verifier = new SigV4Verifier(new Credentials(v.accessKeyId(), v.secretAccessKey() + "x"),
                v.context().path("service").asText(), v::timestamp);

        AuthenticationFailure failure = assertThrows(AuthenticationFailure.class, () -> verifier.verify(v.request()));
        assertEquals(AuthenticationFailure.Reason.INVALID_SIGNATURE, failure.reason());
    }

    /** One directory of the suite: its context and the request parsed from {@code header-signed-request.txt}. */
    private record Vector(Path dir, JsonNode context, IncomingRequest request) {

        static Vector read(Path dir) {
            try {
                JsonNode context = new ObjectMapper().readTree(dir.resolve("context.json").toFile());
                return new Vector(dir, context, parseRequest(Files.readString(dir.resolve("header-signed-request.txt"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text(String file) {
            try {
                return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String accessKeyId() {
            return context.path("credentials").path("access_key_id").asText();
        }

        String secretAccessKey() {
            return context.path("credentials").path("secret_access_key").asText();
        }

        Instant timestamp() {
            return Instant.parse(context.path("timestamp").asText());
        }

        SigV4Verifier.Authorization authorization() {
            return SigV4Verifier.parse(request.header("authorization").orElseThrow());
        }

        String canonicalRequest() {
            String payloadHash = request.header("x-amz-content-sha256").orElse(Digests.sha256Hex(request.body()));
            return SigV4.canonicalRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                    authorization().signedHeaders(), payloadHash);
        }

        /**
         * A request as the suite writes it: the request line, headers (a line that starts with white space
         * continues the header above it), a blank line and the body.
         */
        private static IncomingRequest parseRequest(String text) {
            String[] lines = text.split("\n", -1);
            String requestLine = lines[0];
            String method = requestLine.substring(0, requestLine.indexOf(' '));
            String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/"));
            int question = target.indexOf('?');
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String lastName = null;
            int i = 1;
            for (; i < lines.length && !lines[i].isEmpty(); i++) {
                String line = lines[i];
                if (Character.isWhitespace(line.charAt(0)) && lastName != null) {
                    List<String> values = headers.get(lastName);
                    values.set(values.size() - 1, values.get(values.size() - 1) + " " + line);
                    continue;
                }
                int colon = line.indexOf(':');
                lastName = line.substring(0, colon).toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(lastName, n -> new ArrayList<>()).add(line.substring(colon + 1));
            }
            String body = i + 1 < lines.length ? String.join("\n", List.of(lines).subList(i + 1, lines.length)) : "";
            return new IncomingRequest(method, question < 0 ? target : target.substring(0, question),
                    question < 0 ? null : target.substring(question + 1), headers,
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Path suiteRoot() {
        try {
            return Path.of(SigV4TestSuiteTest.class.getResource("/aws-signing-test-suite/v4").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
