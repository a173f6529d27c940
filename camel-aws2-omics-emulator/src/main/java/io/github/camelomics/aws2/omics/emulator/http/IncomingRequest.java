package io.github.camelomics.aws2.omics.emulator.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as it arrived, before it is interpreted.
 *
 * @param headers header values by lower-case name
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body) {

    public Optional<String> header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
