package io.github.camelomics.examples.camelk;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What kubectl and Camel K would reject or silently ignore, checked without a cluster: kinds and API versions,
 * Kamelets that exist and are used the right way round, no property a Kamelet does not declare, every required one
 * set, component options that the component has, and Kamelet templates that use only declared properties.
 */
class ManifestsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9]+)}}");

    @ParameterizedTest
    @ValueSource(strings = { "k8s/import-pipe.yaml", "k8s/job-events-pipe.yaml" })
    void aPipeWiresASourceKameletToASinkKameletWithDeclaredProperties(String resource) {
        Manifest pipe = Manifest.load(resource);
        assertEquals("camel.apache.org/v1", pipe.root().path("apiVersion").asText());
        assertEquals("Pipe", pipe.root().path("kind").asText());
        assertEquals("secret:aws-omics-credentials",
                pipe.root().path("metadata").path("annotations").path("trait.camel.apache.org/mount.configs").asText());
        assertUsesKamelet(pipe.spec().path("source"), "source");
        assertUsesKamelet(pipe.spec().path("sink"), "sink");
    }

    private static void assertUsesKamelet(JsonNode endpoint, String type) {
        assertEquals("Kamelet", endpoint.path("ref").path("kind").asText());
        assertEquals("camel.apache.org/v1", endpoint.path("ref").path("apiVersion").asText());
        Manifest kamelet = Manifest.kamelet(endpoint.path("ref").path("name").asText());
        assertEquals(type, kamelet.root().path("metadata").path("labels").path("camel.apache.org/kamelet.type").asText(),
                kamelet.name());
        JsonNode declared = kamelet.spec().path("definition").path("properties");
        Map<String, String> set = Manifest.properties(endpoint);
        set.keySet().forEach(p -> assertTrue(declared.has(p), kamelet.name() + " declares no property " + p));
        kamelet.spec().path("definition").path("required")
                .forEach(r -> assertTrue(set.containsKey(r.asText()), "required " + r.asText() + " of " + kamelet.name()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "aws-omics-read-set-import-sink", "aws-omics-import-job-source" })
    void anOmicsKameletIsShapedLikeTheCatalogsAndItsTemplateUsesOnlyDeclaredProperties(String name) {
        Manifest kamelet = Manifest.kamelet(name);
        assertEquals("camel.apache.org/v1", kamelet.root().path("apiVersion").asText());
        assertEquals("Kamelet", kamelet.root().path("kind").asText());
        assertEquals(name, kamelet.root().path("metadata").path("name").asText());
        JsonNode definition = kamelet.spec().path("definition");
        Set<String> declared = new HashSet<>();
        definition.path("properties").fieldNames().forEachRemaining(declared::add);
        definition.path("required").forEach(r -> assertTrue(declared.contains(r.asText()), r.asText()));
        for (String secret : List.of("accessKey", "secretKey")) {
            JsonNode property = definition.path("properties").path(secret);
            assertEquals("password", property.path("format").asText(), secret);
            assertTrue(property.path("x-descriptors").toString().contains("urn:camel:group:credentials"), secret);
        }
        List<String> used = placeholders(kamelet.spec().path("template").toString());
        assertFalse(used.isEmpty());
        used.forEach(p -> assertTrue(declared.contains(p), name + "'s template uses undeclared " + p));
        assertEquals(declared, new HashSet<>(used), "every declared property reaches the endpoint");
    }

    @Test
    void theIntegrationRunsFlowsWithComponentOptionsTheComponentHasAndTheSecretMounted() throws Exception {
        Manifest integration = Manifest.load("k8s/integration.yaml");
        assertEquals("camel.apache.org/v1", integration.root().path("apiVersion").asText());
        assertEquals("Integration", integration.root().path("kind").asText());
        assertFalse(integration.spec().path("flows").isEmpty());
        assertEquals("secret:aws-omics-credentials", integration.spec().path("traits").path("mount").path("configs").get(0).asText());
        JsonNode options;
        try (InputStream json = getClass().getResourceAsStream("/META-INF/io/github/camelomics/aws2/omics/aws2-omics.json")) {
            options = new ObjectMapper().readTree(json).path("componentProperties");
        }
        assertFalse(options.isEmpty());
        integration.camelTraitProperties().keySet().stream()
                .filter(k -> k.startsWith("camel.component.aws2-omics."))
                .map(k -> k.substring("camel.component.aws2-omics.".length()))
                .forEach(option -> assertTrue(options.has(option), "aws2-omics has no component option " + option));
    }

    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
