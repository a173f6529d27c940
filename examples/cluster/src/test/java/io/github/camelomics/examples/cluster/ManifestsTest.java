package io.github.camelomics.examples.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests checked without a cluster, against the app they deploy: three replicas; every environment
 * variable the app reads without a default is set; secrets come from Secrets that exist with those keys; leader
 * election is the Lease service with the RBAC it needs; and every camel.cluster.* key of the app is a camel-main
 * option.
 */
class ManifestsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern ENV = Pattern.compile("\\{\\{env:([A-Z0-9_]+)(:[^}]*)?}}");

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(Path.of("k8s", file).toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static JsonNode container() throws IOException {
        return kind(documents("deployment.yaml"), "Deployment").path("spec").path("template").path("spec")
                .path("containers").path(0);
    }

    private static Map<String, JsonNode> env() throws IOException {
        Map<String, JsonNode> env = new HashMap<>();
        container().path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    @Test
    void threeReplicasOfThePodRunUnderTheServiceAccountBoundToTheLeaseRole() throws IOException {
        List<JsonNode> documents = documents("deployment.yaml");
        JsonNode deployment = kind(documents, "Deployment");
        assertEquals("apps/v1", deployment.path("apiVersion").asText());
        assertEquals(3, deployment.path("spec").path("replicas").asInt());
        assertEquals(deployment.path("spec").path("selector").path("matchLabels"),
                deployment.path("spec").path("template").path("metadata").path("labels"));
        String account = kind(documents, "ServiceAccount").path("metadata").path("name").asText();
        assertEquals(account, deployment.path("spec").path("template").path("spec").path("serviceAccountName").asText());

        JsonNode binding = kind(documents, "RoleBinding");
        JsonNode role = kind(documents, "Role");
        assertEquals(account, binding.path("subjects").path(0).path("name").asText());
        assertEquals(role.path("metadata").path("name").asText(), binding.path("roleRef").path("name").asText());
        JsonNode leases = null;
        for (JsonNode rule : role.path("rules")) {
            if (rule.path("apiGroups").path(0).asText().equals("coordination.k8s.io")) {
                leases = rule;
            }
        }
        assertNotNull(leases, "a rule for coordination.k8s.io");
        assertEquals("leases", leases.path("resources").path(0).asText());
        Set<String> verbs = new HashSet<>();
        leases.path("verbs").forEach(v -> verbs.add(v.asText()));
        assertTrue(verbs.containsAll(Set.of("get", "create", "update")), "the leader takes and renews the Lease: " + verbs);
    }

    @Test
    void leaderElectionIsTheKubernetesLeaseNotAFileLock() throws IOException {
        Map<String, JsonNode> env = env();
        assertEquals("false", env.get("CLUSTER_FILE_ENABLED").path("value").asText());
        assertEquals("true", env.get("CLUSTER_KUBERNETES_ENABLED").path("value").asText());
        assertEquals("metadata.name", env.get("REPLICA_NAME").path("valueFrom").path("fieldRef").path("fieldPath").asText(),
                "each pod its own member id");
        Properties app = applicationProperties();
        assertEquals("Lease", app.getProperty("camel.cluster.kubernetes.leaseResourceType"));
        assertEquals("{{env:CLUSTER_KUBERNETES_ENABLED:false}}", app.getProperty("camel.cluster.kubernetes.enabled"));
        assertEquals("{{env:REPLICA_NAME}}", app.getProperty("camel.cluster.kubernetes.podName"));
        assertEquals("{{env:CLUSTER_FILE_ENABLED:true}}", app.getProperty("camel.cluster.file.enabled"));
    }

    @Test
    void everyCamelClusterKeyOfTheAppIsACamelMainOption() throws IOException {
        Set<String> options = new HashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/camel-main-configuration-metadata.json")) {
            new ObjectMapper().readTree(in).path("properties").forEach(p -> options.add(p.path("name").asText()));
        }
        for (String key : applicationProperties().stringPropertyNames()) {
            if (key.startsWith("camel.cluster.")) {
                assertTrue(options.contains(key), key + " is not a camel-main option");
            }
        }
    }

    @Test
    void everyVariableTheAppNeedsIsSetAndSecretsComeFromSecretsThatHaveTheKeys() throws IOException {
        Map<String, JsonNode> env = env();
        Set<String> needed = new TreeSet<>();
        for (String resource : List.of("application.properties", "replica/beans.camel.yaml",
                "replica/routes/import-sheets.camel.yaml", "replica/routes/job-events.camel.yaml")) {
            Matcher m = ENV.matcher(resource(resource));
            while (m.find()) {
                if (m.group(2) == null) {
                    needed.add(m.group(1));
                }
            }
        }
        assertTrue(needed.containsAll(Set.of("OMICS_JDBC_URL", "AWS_ACCESS_KEY_ID", "REPLICA_NAME")), "read: " + needed);
        for (String name : needed) {
            assertTrue(env.containsKey(name), "the app reads " + name + " without a default, the Deployment does not set it");
        }

        Map<String, Set<String>> secrets = new HashMap<>();
        for (JsonNode secret : documents("secrets.example.yaml")) {
            Set<String> keys = new HashSet<>();
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            secrets.put(secret.path("metadata").path("name").asText(), keys);
        }
        for (String secretVariable : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "OMICS_JDBC_URL",
                "OMICS_JDBC_USER", "OMICS_JDBC_PASSWORD")) {
            JsonNode ref = env.get(secretVariable).path("valueFrom").path("secretKeyRef");
            assertTrue(ref.isObject(), secretVariable + " comes from a Secret, not a literal value");
            String secret = ref.path("name").asText();
            assertTrue(secrets.containsKey(secret), "no Secret " + secret);
            assertTrue(secrets.get(secret).contains(ref.path("key").asText()), "Secret " + secret + " has no key "
                                                                                + ref.path("key").asText());
        }
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private static String resource(String name) throws IOException {
        return Files.readString(Path.of("src/main/resources", name), StandardCharsets.UTF_8);
    }
}
