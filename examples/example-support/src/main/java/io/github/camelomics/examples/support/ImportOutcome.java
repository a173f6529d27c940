package io.github.camelomics.examples.support;

import java.util.List;

/**
 * How an example's import ended, as the route saw it.
 *
 * @param jobId      the import job id, null when the job was never started
 * @param status     the job's last status, null when unknown
 * @param readSetIds the read sets the job made, in source order
 * @param failure    the exception the exchange ended with, or null
 */
public record ImportOutcome(String jobId, String status, List<String> readSetIds, Exception failure) {

    public ImportOutcome {
        readSetIds = readSetIds == null ? List.of() : List.copyOf(readSetIds);
    }

    public boolean completed() {
        return failure == null && "COMPLETED".equals(status);
    }
}
