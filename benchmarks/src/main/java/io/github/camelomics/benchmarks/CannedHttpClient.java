package io.github.camelomics.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client without a network: it reads the request body the SDK wrote (as a socket would) and answers every call
 * with the same StartReadSetImportJob response. Both sides of the per-call benchmark share one instance.
 */
final class CannedHttpClient implements SdkHttpClient {

    static final byte[] START_RESPONSE = ("{\"id\":\"4000000001\",\"sequenceStoreId\":\"" + Fixtures.STORE
                                          + "\",\"roleArn\":\"" + Fixtures.ROLE
                                          + "\",\"status\":\"SUBMITTED\",\"creationTime\":\"2025-06-01T12:00:00.000Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    private static final SdkHttpResponse OK = SdkHttpResponse.builder()
            .statusCode(200)
            .headers(Map.of("Content-Type", List.of("application/json"),
                    "Content-Length", List.of(String.valueOf(START_RESPONSE.length)),
                    "x-amzn-RequestId", List.of("00000000-0000-0000-0000-000000000000")))
            .build();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                request.contentStreamProvider().ifPresent(body -> drain(body.newStream()));
                return HttpExecuteResponse.builder()
                        .response(OK)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(START_RESPONSE)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "canned";
    }

    @Override
    public void close() {
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
