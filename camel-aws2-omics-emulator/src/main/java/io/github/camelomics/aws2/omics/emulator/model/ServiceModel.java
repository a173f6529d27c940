package io.github.camelomics.aws2.omics.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HealthOmics service model (botocore JSON, cut down to the read set import operations).
 * Routes and request validation are derived from it so the emulator follows the model, not a
 * hand-made copy of it.
 */
public final class ServiceModel {

    private static final String RESOURCE = "omics-readset-import-model.json";

    private final JsonNode root;
    private final List<OperationBinding> bindings;

    private ServiceModel(JsonNode root) {
        this.root = root;
        this.bindings = readBindings(root);
    }

    /** Loads the model bundled with the emulator. */
    public static ServiceModel load() {
        try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("service model resource " + RESOURCE + " is missing");
            }
            return new ServiceModel(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service model " + RESOURCE, e);
        }
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
        JsonNode shape = root.path("shapes").path(name);
        if (shape.isMissingNode()) {
            throw new IllegalStateException("model has no shape " + name);
        }
        return shape;
    }

    /** The error shape names the model lists for an operation. */
    public List<String> errorShapes(Operation operation) {
        List<String> names = new ArrayList<>();
        root.path("operations").path(operation.modelName()).path("errors")
                .forEach(e -> names.add(e.path("shape").asText()));
        return names;
    }

    /** The HTTP status the model gives an error shape. */
    public Optional<Integer> httpStatusOf(String errorShape) {
        JsonNode code = root.path("shapes").path(errorShape).path("error").path("httpStatusCode");
        return code.isInt() ? Optional.of(code.asInt()) : Optional.empty();
    }

    private static List<OperationBinding> readBindings(JsonNode root) {
        List<OperationBinding> result = new ArrayList<>();
        root.path("operations").fields().forEachRemaining(entry -> {
            Operation operation = Operation.fromModelName(entry.getKey()).orElseThrow(
                    () -> new IllegalStateException("model operation " + entry.getKey() + " has no handler"));
            JsonNode http = entry.getValue().path("http");
            result.add(new OperationBinding(operation, http.path("method").asText(), http.path("requestUri").asText(),
                    entry.getValue().path("input").path("shape").asText(), http.path("responseCode").asInt(200)));
        });
        return List.copyOf(result);
    }
}
