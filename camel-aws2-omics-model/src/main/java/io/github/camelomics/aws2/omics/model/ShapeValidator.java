package io.github.camelomics.aws2.omics.model;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a shape of the service model: required members, string lengths, patterns, enums, list
 * sizes, numeric ranges and timestamps. Driving this from the model (instead of hand-written checks per operation) keeps
 * the component and the emulator exactly as strict as the service's model. Each shape is compiled once into a rule
 * (patterns compiled, enum sets built), so a check walks the value, not the model.
 *
 * <p>
 * Patterns are matched against the whole value: botocore strips the {@code ^...$} anchors the Smithy model has, e.g.
 * {@code ReferenceArnFilter} reads {@code $|^arn:.+}.
 */
public final class ShapeValidator {

    private final OmicsModel model;
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();

    public ShapeValidator(OmicsModel model) {
        this.model = model;
    }

    /** All violations of {@code value} against the structure {@code shapeName}, top-level members unprefixed. */
    public List<Violation> validate(String shapeName, JsonNode value) {
        List<Violation> violations = new ArrayList<>();
        rule(shapeName).check(value, MemberPath.ROOT, violations);
        return violations;
    }

    /** Rules refer to member shapes by name and are looked up as they are used, so recursive shapes need no care. */
    private Rule rule(String shapeName) {
        Rule rule = rules.get(shapeName);
        if (rule == null) {
            rule = compile(model.shape(shapeName));
            rules.put(shapeName, rule);
        }
        return rule;
    }

    private Rule compile(JsonNode shape) {
        return switch (shape.path("type").asText()) {
            case "structure" -> structure(shape);
            case "list" -> list(shape);
            case "map" -> map(shape);
            case "string" -> string(shape);
            case "integer", "long" -> number(shape);
            case "boolean" -> (value, path, out) -> {
                if (!value.isBoolean()) {
                    out.add(new Violation(path.toString(), value.asText(), "Member must be a boolean", Violation.Kind.TYPE));
                }
            };
            case "timestamp" -> ShapeValidator::checkTimestamp;
            default -> (value, path, out) -> {
                // blobs and documents do not occur in these operations' inputs
            };
        };
    }

    private Rule structure(JsonNode shape) {
        List<String> required = new ArrayList<>();
        shape.path("required").forEach(r -> required.add(r.asText()));
        List<String> names = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        shape.path("members").fields().forEachRemaining(m -> {
            names.add(m.getKey());
            shapes.add(m.getValue().path("shape").asText());
        });
        // the members' rules, resolved on first use since a structure may contain itself: no look-up per value
        AtomicReference<Rule[]> memberRules = new AtomicReference<>();
        return (value, path, out) -> {
            if (!value.isObject()) {
                out.add(new Violation(path.toString(), value.toString(), "Member must be a structure", Violation.Kind.TYPE));
                return;
            }
            for (String name : required) {
                JsonNode member = value.get(name);
                if (member == null || member.isNull()) {
                    out.add(new Violation(path.member(name).toString(), null, "Member must not be null", Violation.Kind.REQUIRED));
                }
            }
            Rule[] rules = memberRules.get(); // a plain read per value; resolved (idempotently) on the first
            if (rules == null) {
                rules = shapes.stream().map(this::rule).toArray(Rule[]::new);
                memberRules.set(rules);
            }
            for (int i = 0; i < rules.length; i++) {
                JsonNode member = value.get(names.get(i));
                if (member != null && !member.isNull()) {
                    rules[i].check(member, path.member(names.get(i)), out);
                }
            }
        };
    }

    private Rule list(JsonNode shape) {
        Length length = Length.of(shape);
        String memberShape = shape.path("member").path("shape").asText();
        return (value, path, out) -> {
            if (!value.isArray()) {
                out.add(new Violation(path.toString(), value.toString(), "Member must be a list", Violation.Kind.TYPE));
                return;
            }
            length.check(value.size(), path, value, out);
            Rule member = rule(memberShape);
            for (int i = 0; i < value.size(); i++) {
                member.check(value.get(i), path.index(i), out);
            }
        };
    }

    private Rule map(JsonNode shape) {
        Length length = Length.of(shape);
        String keyShape = shape.path("key").path("shape").asText();
        String valueShape = shape.path("value").path("shape").asText();
        return (value, path, out) -> {
            if (!value.isObject()) {
                out.add(new Violation(path.toString(), value.toString(), "Member must be a map", Violation.Kind.TYPE));
                return;
            }
            length.check(value.size(), path, value, out);
            Rule key = rule(keyShape);
            Rule entryValue = rule(valueShape);
            value.fields().forEachRemaining(entry -> {
                MemberPath entryPath = path.member(entry.getKey());
                List<Violation> keyViolations = new ArrayList<>();
                key.check(com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()), entryPath, keyViolations);
                keyViolations.forEach(v -> out.add(new Violation(path + " (key)", v.value(), v.constraint(), v.kind())));
                entryValue.check(entry.getValue(), entryPath, out);
            });
        };
    }

    private static Rule string(JsonNode shape) {
        if (shape.has("enum")) {
            List<String> allowed = new ArrayList<>();
            shape.path("enum").forEach(e -> allowed.add(e.asText()));
            Set<String> allowedSet = Set.copyOf(allowed);
            String constraint = "Member must satisfy enum value set: " + allowed;
            return (value, path, out) -> {
                if (!value.isTextual()) {
                    out.add(new Violation(path.toString(), value.toString(), "Member must be a string", Violation.Kind.TYPE));
                } else if (!allowedSet.contains(value.asText())) {
                    out.add(new Violation(path.toString(), value.asText(), constraint, Violation.Kind.ENUM));
                }
            };
        }
        Length length = Length.of(shape);
        TextPattern pattern = shape.has("pattern") ? TextPattern.of(shape.path("pattern").asText()) : null;
        String patternConstraint = pattern == null ? null : "Member must satisfy regular expression pattern: " + pattern;
        return (value, path, out) -> {
            if (!value.isTextual()) {
                out.add(new Violation(path.toString(), value.toString(), "Member must be a string", Violation.Kind.TYPE));
                return;
            }
            String text = value.asText();
            length.check(text.codePointCount(0, text.length()), path, value, out);
            if (pattern != null && !pattern.matches(text)) {
                out.add(new Violation(path.toString(), text, patternConstraint, Violation.Kind.PATTERN));
            }
        };
    }

    private static Rule number(JsonNode shape) {
        Long min = shape.has("min") ? shape.path("min").asLong() : null;
        Long max = shape.has("max") ? shape.path("max").asLong() : null;
        return (value, path, out) -> {
            if (!value.isIntegralNumber()) {
                out.add(new Violation(path.toString(), value.asText(), "Member must be an integer", Violation.Kind.TYPE));
                return;
            }
            long number = value.asLong();
            if (min != null && number < min) {
                out.add(new Violation(path.toString(), value.asText(), "Member must have value greater than or equal to " + min,
                        Violation.Kind.TOO_SMALL));
            }
            if (max != null && number > max) {
                out.add(new Violation(path.toString(), value.asText(), "Member must have value less than or equal to " + max,
                        Violation.Kind.TOO_LARGE));
            }
        };
    }

    private static void checkTimestamp(JsonNode value, MemberPath path, List<Violation> out) {
        try {
            if (!value.isTextual()) {
                throw new DateTimeParseException("not text", value.toString(), 0);
            }
            OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            out.add(new Violation(path.toString(), value.asText(), "Member must be an ISO-8601 timestamp", Violation.Kind.TYPE));
        }
    }

    /** One shape's check, compiled from the model. */
    @FunctionalInterface
    private interface Rule {
        void check(JsonNode value, MemberPath path, List<Violation> out);
    }

    /** A shape's min and max length (characters, items or entries). */
    private record Length(Long min, Long max) {
        static Length of(JsonNode shape) {
            return new Length(shape.has("min") ? shape.path("min").asLong() : null,
                    shape.has("max") ? shape.path("max").asLong() : null);
        }

        void check(int length, MemberPath path, JsonNode value, List<Violation> out) {
            if (min != null && length < min) {
                out.add(new Violation(path.toString(), shown(value), "Member must have length greater than or equal to " + min,
                        Violation.Kind.TOO_SHORT));
            }
            if (max != null && length > max) {
                out.add(new Violation(path.toString(), shown(value), "Member must have length less than or equal to " + max,
                        Violation.Kind.TOO_LONG));
            }
        }

        private static String shown(JsonNode value) {
            return value.isTextual() ? value.asText() : value.toString();
        }
    }
}
