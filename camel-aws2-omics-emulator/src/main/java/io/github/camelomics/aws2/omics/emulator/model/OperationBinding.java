package io.github.camelomics.aws2.omics.emulator.model;

/**
 * An operation's HTTP binding as the model declares it.
 *
 * @param operation    the operation
 * @param method       the HTTP method
 * @param uriTemplate  the request URI template, e.g. {@code /sequencestore/{sequenceStoreId}/importjob}
 * @param inputShape   the name of the input structure
 * @param responseCode the success status
 */
public record OperationBinding(Operation operation, String method, String uriTemplate, String inputShape,
                               int responseCode) {
}
