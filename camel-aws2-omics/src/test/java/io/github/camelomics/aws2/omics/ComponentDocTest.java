package io.github.camelomics.aws2.omics;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The component document's option and header tables are the component JSON's, so they cannot drift. With
 * -Ddocs.update=true the test writes them instead of checking them.
 */
class ComponentDocTest {

    private static final Path DOC = Path.of("src/main/docs/aws2-omics-component.adoc");

    @Test
    void theDocumentsTablesAreTheComponentMetadata() throws Exception {
        JsonNode json;
        try (InputStream in = Omics2Component.class.getResourceAsStream("/META-INF/io/github/camelomics/aws2/omics/aws2-omics.json")) {
            json = new ObjectMapper().readTree(in);
        }
        String doc = Files.readString(DOC);
        String expected = doc;
        for (Map.Entry<String, String> section : Map.of(
                "component options", options(json.get("componentProperties")),
                "endpoint options", options(json.get("properties")),
                "headers", headers(json.get("headers"))).entrySet()) {
            expected = replaceSection(expected, section.getKey(), section.getValue());
        }
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, expected);
            doc = expected;
        }
        assertEquals(expected, doc, "the tables in " + DOC + " differ from the component JSON: run "
                                    + "mvn -pl camel-aws2-omics test -Dtest=ComponentDocTest -Ddocs.update=true");
    }

    private static String options(JsonNode options) {
        List<String> rows = new ArrayList<>();
        options.fields().forEachRemaining(e -> {
            JsonNode o = e.getValue();
            rows.add("| *" + e.getKey() + "* (" + o.path("group").asText() + ") | " + cell(o.path("description").asText())
                     + (o.path("secret").asBoolean() ? " (secret)" : "") + " | " + cell(o.path("defaultValue").asText())
                     + " | " + cell(shortType(o.path("javaType").asText())));
        });
        return table("Name | Description | Default | Type", "2,5,^1,2", rows);
    }

    private static String headers(JsonNode headers) {
        List<String> rows = new ArrayList<>();
        headers.fields().forEachRemaining(e -> {
            JsonNode h = e.getValue();
            rows.add("| *" + e.getKey() + "* (" + h.path("group").asText() + ") | " + cell(h.path("description").asText())
                     + " | " + cell(shortType(h.path("javaType").asText())));
        });
        return table("Name | Description | Type", "2,5,2", rows);
    }

    private static String table(String header, String cols, List<String> rows) {
        return "[width=\"100%\",cols=\"" + cols + "\",options=\"header\"]\n|===\n| " + header + "\n" + String.join("\n", rows)
               + "\n|===\n";
    }

    private static String shortType(String javaType) {
        return javaType.replaceAll("\\b(java\\.lang|java\\.util|java\\.time)\\.", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String replaceSection(String doc, String name, String content) {
        String start = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(DOC + " has no section markers for " + name);
        }
        return doc.substring(0, from + start.length()) + content + doc.substring(to);
    }
}
