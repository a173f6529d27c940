package io.github.camelomics.aws2.omics.internal.request;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.model.MemberPath;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads JSON into AWS SDK model objects through the SDK's own field metadata, so that member names are exactly the
 * API's and one piece of code serves every shape. Problems are collected with their member path (e.g.
 * {@code sources[2].sourceFiles.source1}) rather than thrown one at a time.
 */
final class SdkJson {

    /** Each model class's fields by their wire name: a memo of fixed SDK metadata, the same in every call. */
    private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS = new ConcurrentHashMap<>();

    private SdkJson() {
    }

    /**
     * Reads an object node into the given builder and builds it; returns null (with a problem added) when the node is
     * not an object.
     */
    static <T> T read(JsonNode node, Supplier<? extends SdkPojo> builder, String path, List<String> problems) {
        return read(node, builder, MemberPath.startingAt(path), problems);
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(JsonNode node, Supplier<? extends SdkPojo> builder, MemberPath path, List<String> problems) {
        if (!node.isObject()) {
            problems.add(path + ": expected a JSON object, got " + describe(node));
            return null;
        }
        SdkPojo target = builder.get();
        Map<String, SdkField<?>> fields = fields(target);
        node.fields().forEachRemaining(member -> {
            SdkField<?> field = fields.get(member.getKey());
            MemberPath memberPath = path.member(member.getKey());
            if (field == null) {
                problems.add(memberPath + ": unknown member, expected one of " + fields.keySet());
                return;
            }
            Object value = value(field, member.getValue(), memberPath, problems);
            if (value != null) {
                field.set(target, value);
            }
        });
        return (T) ((SdkBuilder<?, ?>) target).build();
    }

    private static Map<String, SdkField<?>> fields(SdkPojo pojo) {
        Map<String, SdkField<?>> fields = FIELDS.get(pojo.getClass()); // a plain read: no lambda for every object
        if (fields == null) {
            fields = pojo.sdkFields().stream()
                    .collect(Collectors.toMap(SdkField::locationName, f -> f, (a, b) -> a, LinkedHashMap::new));
            FIELDS.put(pojo.getClass(), fields);
        }
        return fields;
    }

    /**
     * The JSON the service would receive for this object (members as named on the wire, path members included, map
     * keys sorted), so that it can be validated against the service model and hashed into a stable token.
     */
    static ObjectNode write(SdkPojo pojo) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            JsonNode value = node(field, field.getValueOrDefault(pojo));
            if (value != null) {
                node.set(field.locationName(), value);
            }
        }
        return node;
    }

    private static JsonNode node(SdkField<?> field, Object value) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null; // never set: the SDK sends nothing for it
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value instanceof SdkPojo pojo) {
            return write(pojo);
        }
        if (value instanceof List<?> list) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = json.arrayNode(list.size());
            list.forEach(item -> array.add(item == null ? json.nullNode() : node(member, item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode object = json.objectNode();
            new TreeMap<>(map).forEach((k, v) -> object.set(String.valueOf(k), v == null ? json.nullNode() : node(valueField, v)));
            return object;
        }
        if (value instanceof Integer i) {
            return json.numberNode(i);
        }
        if (value instanceof Long l) {
            return json.numberNode(l);
        }
        return json.textNode(value.toString()); // strings, enums as sent, and Instants in ISO-8601 as on the wire
    }

    private static Object value(SdkField<?> field, JsonNode node, MemberPath path, List<String> problems) {
        if (node.isNull()) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            if (node.isTextual() || node.isIntegralNumber()) { // ids are digits: accept 1234567890 as well as "1234567890"
                return node.asText();
            }
            return expected(path, "text", node, problems);
        }
        if (type == MarshallingType.INTEGER) {
            return node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : expected(path, "a whole number", node, problems);
        }
        if (type == MarshallingType.LONG) {
            return node.canConvertToLong() && node.isIntegralNumber() ? node.longValue() : expected(path, "a whole number", node, problems);
        }
        if (type == MarshallingType.INSTANT) {
            return instant(node, path, problems);
        }
        if (type == MarshallingType.SDK_POJO) {
            return read(node, field.constructor(), path, problems);
        }
        if (type == MarshallingType.LIST) {
            return list(field.getTrait(ListTrait.class).memberFieldInfo(), node, path, problems);
        }
        if (type == MarshallingType.MAP) {
            return map(field.getTrait(MapTrait.class).valueFieldInfo(), node, path, problems);
        }
        return expected(path, "a value of type " + type, node, problems);
    }

    private static List<Object> list(SdkField<?> member, JsonNode node, MemberPath path, List<String> problems) {
        if (!node.isArray()) {
            return expected(path, "a JSON array", node, problems);
        }
        List<Object> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(value(member, node.get(i), path.index(i), problems));
        }
        return values;
    }

    private static Map<String, Object> map(SdkField<?> valueField, JsonNode node, MemberPath path, List<String> problems) {
        if (!node.isObject()) {
            return expected(path, "a JSON object", node, problems);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            // a tag value may be empty but not null: the service stores "" and would reject null
            values.put(e.getKey(), v.isNull() ? expected(path.member(e.getKey()), "text", v, problems)
                    : value(valueField, v, path.member(e.getKey()), problems));
        });
        return values;
    }

    private static Instant instant(JsonNode node, MemberPath path, List<String> problems) {
        if (node.isTextual()) {
            try {
                return Instant.parse(node.asText());
            } catch (DateTimeParseException e) {
                // fall through to the problem below
            }
        }
        return expected(path, "an ISO-8601 time such as 2024-05-01T12:00:00Z", node, problems);
    }

    private static <T> T expected(MemberPath path, String what, JsonNode node, List<String> problems) {
        problems.add(path + ": expected " + what + ", got " + describe(node));
        return null;
    }

    static String describe(JsonNode node) {
        String text = node.toString();
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return node.getNodeType().name().toLowerCase() + " " + shown;
    }
}
