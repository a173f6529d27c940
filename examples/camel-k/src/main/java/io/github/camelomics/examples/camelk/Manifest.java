package io.github.camelomics.examples.camelk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** A Camel K or Kamelet manifest read from the classpath ({@code k8s/...}, {@code kamelets/...}). */
public record Manifest(String name, JsonNode root) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static Manifest load(String resource) {
        try (InputStream in = Manifest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no manifest " + resource + " on the classpath");
            }
            return new Manifest(resource, YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The Kamelet named so, from the component jar or the Kamelet catalog, as camel-kamelet finds it. */
    public static Manifest kamelet(String name) {
        return load("kamelets/" + name + ".kamelet.yaml");
    }

    public JsonNode spec() {
        return root.path("spec");
    }

    /** An endpoint's properties (a Pipe's source or sink), as text. */
    public static Map<String, String> properties(JsonNode endpoint) {
        Map<String, String> properties = new LinkedHashMap<>();
        endpoint.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue().asText()));
        return properties;
    }

    /** The Integration's {@code traits.camel.properties}, {@code key=value} each. */
    public Map<String, String> camelTraitProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (JsonNode line : spec().path("traits").path("camel").path("properties")) {
            String text = line.asText();
            int eq = text.indexOf('=');
            properties.put(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
        }
        return properties;
    }
}
