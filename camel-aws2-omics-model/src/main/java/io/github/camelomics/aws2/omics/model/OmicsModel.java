package io.github.camelomics.aws2.omics.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HealthOmics service model (botocore JSON, API version 2022-11-28, cut down to the read set import operations, the
 * six operations of a multipart read set upload and the six of read set activation and export). The component validates
 * requests before sending and the emulator validates them on arrival, both from this one model, so both are exactly as
 * strict as the service's own definition and agree with each other.
 * <p>
 * The cuts are kept as the files they came as and merged on loading: a shape two of them use must be the same in both,
 * but for its documentation (some cuts had it stripped).
 */
public final class OmicsModel {

    private static final List<String> RESOURCES = List.of("omics-readset-import-model.json",
            "omics-readset-upload-model.json", "omics-readset-activation-export-model.json");
    /** The sections merged from every cut; the first cut's metadata stands for all. */
    private static final List<String> SECTIONS = List.of("operations", "shapes", "paginators", "waiters");

    private final JsonNode root;

    private OmicsModel(JsonNode root) {
        this.root = root;
    }

    /** The bundled model. It is immutable: load it once and share it. */
    public static OmicsModel load() {
        ObjectNode merged = null;
        for (String resource : RESOURCES) {
            ObjectNode part = read(resource);
            if (merged == null) {
                merged = part;
                continue;
            }
            for (String section : SECTIONS) {
                ObjectNode target = merged.has(section) ? (ObjectNode) merged.get(section) : merged.putObject(section);
                mergeInto(target, part.path(section), resource);
            }
        }
        return new OmicsModel(merged);
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = OmicsModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("service model resource " + resource + " is missing");
            }
            return (ObjectNode) new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service model " + resource, e);
        }
    }

    private static void mergeInto(ObjectNode target, JsonNode added, String resource) {
        added.fields().forEachRemaining(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing != null && !withoutDocumentation(existing).equals(withoutDocumentation(entry.getValue()))) {
                throw new IllegalStateException(resource + " defines " + entry.getKey() + " differently");
            }
            target.set(entry.getKey(), entry.getValue());
        });
    }

    private static JsonNode withoutDocumentation(JsonNode definition) {
        if (!definition.isObject()) {
            return definition;
        }
        ObjectNode copy = ((ObjectNode) definition).deepCopy();
        copy.remove("documentation");
        return copy;
    }

    /** The shape definition, e.g. {@code {"type":"string","min":1,...}}. */
    public JsonNode shape(String name) {
        JsonNode shape = root.path("shapes").path(name);
        if (shape.isMissingNode()) {
            throw new IllegalStateException("model has no shape " + name);
        }
        return shape;
    }

    /** The operations by their model name (e.g. StartReadSetImportJob), each with its http binding and shapes. */
    public JsonNode operations() {
        return root.path("operations");
    }

    /** The error shape names the model lists for an operation. */
    public List<String> errorShapes(String operationName) {
        List<String> names = new ArrayList<>();
        root.path("operations").path(operationName).path("errors").forEach(e -> names.add(e.path("shape").asText()));
        return names;
    }

    /** The HTTP status the model gives an error shape. */
    public Optional<Integer> httpStatusOf(String errorShape) {
        JsonNode code = root.path("shapes").path(errorShape).path("error").path("httpStatusCode");
        return code.isInt() ? Optional.of(code.asInt()) : Optional.empty();
    }
}
