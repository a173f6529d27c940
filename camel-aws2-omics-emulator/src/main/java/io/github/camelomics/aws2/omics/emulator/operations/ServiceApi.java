package io.github.camelomics.aws2.omics.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.model.StreamedPayload;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each operation does with a validated input, one small handler per operation with the same signature, so the
 * HTTP layer has a single path for all of them. The handlers come by API family: imports and read sets
 * ({@link ReadSetImportApi}), multipart uploads ({@link ReadSetUploadApi}), activation and export
 * ({@link ReadSetLifecycleApi}).
 */
public final class ServiceApi {

    private final Map<Operation, OperationHandler> handlers = new EnumMap<>(Operation.class);

    public ServiceApi(EmulatorState state, ObjectMapper mapper) {
        Views views = new Views(mapper);
        new ReadSetImportApi(state, views).addTo(handlers);
        new ReadSetUploadApi(state, views).addTo(handlers);
        new ReadSetLifecycleApi(state, views).addTo(handlers);
    }

    /**
     * @param payload the streamed body of UploadReadSetPart, {@code null} for the others
     */
    public ObjectNode handle(Operation operation, JsonNode input, StreamedPayload payload) {
        return Objects.requireNonNull(handlers.get(operation), operation::modelName).handle(input, payload);
    }
}
