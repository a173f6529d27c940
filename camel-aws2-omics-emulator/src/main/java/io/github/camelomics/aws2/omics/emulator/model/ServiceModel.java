package io.github.camelomics.aws2.omics.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelomics.aws2.omics.model.OmicsModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared HealthOmics service model, with the emulator's routes bound to it: routes and request validation are
 * derived from the model so the emulator follows the model, not a hand-made copy of it.
 */
public final class ServiceModel {

    private final OmicsModel omics;
    private final List<OperationBinding> bindings;

    private ServiceModel(OmicsModel omics) {
        this.omics = omics;
        this.bindings = readBindings(omics);
    }

    /** Loads the model of the shared camel-aws2-omics-model module. */
    public static ServiceModel load() {
        return new ServiceModel(OmicsModel.load());
    }

    /** The shared model, e.g. for the shared validator. */
    public OmicsModel omics() {
        return omics;
    }

    public List<OperationBinding> bindings() {
        return bindings;
    }

    public OperationBinding binding(Operation operation) {
        return bindings.stream().filter(b -> b.operation() == operation).findFirst()
                .orElseThrow(() -> new IllegalStateException("model has no operation " + operation.modelName()));
    }

    /** The shape definition, e.g. {@code {"type":"string","min":1,...}}. */
    public JsonNode shape(String name) {
        return omics.shape(name);
    }

    /** The error shape names the model lists for an operation. */
    public List<String> errorShapes(Operation operation) {
        return omics.errorShapes(operation.modelName());
    }

    /** The HTTP status the model gives an error shape. */
    public Optional<Integer> httpStatusOf(String errorShape) {
        return omics.httpStatusOf(errorShape);
    }

    private static List<OperationBinding> readBindings(OmicsModel omics) {
        List<OperationBinding> result = new ArrayList<>();
        omics.operations().fields().forEachRemaining(entry -> {
            Operation operation = Operation.fromModelName(entry.getKey()).orElseThrow(
                    () -> new IllegalStateException("model operation " + entry.getKey() + " has no handler"));
            JsonNode http = entry.getValue().path("http");
            String inputShape = entry.getValue().path("input").path("shape").asText();
            result.add(new OperationBinding(operation, http.path("method").asText(), http.path("requestUri").asText(),
                    inputShape, http.path("responseCode").asInt(200), streamingPayload(omics, omics.shape(inputShape))));
        });
        return List.copyOf(result);
    }

    /** The member the model names as the payload when its shape is a stream (the body is then raw bytes). */
    private static String streamingPayload(OmicsModel omics, JsonNode inputShape) {
        String payload = inputShape.path("payload").asText(null);
        if (payload == null) {
            return null;
        }
        String shape = inputShape.path("members").path(payload).path("shape").asText();
        return omics.shape(shape).path("streaming").asBoolean() ? payload : null;
    }
}
