package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One source of an import job as the client asked for it.
 *
 * @param source1        the first (or only) file, an {@code s3://} URI
 * @param source2        the second file of a paired FASTQ, or {@code null}
 * @param sourceFileType FASTQ, BAM, CRAM or UBAM
 * @param tags           the client's tags (system tags are added when the job is shown)
 */
public record ImportSource(String source1, String source2, String sourceFileType, String subjectId, String sampleId,
                           String generatedFrom, String referenceArn, String name, String description,
                           Map<String, String> tags) {

    public ImportSource {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags)); // keeps the client's order
    }

    /** Reads a validated {@code StartReadSetImportJobSourceItem}. */
    public static ImportSource fromRequest(JsonNode item) {
        Map<String, String> tags = new LinkedHashMap<>();
        item.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        JsonNode files = item.path("sourceFiles");
        return new ImportSource(text(files, "source1"), text(files, "source2"), text(item, "sourceFileType"),
                text(item, "subjectId"), text(item, "sampleId"), text(item, "generatedFrom"),
                text(item, "referenceArn"), text(item, "name"), text(item, "description"), tags);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }
}
