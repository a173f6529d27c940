package io.github.camelomics.aws2.omics.emulator.http;

import io.github.camelomics.aws2.omics.emulator.model.StreamedPayload;
import io.github.camelomics.aws2.omics.model.Digests;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as it arrived, before it is interpreted.
 *
 * @param headers header values by lower-case name
 * @param body    the body of a JSON request; empty when the body is streamed
 * @param payload the body of an operation whose body is raw bytes (a part of an upload), or {@code null}
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body, StreamedPayload payload) {

    public IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           byte[] body) {
        this(method, rawPath, rawQuery, headers, body, null);
    }

    /** The SHA-256 of the body as it arrived, lower-case hex. */
    public String bodySha256Hex() {
        return payload != null ? payload.sha256Hex() : Digests.sha256Hex(body);
    }

    public Optional<String> header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
