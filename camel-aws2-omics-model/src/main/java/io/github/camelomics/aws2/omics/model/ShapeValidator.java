package io.github.camelomics.aws2.omics.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a shape of the service model: required members, string lengths,
 * patterns, enums, list sizes, numeric ranges and timestamps. Driving this from the model (instead
 * of hand-written checks per operation) keeps the emulator exactly as strict as the service's model.
 *
 * <p>Patterns are matched against the whole value: botocore strips the {@code ^...$} anchors the
 * Smithy model has, e.g. {@code ReferenceArnFilter} reads {@code $|^arn:.+}.
 */
public final class ShapeValidator {

    private final OmicsModel model;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public ShapeValidator(OmicsModel model) {
        this.model = model;
    }

    /** All violations of {@code value} against the structure {@code shapeName}, top-level members unprefixed. */
    public List<Violation> validate(String shapeName, JsonNode value) {
        List<Violation> violations = new ArrayList<>();
        check(shapeName, value, "", violations);
        return violations;
    }

    private void check(String shapeName, JsonNode value, String path, List<Violation> out) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> checkStructure(shape, value, path, out);
            case "list" -> checkList(shape, value, path, out);
            case "map" -> checkMap(shape, value, path, out);
            case "string" -> checkString(shape, value, path, out);
            case "integer", "long" -> checkNumber(shape, value, path, out);
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(new Violation(path, value.asText(), "Member must be a boolean"));
                }
            }
            case "timestamp" -> checkTimestamp(value, path, out);
            default -> {
                // blobs and documents do not occur in these operations' inputs
            }
        }
    }

    private void checkStructure(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isObject()) {
            out.add(new Violation(path, value.toString(), "Member must be a structure"));
            return;
        }
        for (JsonNode required : shape.path("required")) {
            JsonNode member = value.get(required.asText());
            if (member == null || member.isNull()) {
                out.add(new Violation(child(path, required.asText()), null, "Member must not be null"));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> members = shape.path("members").fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode memberValue = value.get(member.getKey());
            if (memberValue != null && !memberValue.isNull()) {
                check(member.getValue().path("shape").asText(), memberValue, child(path, member.getKey()), out);
            }
        }
    }

    private void checkList(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isArray()) {
            out.add(new Violation(path, value.toString(), "Member must be a list"));
            return;
        }
        checkLength(shape, value.size(), path, value.toString(), out);
        String memberShape = shape.path("member").path("shape").asText();
        for (int i = 0; i < value.size(); i++) {
            check(memberShape, value.get(i), path + "[" + i + "]", out);
        }
    }

    private void checkMap(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isObject()) {
            out.add(new Violation(path, value.toString(), "Member must be a map"));
            return;
        }
        checkLength(shape, value.size(), path, value.toString(), out);
        String keyShape = shape.path("key").path("shape").asText();
        String valueShape = shape.path("value").path("shape").asText();
        value.fields().forEachRemaining(entry -> {
            String entryPath = path + "." + entry.getKey();
            List<Violation> keyViolations = new ArrayList<>();
            check(keyShape, TextNode.valueOf(entry.getKey()), entryPath, keyViolations);
            keyViolations.forEach(v -> out.add(new Violation(path + " (key)", v.value(), v.constraint())));
            check(valueShape, entry.getValue(), entryPath, out);
        });
    }

    private void checkString(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isTextual()) {
            out.add(new Violation(path, value.toString(), "Member must be a string"));
            return;
        }
        String text = value.asText();
        if (shape.has("enum")) {
            List<String> allowed = new ArrayList<>();
            shape.path("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(text)) {
                out.add(new Violation(path, text, "Member must satisfy enum value set: " + allowed));
            }
            return;
        }
        checkLength(shape, text.codePointCount(0, text.length()), path, text, out);
        if (shape.has("pattern")) {
            String regex = shape.path("pattern").asText();
            if (!patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).matches()) {
                out.add(new Violation(path, text, "Member must satisfy regular expression pattern: " + regex));
            }
        }
    }

    private static void checkLength(JsonNode shape, int length, String path, String shown, List<Violation> out) {
        if (shape.has("min") && length < shape.path("min").asLong()) {
            out.add(new Violation(path, shown, "Member must have length greater than or equal to " + shape.path("min").asLong()));
        }
        if (shape.has("max") && length > shape.path("max").asLong()) {
            out.add(new Violation(path, shown, "Member must have length less than or equal to " + shape.path("max").asLong()));
        }
    }

    private static void checkNumber(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isIntegralNumber()) {
            out.add(new Violation(path, value.asText(), "Member must be an integer"));
            return;
        }
        long number = value.asLong();
        if (shape.has("min") && number < shape.path("min").asLong()) {
            out.add(new Violation(path, value.asText(), "Member must have value greater than or equal to " + shape.path("min").asLong()));
        }
        if (shape.has("max") && number > shape.path("max").asLong()) {
            out.add(new Violation(path, value.asText(), "Member must have value less than or equal to " + shape.path("max").asLong()));
        }
    }

    private static void checkTimestamp(JsonNode value, String path, List<Violation> out) {
        try {
            if (!value.isTextual()) {
                throw new DateTimeParseException("not text", value.toString(), 0);
            }
            OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            out.add(new Violation(path, value.asText(), "Member must be an ISO-8601 timestamp"));
        }
    }

    private static String child(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }
}
