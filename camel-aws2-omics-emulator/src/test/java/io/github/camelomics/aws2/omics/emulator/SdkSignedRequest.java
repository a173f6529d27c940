package io.github.camelomics.aws2.omics.emulator;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request signed by the AWS SDK's own SigV4 signer (an implementation independent of the emulator's), sent by the
 * JDK's HTTP client so that tests can change what goes on the wire after signing: add, alter or drop headers, send
 * another body.
 */
final class SdkSignedRequest {

    /** Headers the JDK client sets itself and refuses to take. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private String body;

    private SdkSignedRequest(String method, URI uri, Map<String, List<String>> headers, String body) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
    }

    /** ListReadSetImportJobs of store 1234567890, signed for {@code service} at {@code signedAt}. */
    static SdkSignedRequest listJobs(URI endpoint, AwsCredentialsIdentity identity, String service, Instant signedAt,
                                     Map<String, String> extraSignedHeaders) {
        return sign(endpoint, "POST", "/sequencestore/1234567890/importjobs", "maxResults=2", "{}", identity, service,
                signedAt, extraSignedHeaders);
    }

    static SdkSignedRequest sign(URI endpoint, String method, String path, String query, String body,
                                 AwsCredentialsIdentity identity, String service, Instant signedAt,
                                 Map<String, String> extraSignedHeaders) {
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(endpoint + path + (query == null ? "" : "?" + query)))
                .putHeader("Content-Type", "application/json");
        extraSignedHeaders.forEach(unsigned::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        return new SdkSignedRequest(method, signed.request().getUri(), new LinkedHashMap<>(signed.request().headers()),
                body);
    }

    /** Sets a header after signing (replacing any value the signer set). */
    SdkSignedRequest header(String name, String value) {
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, List.of(value));
        return this;
    }

    SdkSignedRequest withoutHeader(String name) {
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        return this;
    }

    /** Sends another body than the one signed. */
    SdkSignedRequest body(String otherBody) {
        this.body = otherBody;
        return this;
    }

    String firstHeader(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow();
    }

    HttpResponse<String> send() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, values) -> {
            if (!SET_BY_CLIENT.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
