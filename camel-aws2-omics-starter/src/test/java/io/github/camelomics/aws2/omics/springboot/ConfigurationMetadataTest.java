package io.github.camelomics.aws2.omics.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter's IDE metadata (written by spring-boot-configuration-processor) against the component's own metadata:
 * when an option is added to, removed from or changed in the component, this fails until the starter follows.
 */
class ConfigurationMetadataTest {

    private static final Set<String> STARTER_ONLY = Set.of(
            Omics2ComponentProperties.PREFIX + ".enabled", Omics2ComponentProperties.PREFIX + ".customizer.enabled");

    private static Map<String, JsonNode> starterProperties;

    @BeforeAll
    static void readStarterMetadata() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith(Omics2ComponentProperties.PREFIX + ".")) {
                        properties.put(name, property);
                    }
                }
            }
        }
        starterProperties = properties;
    }

    @Test
    void everyComponentOptionHasAProperty() {
        List<String> missing = ComponentOptions.all().stream()
                .map(ComponentOptions.Option::kebabKey)
                .filter(key -> !starterProperties.containsKey(key))
                .toList();

        assertEquals(List.of(), missing, "component options without a Spring property in the starter");
    }

    @Test
    void everyPropertyIsAComponentOptionOrASwitchOfTheStarter() {
        Set<String> unknown = new TreeSet<>(starterProperties.keySet());
        ComponentOptions.all().forEach(option -> unknown.remove(option.kebabKey()));
        unknown.removeAll(STARTER_ONLY);

        assertEquals(Set.of(), unknown, "Spring properties that the component no longer has");
    }

    @Test
    void everyPropertyIsDescribedAsTheComponentDescribesItsOption() {
        List<String> differing = new ArrayList<>();
        for (ComponentOptions.Option option : ComponentOptions.all()) {
            String description = starterProperties.get(option.kebabKey()).path("description").asText();
            // the starter may add how Spring takes the value (a bean reference), never say something else
            if (!description.startsWith(option.description())) {
                differing.add(option.name() + ": component says '" + option.description() + "', starter says '"
                              + description + "'");
            }
        }

        assertEquals(List.of(), differing);
    }

    @Test
    void everyPropertyHasTheDefaultOfItsOption() {
        List<String> differing = new ArrayList<>();
        for (ComponentOptions.Option option : ComponentOptions.all()) {
            JsonNode starterDefault = starterProperties.get(option.kebabKey()).get("defaultValue");
            if (!sameDefault(option, starterDefault)) {
                differing.add(option.name() + ": component " + option.defaultValue() + ", starter " + starterDefault);
            }
        }

        assertEquals(List.of(), differing);
    }

    @Test
    void theSwitchesOfTheStarterAreDescribedAndOnByDefault() {
        for (String key : STARTER_ONLY) {
            JsonNode property = starterProperties.get(key);
            assertTrue(property != null && !property.path("description").asText().isBlank(), key + " is described");
            assertTrue(property.path("defaultValue").asBoolean(), key + " defaults to true");
        }
    }

    private static boolean sameDefault(ComponentOptions.Option option, JsonNode starterDefault) {
        JsonNode componentDefault = option.defaultValue();
        if (componentDefault == null || starterDefault == null) {
            return componentDefault == null && starterDefault == null;
        }
        return switch (option.type()) {
            case "duration" -> Duration.ofMillis(componentDefault.asLong())
                    .equals(DurationStyle.detectAndParse(starterDefault.asText()));
            case "integer", "number" -> componentDefault.asDouble() == starterDefault.asDouble();
            // the processor writes enum constants in lower case
            default -> componentDefault.asText().equalsIgnoreCase(starterDefault.asText());
        };
    }
}
