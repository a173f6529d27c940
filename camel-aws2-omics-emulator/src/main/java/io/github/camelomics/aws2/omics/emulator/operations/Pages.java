package io.github.camelomics.aws2.omics.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Pagination as the List operations do it: {@code maxResults} items at most (100 when absent), and
 * an opaque {@code nextToken} that names the last item returned. Naming the item rather than an
 * offset keeps pages stable while new jobs are created between calls.
 */
final class Pages {

    static final int DEFAULT_MAX_RESULTS = 100;
    private static final String PREFIX = "after:";

    private Pages() {
    }

    /** A page of items and the token for the next one ({@code null} on the last page). */
    record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * @param items ordered by ascending numeric id
     */
    static <T> Page<T> page(List<T> items, Function<T, String> id, JsonNode input) {
        int maxResults = input.path("maxResults").asInt(DEFAULT_MAX_RESULTS);
        List<T> remaining = items;
        if (input.hasNonNull("nextToken")) {
            long after = decode(input.path("nextToken").asText());
            remaining = items.stream().filter(item -> Long.parseLong(id.apply(item)) > after).toList();
        }
        if (remaining.size() <= maxResults) {
            return new Page<>(remaining, null);
        }
        List<T> page = remaining.subList(0, maxResults);
        return new Page<>(page, encode(id.apply(page.get(page.size() - 1))));
    }

    private static String encode(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is an IllegalArgumentException
        }
        throw new ApiException(ErrorShape.VALIDATION, "Invalid nextToken: it was not returned by this operation");
    }
}
