package io.github.camelomics.aws2.omics.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SigV4 as AWS specifies it, checked over HTTP with requests signed by the AWS SDK's signer and then changed on the
 * way: only the headers the client listed in SignedHeaders count, the body is covered, the credential scope must
 * name the request's date and service {@code omics}, and on the system clock a request must be signed within 15
 * minutes of now. Each refusal is 403 with AWS's code and message.
 */
class SigV4VerificationTest {

    private static final AwsCredentialsIdentity KEY = AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY);
    /** SHA-256 of {@code {}}, the body of a List call without a filter. */
    private static final String EMPTY_OBJECT_SHA256 = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.credentials(ACCESS_KEY, SECRET_KEY));

    /** The default clock is the system clock: then the request time is checked against it. */
    @AutoClose
    static final OmicsEmulator ON_SYSTEM_CLOCK = OmicsEmulator.builder().credentials(ACCESS_KEY, SECRET_KEY)
            .rateLimitPerSecond(0).build().start();

    private static SdkSignedRequest signed(Map<String, String> extraSignedHeaders) {
        return SdkSignedRequest.listJobs(EMULATOR.endpoint(), KEY, "omics", Instant.now(), extraSignedHeaders);
    }

    private static void assertRefused(HttpResponse<String> response, String code, String message) throws Exception {
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals(403, response.statusCode(), response.body());
        assertEquals(code, response.headers().firstValue("x-amzn-ErrorType").orElse(""));
        assertEquals(code, body.path("__type").asText());
        assertEquals(message, body.path("message").asText());
    }

    private static void assertSignatureMismatch(HttpResponse<String> response) throws Exception {
        assertEquals(403, response.statusCode(), response.body());
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals("InvalidSignatureException", body.path("__type").asText());
        assertTrue(body.path("message").asText().startsWith("The request signature we calculated does not match"),
                body.path("message").asText());
    }

    @Test
    void theHeadersTheClientChoseToSignAreVerifiedAndOthersAddedOnTheWayAreIgnored() {
        HttpResponse<String> response = signed(Map.of("X-Pipeline-Run", "  run   42  "))
                .header("X-Added-By-A-Proxy", "anything").send();

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aSignedHeaderChangedOnTheWayIsRefused() throws Exception {
        assertSignatureMismatch(signed(Map.of("X-Pipeline-Run", "run 42")).header("X-Pipeline-Run", "run 43").send());
    }

    @Test
    void aSignedHeaderDroppedOnTheWayIsRefused() throws Exception {
        assertSignatureMismatch(signed(Map.of("X-Pipeline-Run", "run 42")).withoutHeader("X-Pipeline-Run").send());
    }

    @Test
    void aBodyChangedOnTheWayIsRefusedWhenTheClientSignedItsHashInAHeader() throws Exception {
        SdkSignedRequest request = signed(Map.of());
        assertEquals(EMPTY_OBJECT_SHA256, request.firstHeader("x-amz-content-sha256"), "the SDK sends the body's hash");

        assertSignatureMismatch(request.withoutHeader("x-amz-content-sha256").body("{\"maxResults\":1}").send());
    }

    @Test
    void aSignatureMismatchShowsTheCanonicalRequestAndStringToSignTheEmulatorExpected() throws Exception {
        SdkSignedRequest request = signed(Map.of()).header("Content-Type", "text/plain");
        String amzDate = request.firstHeader("X-Amz-Date");

        JsonNode body = new ObjectMapper().readTree(request.send().body());

        String message = body.path("message").asText();
        assertTrue(message.contains("\n\nThe Canonical String for this request should have been\n'POST\n"
                + "/sequencestore/1234567890/importjobs\nmaxResults=2\ncontent-type:text/plain\nhost:127.0.0.1:"
                + EMULATOR.emulator().port() + "\nx-amz-content-sha256:" + EMPTY_OBJECT_SHA256 + "\nx-amz-date:" + amzDate
                + "\n\ncontent-type;host;x-amz-content-sha256;x-amz-date\n"
                + EMPTY_OBJECT_SHA256 + "'\n\n"
                + "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n" + amzDate + "\n" + amzDate.substring(0, 8)
                + "/us-east-1/omics/aws4_request\n"), message);
    }

    @Test
    void aSessionTokenNeverAppearsInTheAnswer() throws Exception {
        String token = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN0001";
        SdkSignedRequest request = SdkSignedRequest.listJobs(EMULATOR.endpoint(),
                AwsSessionCredentialsIdentity.create(ACCESS_KEY, "not-the-secret", token), "omics", Instant.now(), Map.of());

        HttpResponse<String> response = request.send();

        assertSignatureMismatch(response);
        assertTrue(response.body().contains("x-amz-security-token:****"), response.body());
        assertFalse(response.body().contains(token), response.body());
    }

    @Test
    void aCredentialScopedToAnotherServiceIsRefused() throws Exception {
        assertRefused(SdkSignedRequest.listJobs(EMULATOR.endpoint(), KEY, "s3", Instant.now(), Map.of()).send(),
                "InvalidSignatureException", "Credential should be scoped to correct service: 'omics'. ");
    }

    @Test
    void aCredentialScopeDateThatIsNotTheRequestDateIsRefused() throws Exception {
        Instant now = Instant.now();
        String nextDay = AMZ_DATE.format(now.plus(Duration.ofDays(1)));

        HttpResponse<String> response = signed(Map.of()).header("X-Amz-Date", nextDay).send();

        assertRefused(response, "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from "
                + "ISO-8601 version of date from HTTP: '" + AMZ_DATE.format(now).substring(0, 8) + "' != '"
                + nextDay.substring(0, 8) + "', from '" + nextDay + "'.");
    }

    @Test
    void anAuthorizationHeaderWithoutItsPartsIsAnIncompleteSignature() throws Exception {
        SdkSignedRequest request = signed(Map.of());
        String authorization = request.firstHeader("Authorization");

        HttpResponse<String> response = request.header("Authorization",
                authorization.substring(0, authorization.indexOf(", SignedHeaders="))).send();

        assertRefused(response, "IncompleteSignatureException",
                "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.");
    }

    @Test
    void aPayloadHashHeaderThatIsNotTheBodysIsRefused() throws Exception {
        SdkSignedRequest request = signed(Map.of()).body("{ }");

        assertRefused(request.send(), "InvalidSignatureException",
                "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    /** A request signed at {@code signedAt}, sent to the emulator on the system clock. */
    private static HttpResponse<String> signedOnTheSystemClock(Instant signedAt) {
        return SdkSignedRequest.listJobs(ON_SYSTEM_CLOCK.endpoint(), KEY, "omics", signedAt, Map.of()).send();
    }

    /**
     * Asserts an InvalidSignatureException whose message is {@code prefix + signedAt}, then a bound and the
     * emulator's time, the bound being that time {@code sign} 15 minutes.
     */
    private static void assertSkewRefused(HttpResponse<String> response, Instant signedAt, String prefix,
                                          String relation, char sign) throws Exception {
        String message = new ObjectMapper().readTree(response.body()).path("message").asText();
        assertEquals(403, response.statusCode());
        assertEquals("InvalidSignatureException", response.headers().firstValue("x-amzn-ErrorType").orElse(""));
        Matcher parts = Pattern.compile(Pattern.quote(prefix
                + AMZ_DATE.format(signedAt) + " " + relation + " ") + "(\\d{8}T\\d{6}Z) \\((\\d{8}T\\d{6}Z) "
                + Pattern.quote(sign + " 15 min.)")).matcher(message);
        assertTrue(parts.matches(), message);
        Instant now = AMZ_DATE.parse(parts.group(2), Instant::from);
        Duration skew = Duration.ofMinutes(sign == '-' ? -15 : 15);
        assertEquals(AMZ_DATE.format(now.plus(skew)), parts.group(1));
    }

    @Test
    void onTheSystemClockARequestSignedWithinFifteenMinutesIsServed() {
        HttpResponse<String> response = signedOnTheSystemClock(Instant.now().minus(Duration.ofMinutes(14)));

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void onTheSystemClockARequestSignedMoreThanFifteenMinutesAgoHasExpired() throws Exception {
        Instant signedAt = Instant.now().minus(Duration.ofMinutes(16));

        assertSkewRefused(signedOnTheSystemClock(signedAt), signedAt, "Signature expired: ", "is now earlier than", '-');
    }

    @Test
    void onTheSystemClockARequestSignedMoreThanFifteenMinutesAheadIsNotYetCurrent() throws Exception {
        Instant signedAt = Instant.now().plus(Duration.ofMinutes(16));

        assertSkewRefused(signedOnTheSystemClock(signedAt), signedAt, "Signature not yet current: ",
                "is still later than", '+');
    }

    @Test
    void onASettableClockTheRequestTimeIsNotChecked() {
        // the extension's clock stands at 2025-06-01; a request signed a year away from it is still served
        HttpResponse<String> response = SdkSignedRequest.listJobs(EMULATOR.endpoint(), KEY, "omics",
                OmicsEmulatorExtension.DEFAULT_START.plus(Duration.ofDays(365)), Map.of()).send();

        assertEquals(200, response.statusCode(), response.body());
    }
}
