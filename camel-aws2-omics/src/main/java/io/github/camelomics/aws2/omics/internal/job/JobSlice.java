package io.github.camelomics.aws2.omics.internal.job;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the jobs a request becomes: its number among them (from 0), how many there are, and its sources, the request's
 * {@code [from, to)}.
 */
record JobSlice(int index, int count, int from, int to) {

    /** Consecutive slices of at most {@code maxPerJob} sources, in input order; one slice when there are no sources. */
    static List<JobSlice> of(int sources, int maxPerJob) {
        int count = Math.max(1, (sources + maxPerJob - 1) / maxPerJob);
        List<JobSlice> slices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slices.add(new JobSlice(i, count, i * maxPerJob, Math.min(sources, (i + 1) * maxPerJob)));
        }
        return slices;
    }

    boolean isWhole(int sources) {
        return from == 0 && to == sources;
    }
}
