package io.github.camelomics.aws2.omics.emulator.http;

import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request's SigV4 signature by signing the same request again with the SDK's own signer
 * (same headers, body, {@code X-Amz-Date} and credential-scope region, service {@code omics}) and
 * comparing the results, so there is no hand-written signing code to get subtly wrong. The clock
 * skew between the date and now is not checked: tests run the emulator on a frozen clock.
 */
public final class SigV4Verifier {

    private static final String SIGNING_NAME = "omics";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request,\\s*"
                    + "SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]+)");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Credentials credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SigV4Verifier(Credentials credentials) {
        this.credentials = credentials;
    }

    /**
     * @throws ApiException AccessDeniedException when the signature is missing, made with another key or wrong
     */
    public void verify(IncomingRequest request) {
        String authorization = request.header("authorization").orElseThrow(
                () -> denied("Missing Authentication Token"));
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            throw denied("Authorization header is not a SigV4 (AWS4-HMAC-SHA256) signature");
        }
        if (!credentials.accessKeyId().equals(parts.group(1))) {
            throw denied("The security token included in the request is invalid");
        }
        Instant signedAt = request.header("x-amz-date").map(SigV4Verifier::parseAmzDate)
                .orElseThrow(() -> denied("Missing X-Amz-Date header"));
        String expected = sign(request, parts.group(3), List.of(parts.group(5).split(";")), signedAt);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw denied("The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method.");
        }
    }

    private String sign(IncomingRequest request, String region, List<String> signedHeaders, Instant signedAt) {
        String hostHeader = request.header("host").orElse("127.0.0.1");
        int colon = hostHeader.lastIndexOf(':');
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .protocol("http")
                .host(colon < 0 ? hostHeader : hostHeader.substring(0, colon))
                .port(colon < 0 ? 80 : Integer.parseInt(hostHeader.substring(colon + 1)))
                .encodedPath(request.rawPath());
        Router.queryParameters(request.rawQuery()).forEach(unsigned::appendRawQueryParameter);
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values != null && !name.equals("host")) {
                unsigned.putHeader(name, values);
            }
        }
        SignedRequest signed = signer.sign(r -> r
                .identity(AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(request.body()))
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        return signed.request().firstMatchingHeader("Authorization").orElse("");
    }

    private static Instant parseAmzDate(String value) {
        try {
            return LocalDateTime.parse(value, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw denied("X-Amz-Date is not in the form yyyyMMdd'T'HHmmss'Z'");
        }
    }

    private static ApiException denied(String message) {
        return new ApiException(ErrorShape.ACCESS_DENIED, message);
    }
}
