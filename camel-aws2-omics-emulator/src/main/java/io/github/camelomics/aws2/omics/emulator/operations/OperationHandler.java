package io.github.camelomics.aws2.omics.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.model.StreamedPayload;

/** Handles one operation: validated input (body, path and query members merged) in, response body out. */
@FunctionalInterface
interface OperationHandler {

    /** @param payload the streamed body of an operation whose body is bytes (UploadReadSetPart), else {@code null} */
    ObjectNode handle(JsonNode input, StreamedPayload payload);
}
