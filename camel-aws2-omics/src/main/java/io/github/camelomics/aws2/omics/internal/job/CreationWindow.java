package io.github.camelomics.aws2.omics.internal.job;

import java.time.Duration;
import java.time.Instant;

/**
 * The creation times a listing of jobs asks for. Listing by creation time is what makes a poll cost the jobs
 * still of interest rather than the store's whole history; the window is widened by a margin on each side because the
 * API does not say whether its bounds include the instant they name, and because a job may show in a listing a little
 * after its creation time. A minute of jobs more is a page at most.
 */
final class CreationWindow {

    static final Duration MARGIN = Duration.ofMinutes(1);

    private CreationWindow() {
    }

    /** The lower bound of a listing of jobs created from {@code oldest} on. */
    static Instant after(Instant oldest) {
        return oldest.minus(MARGIN);
    }

    /** The upper bound of a listing of jobs created until {@code newest}. */
    static Instant before(Instant newest) {
        return newest.plus(MARGIN);
    }
}
