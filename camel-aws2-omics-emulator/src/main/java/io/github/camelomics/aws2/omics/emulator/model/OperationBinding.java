package io.github.camelomics.aws2.omics.emulator.model;

/**
 * An operation's HTTP binding as the model declares it.
 *
 * @param operation    the operation
 * @param method       the HTTP method
 * @param uriTemplate  the request URI template, e.g. {@code /sequencestore/{sequenceStoreId}/importjob}
 * @param inputShape   the name of the input structure
 * @param responseCode the success status
 * @param payloadMember the input member the raw request body is (a streaming blob, such as a part's bytes), or
 *                      {@code null} when the body is the JSON of the other members
 */
public record OperationBinding(Operation operation, String method, String uriTemplate, String inputShape,
                               int responseCode, String payloadMember) {

    /** Whether the body is a stream of bytes rather than JSON. */
    public boolean streamsPayload() {
        return payloadMember != null;
    }
}
