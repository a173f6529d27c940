package io.github.camelomics.aws2.omics.emulator.http;

import io.github.camelomics.aws2.omics.model.Digests;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The steps of AWS Signature Version 4 as AWS documents them, each a pure function of its inputs: the canonical
 * request a client built, the string to sign, and the signature. No service name, region or clock is built in,
 * so AWS's published test-suite vectors (service {@code service}, a fixed date) check these functions as they are,
 * and {@link SigV4Verifier} adds what the emulator requires of a request (service {@code omics}, the clock).
 *
 * <p>Rules for every service but S3: the URI path is normalized (dot segments and empty segments removed) and
 * URI-encoded once more, as it arrived; query parameters are decoded, encoded again and sorted; exactly the headers
 * the client listed in {@code SignedHeaders} are used, their values trimmed with inner runs of white space
 * folded to one space.
 */
public final class SigV4 {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String TERMINATOR = "aws4_request";

    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    /**
     * @param rawPath       the path as it came on the wire (still percent-encoded)
     * @param rawQuery      the query as it came on the wire, or {@code null}
     * @param headers       every header of the request by lower-case name, values in the order received
     * @param signedHeaders the lower-case names the client signed, in the client's order
     * @param payloadHash   {@code x-amz-content-sha256} when the client sent it, else the SHA-256 of the body
     */
    public static String canonicalRequest(String method, String rawPath, String rawQuery,
                                          Map<String, List<String>> headers, List<String> signedHeaders,
                                          String payloadHash) {
        StringBuilder canonical = new StringBuilder()
                .append(method).append('\n')
                .append(canonicalUri(rawPath)).append('\n')
                .append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(canonicalHeaderValue(headers.get(name))).append('\n');
        }
        return canonical.append('\n')
                .append(String.join(";", signedHeaders)).append('\n')
                .append(payloadHash)
                .toString();
    }

    /** {@code AWS4-HMAC-SHA256}, the request time, the credential scope and the hash of the canonical request. */
    public static String stringToSign(String amzDate, String credentialScope, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + credentialScope + '\n'
                + Digests.sha256Hex(canonicalRequest);
    }

    /** {@code yyyyMMdd/region/service/aws4_request}. */
    public static String credentialScope(String date, String region, String service) {
        return date + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    /** The hex HMAC-SHA256 of the string to sign, under the key derived from the secret, date, region and service. */
    public static String signature(String secretAccessKey, String date, String region, String service,
                                   String stringToSign) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, TERMINATOR);
        return HEX.formatHex(hmac(key, stringToSign));
    }

    /** The path with {@code .}, {@code ..} and empty segments resolved, encoded again; a trailing slash stays. */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        String joined = String.join("/", segments);
        boolean trailingSlash = rawPath.endsWith("/") && !segments.isEmpty();
        return uriEncode("/" + joined + (trailingSlash ? "/" : ""), false);
    }

    /** Each name and value decoded, encoded the SigV4 way, then sorted by name and value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.add(new String[] {uriEncode(percentDecode(name), true), uriEncode(percentDecode(value), true)});
        }
        parameters.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return parameters.stream().map(p -> p[0] + '=' + p[1]).collect(Collectors.joining("&"));
    }

    /** Values trimmed, runs of white space inside folded to one space, several values joined by commas. */
    static String canonicalHeaderValue(List<String> values) {
        if (values == null) {
            return "";
        }
        return values.stream().map(v -> v.strip().replaceAll("\\s+", " ")).collect(Collectors.joining(","));
    }

    /**
     * Percent-encodes the UTF-8 bytes of {@code text}: unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) stay,
     * and so does {@code /} unless {@code encodeSlash}; hex digits are upper case.
     */
    static String uriEncode(String text, boolean encodeSlash) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (c == '/' && !encodeSlash)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    /** Decodes {@code %XX} escapes as UTF-8; unlike form decoding, {@code +} stays a plus. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            int high = i + 2 < raw.length && raw[i] == '%' ? Character.digit(raw[i + 1], 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw[i + 2], 16);
            if (low >= 0) {
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
