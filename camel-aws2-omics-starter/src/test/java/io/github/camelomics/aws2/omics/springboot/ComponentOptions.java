package io.github.camelomics.aws2.omics.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The component options as the component's generated metadata (aws2-omics.json) declares them: the reference. */
final class ComponentOptions {

    static final String COMPONENT_JSON = "META-INF/io/github/camelomics/aws2/omics/aws2-omics.json";

    /** One entry of componentProperties. */
    record Option(String name, JsonNode json) {

        String type() {
            return json.path("type").asText();
        }

        String description() {
            return json.path("description").asText();
        }

        JsonNode defaultValue() {
            return json.get("defaultValue");
        }

        /** The Spring property key in the canonical (kebab-case) form: {@code camel.component.aws2-omics.role-arn}. */
        String kebabKey() {
            return Omics2ComponentProperties.PREFIX + "." + name.replaceAll("([A-Z])", "-$1").toLowerCase();
        }

        String camelCaseKey() {
            return Omics2ComponentProperties.PREFIX + "." + name;
        }
    }

    static List<Option> all() {
        try (InputStream in = ComponentOptions.class.getClassLoader().getResourceAsStream(COMPONENT_JSON)) {
            if (in == null) {
                throw new IllegalStateException("the component metadata " + COMPONENT_JSON + " is not on the classpath");
            }
            JsonNode properties = new ObjectMapper().readTree(in).path("componentProperties");
            List<Option> options = new ArrayList<>();
            properties.fields().forEachRemaining(e -> options.add(new Option(e.getKey(), e.getValue())));
            if (options.isEmpty()) {
                throw new IllegalStateException("no componentProperties in " + COMPONENT_JSON);
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ComponentOptions() {
    }
}
