package io.github.camelomics.aws2.omics.emulator.http;

import io.github.camelomics.aws2.omics.emulator.http.AuthenticationFailure.Reason;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks a request's SigV4 {@code Authorization} header the way AWS does: it rebuilds the canonical request from
 * what arrived, with exactly the headers the client named in {@code SignedHeaders} (whatever set the client chose),
 * derives the signature with the one known secret and compares. Before that it checks the credential scope (its date
 * is the request's date, its service is this service, any region) and, when given the real time, that the request
 * was signed within 15 minutes of it. Each refusal carries AWS's error code and, where AWS's wording is known, its
 * message.
 */
public final class SigV4Verifier {

    /** The signing name of HealthOmics. */
    public static final String OMICS = "omics";
    /** How far the request time may be from the real time, either way. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";
    static final String UNKNOWN_KEY = "The security token included in the request is invalid.";
    static final String MISSING_TOKEN = "Missing Authentication Token";

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String SECURITY_TOKEN = "x-amz-security-token";

    private final Credentials credentials;
    private final String service;
    private final Supplier<Instant> realTime;

    /** Checks signatures for service {@code omics} without a clock-skew check. */
    public SigV4Verifier(Credentials credentials) {
        this(credentials, OMICS, null);
    }

    /**
     * @param service  the signing name the credential scope must name
     * @param realTime the real time to check the request date against, or {@code null} not to check it (an
     *                 emulator on a test clock must accept clients that sign with the real time)
     */
    public SigV4Verifier(Credentials credentials, String service, Supplier<Instant> realTime) {
        this.credentials = credentials;
        this.service = service;
        this.realTime = realTime;
    }

    /** The parts of an {@code AWS4-HMAC-SHA256} {@code Authorization} header. */
    record Authorization(String accessKeyId, String date, String region, String service, String terminator,
                         List<String> signedHeaders, String signature) {
    }

    /**
     * @throws AuthenticationFailure when the request is unsigned, signed wrongly, with another key, for another
     *                               service or at another time
     */
    public void verify(IncomingRequest request) {
        String header = request.header("authorization").orElseThrow(
                () -> new AuthenticationFailure(Reason.MISSING_AUTHENTICATION_TOKEN, MISSING_TOKEN));
        Authorization authorization = parse(header);
        String amzDate = requestDate(request);
        checkScope(authorization, amzDate);
        if (realTime != null) {
            checkSkew(amzDate, realTime.get());
        }
        if (!credentials.accessKeyId().equals(authorization.accessKeyId())) {
            throw new AuthenticationFailure(Reason.UNRECOGNIZED_CLIENT, UNKNOWN_KEY);
        }
        String payloadHash = payloadHash(request);
        String canonicalRequest = SigV4.canonicalRequest(request.method(), request.rawPath(), request.rawQuery(),
                request.headers(), authorization.signedHeaders(), payloadHash);
        String stringToSign = SigV4.stringToSign(amzDate,
                SigV4.credentialScope(authorization.date(), authorization.region(), authorization.service()),
                canonicalRequest);
        String expected = SigV4.signature(credentials.secretAccessKey(), authorization.date(), authorization.region(),
                authorization.service(), stringToSign);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new AuthenticationFailure(Reason.INVALID_SIGNATURE, SIGNATURE_MISMATCH
                    + "\n\nThe Canonical String for this request should have been\n'"
                    + withoutSecurityToken(canonicalRequest, request)
                    + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
        }
    }

    static Authorization parse(String header) {
        if (!header.startsWith(SigV4.ALGORITHM + " ")) {
            throw new AuthenticationFailure(Reason.INCOMPLETE_SIGNATURE,
                    "Unsupported Authorization type: only " + SigV4.ALGORITHM + " signatures are accepted");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : header.substring(SigV4.ALGORITHM.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (parts.getOrDefault(required, "").isEmpty()) {
                missing.add("Authorization header requires '" + required + "' parameter.");
            }
        }
        if (!missing.isEmpty()) {
            throw new AuthenticationFailure(Reason.INCOMPLETE_SIGNATURE, String.join(" ", missing));
        }
        String[] credential = parts.get("Credential").split("/", -1);
        if (credential.length != 5) {
            throw new AuthenticationFailure(Reason.INCOMPLETE_SIGNATURE, "Credential must have the form "
                    + "ACCESS_KEY_ID/yyyyMMdd/REGION/SERVICE/" + SigV4.TERMINATOR);
        }
        List<String> signedHeaders = List.of(parts.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        return new Authorization(credential[0], credential[1], credential[2], credential[3], credential[4],
                signedHeaders, parts.get("Signature"));
    }

    /** {@code X-Amz-Date}, or else the {@code Date} header turned into the same basic ISO-8601 form. */
    private static String requestDate(IncomingRequest request) {
        var amzDate = request.header("x-amz-date");
        if (amzDate.isPresent()) {
            try {
                LocalDateTime.parse(amzDate.get(), AMZ_DATE);
                return amzDate.get();
            } catch (DateTimeParseException e) {
                throw new AuthenticationFailure(Reason.INCOMPLETE_SIGNATURE, "X-Amz-Date must be in the ISO-8601 "
                        + "basic format yyyyMMdd'T'HHmmss'Z', not '" + amzDate.get() + "'");
            }
        }
        var date = request.header("date");
        if (date.isPresent()) {
            try {
                return AMZ_DATE.format(ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .withZoneSameInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw new AuthenticationFailure(Reason.INCOMPLETE_SIGNATURE,
                        "Date must be an RFC 1123 date, not '" + date.get() + "'");
            }
        }
        throw new AuthenticationFailure(Reason.INCOMPLETE_SIGNATURE,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    private void checkScope(Authorization authorization, String amzDate) {
        if (!SigV4.TERMINATOR.equals(authorization.terminator())) {
            throw new AuthenticationFailure(Reason.INVALID_SIGNATURE, "Credential should be scoped with a valid "
                    + "terminator: '" + SigV4.TERMINATOR + "', not '" + authorization.terminator() + "'.");
        }
        if (!service.equals(authorization.service())) {
            throw new AuthenticationFailure(Reason.INVALID_SIGNATURE,
                    "Credential should be scoped to correct service: '" + service + "'. ");
        }
        String day = amzDate.substring(0, 8);
        if (!day.equals(authorization.date())) {
            throw new AuthenticationFailure(Reason.INVALID_SIGNATURE, "Date in Credential scope does not match "
                    + "YYYYMMDD from ISO-8601 version of date from HTTP: '" + authorization.date() + "' != '" + day
                    + "', from '" + amzDate + "'.");
        }
        if (!authorization.signedHeaders().contains("host")) {
            throw new AuthenticationFailure(Reason.INVALID_SIGNATURE,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
    }

    private static void checkSkew(String amzDate, Instant now) {
        Instant signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        if (signedAt.isBefore(now.minus(MAX_CLOCK_SKEW))) {
            throw new AuthenticationFailure(Reason.INVALID_SIGNATURE, "Signature expired: " + amzDate
                    + " is now earlier than " + format(now.minus(MAX_CLOCK_SKEW)) + " (" + format(now) + " - "
                    + MAX_CLOCK_SKEW.toMinutes() + " min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new AuthenticationFailure(Reason.INVALID_SIGNATURE, "Signature not yet current: " + amzDate
                    + " is still later than " + format(now.plus(MAX_CLOCK_SKEW)) + " (" + format(now) + " + "
                    + MAX_CLOCK_SKEW.toMinutes() + " min.)");
        }
    }

    /**
     * {@code x-amz-content-sha256} when the client sent it (it then signs that value, and a hex hash must be the
     * body's), else the SHA-256 of the body.
     */
    private static String payloadHash(IncomingRequest request) {
        String bodyHash = request.bodySha256Hex();
        var declared = request.header("x-amz-content-sha256");
        if (declared.isEmpty()) {
            return bodyHash;
        }
        if (HEX_SHA256.matcher(declared.get()).matches() && !declared.get().equalsIgnoreCase(bodyHash)) {
            throw new AuthenticationFailure(Reason.INVALID_SIGNATURE,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return declared.get();
    }

    /** The canonical request as shown to the client, with a session token's value masked. */
    private static String withoutSecurityToken(String canonicalRequest, IncomingRequest request) {
        var token = request.header(SECURITY_TOKEN);
        if (token.isEmpty() || token.get().isBlank()) {
            return canonicalRequest;
        }
        return canonicalRequest.replace(SigV4.canonicalHeaderValue(List.of(token.get())), "****");
    }

    private static String format(Instant instant) {
        return AMZ_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
