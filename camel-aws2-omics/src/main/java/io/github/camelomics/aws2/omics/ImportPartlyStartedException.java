package io.github.camelomics.aws2.omics;

import java.util.List;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

/**
 * A request with more sources than one job takes was split into several jobs, and starting one of them failed after
 * others had started. The started jobs are listed here, not lost; the cause is the AWS error (so onException for, say,
 * ThrottlingException still matches). A redelivery with the same client token (the default content strategy, or the
 * exchange strategy within Camel's redelivery) gets the started jobs back instead of starting them twice.
 */
public class ImportPartlyStartedException extends RuntimeException {

    private final List<StartReadSetImportJobResponse> started;
    private final int failedChunk;
    private final int chunks;

    public ImportPartlyStartedException(List<StartReadSetImportJobResponse> started, int failedChunk, int chunks,
                                        RuntimeException cause) {
        super("aws2-omics: started " + started.size() + " of " + chunks + " import jobs "
              + started.stream().map(StartReadSetImportJobResponse::id).collect(Collectors.joining(", ", "[", "]"))
              + ", then job " + (failedChunk + 1) + " failed: " + cause.getMessage(), cause);
        this.started = List.copyOf(started);
        this.failedChunk = failedChunk;
        this.chunks = chunks;
    }

    public List<StartReadSetImportJobResponse> getStarted() {
        return started;
    }

    /** The index (0-based) of the job that failed to start; later jobs were not tried. */
    public int getFailedChunk() {
        return failedChunk;
    }

    public int getChunks() {
        return chunks;
    }
}
