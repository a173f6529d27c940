package io.github.camelomics.aws2.omics;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;

/**
 * Waiting for import jobs ended before they did: the wait timeout passed, or Camel stopped. The jobs go on in
 * HealthOmics; a redelivery with the same client token waits for the same jobs again instead of starting new ones.
 */
public class ImportJobWaitException extends RuntimeException {

    private final List<GetReadSetImportJobResponse> lastKnown;

    public ImportJobWaitException(String why, List<GetReadSetImportJobResponse> lastKnown) {
        super("aws2-omics: stopped waiting for import jobs because " + why + "; they go on in HealthOmics: "
              + lastKnown.stream().filter(Objects::nonNull).map(j -> j.id() + " " + j.statusAsString())
                      .collect(Collectors.joining(", ", "[", "]")));
        this.lastKnown = List.copyOf(lastKnown.stream().filter(Objects::nonNull).toList());
    }

    /** The last state seen of each job. */
    public List<GetReadSetImportJobResponse> getLastKnown() {
        return lastKnown;
    }
}
