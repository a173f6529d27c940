package io.github.camelomics.aws2.omics;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.apache.camel.util.TimeUtils;

/**
 * Where the consumer's first poll starts, from option since: a duration back from the time of that poll, or an instant.
 *
 * @param back how far back from now, or null
 * @param at   the instant, or null
 */
record Since(Duration back, Instant at) {

    /**
     * @throws IllegalArgumentException naming what the option takes
     */
    public static Since parse(String text) {
        String value = text.trim();
        try {
            if (value.length() > 10 && value.charAt(4) == '-' && value.indexOf('T') > 0) {
                return new Since(null, OffsetDateTime.parse(value).toInstant());
            }
            Duration back = value.startsWith("P") || value.startsWith("p") ? Duration.parse(value)
                    : Duration.ofMillis(TimeUtils.toMilliSeconds(value));
            if (!back.isNegative() && !back.isZero()) {
                return new Since(back, null);
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            // described below
        }
        throw new IllegalArgumentException("option since must be a duration back from now (P1D, 24h, 90m) or an instant "
                                           + "with its offset (2025-06-01T00:00:00Z), but was '" + text + "'");
    }

    public Instant from(Instant now) {
        return at != null ? at : now.minus(back);
    }
}
