package io.github.camelomics.aws2.omics.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.OperationBinding;
import io.github.camelomics.aws2.omics.emulator.model.ServiceModel;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Puts an operation's input back together the way the model describes it: body members, plus the
 * members the model binds to the URI path and the query string, so one validation pass sees them all
 * under their model names (e.g. {@code sequenceStoreId}, {@code maxResults}).
 */
final class InputAssembler {

    private final ServiceModel model;
    private final ObjectMapper mapper;

    InputAssembler(ServiceModel model, ObjectMapper mapper) {
        this.model = model;
        this.mapper = mapper;
    }

    ObjectNode assemble(OperationBinding binding, Map<String, String> pathVariables, String rawQuery, byte[] body) {
        ObjectNode input = parseBody(body);
        Map<String, String> query = Router.queryParameters(rawQuery);
        model.shape(binding.inputShape()).path("members").fields().forEachRemaining(member -> {
            JsonNode definition = member.getValue();
            String name = member.getKey();
            String wireName = definition.path("locationName").asText(name);
            switch (definition.path("location").asText()) {
                case "uri" -> putIfPresent(input, name, pathVariables.get(wireName), definition);
                case "querystring" -> putIfPresent(input, name, query.get(wireName), definition);
                default -> {
                    // a body member: already in place
                }
            }
        });
        return input;
    }

    private void putIfPresent(ObjectNode input, String name, String value, JsonNode definition) {
        input.remove(name); // a bound member never comes from the body
        if (value == null) {
            return;
        }
        String type = model.shape(definition.path("shape").asText()).path("type").asText();
        if (type.equals("integer") || type.equals("long")) {
            try {
                input.put(name, Long.parseLong(value));
                return;
            } catch (NumberFormatException e) {
                // kept as text: validation reports that it must be an integer
            }
        }
        input.put(name, value);
    }

    private ObjectNode parseBody(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode parsed = mapper.readTree(new String(body, StandardCharsets.UTF_8));
            if (parsed != null && parsed.isObject()) {
                return (ObjectNode) parsed;
            }
        } catch (JsonProcessingException e) {
            // reported below, without echoing parser internals
        }
        throw new ApiException(ErrorShape.VALIDATION, "The request body must be a JSON object");
    }
}
