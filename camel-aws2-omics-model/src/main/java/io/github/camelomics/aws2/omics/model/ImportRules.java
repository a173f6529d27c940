package io.github.camelomics.aws2.omics.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the HealthOmics user guide that the model cannot express: aligned formats (BAM, CRAM)
 * need a reference, and only a paired FASTQ has a second file. They hold for imports and for uploads alike.
 */
public final class ImportRules {

    private ImportRules() {
    }

    /** Violations in a structurally valid StartReadSetImportJob input. */
    public static List<Violation> check(JsonNode startRequest) {
        List<Violation> violations = new ArrayList<>();
        JsonNode sources = startRequest.path("sources");
        for (int i = 0; i < sources.size(); i++) {
            JsonNode source = sources.get(i);
            String type = source.path("sourceFileType").asText();
            String path = "sources[" + i + "]";
            referenceForAligned(source, path + ".referenceArn", violations);
            JsonNode source2 = source.path("sourceFiles").path("source2");
            if (!type.equals("FASTQ") && !source2.isMissingNode() && !source2.isNull()) {
                violations.add(new Violation(path + ".sourceFiles.source2", source2.asText(),
                        "Member is only allowed when sourceFileType is FASTQ, not " + type, Violation.Kind.RULE));
            }
        }
        return violations;
    }

    /** Violations in a structurally valid CreateMultipartReadSetUpload input. */
    public static List<Violation> checkUpload(JsonNode createRequest) {
        List<Violation> violations = new ArrayList<>();
        referenceForAligned(createRequest, "referenceArn", violations);
        return violations;
    }

    private static void referenceForAligned(JsonNode readSet, String path, List<Violation> violations) {
        String type = readSet.path("sourceFileType").asText();
        boolean aligned = type.equals("BAM") || type.equals("CRAM");
        if (aligned && readSet.path("referenceArn").asText("").isEmpty()) {
            violations.add(new Violation(path, null, "Member must not be null when sourceFileType is " + type,
                    Violation.Kind.RULE));
        }
    }

    /** Whether a source of this file type may have a second file (only a paired FASTQ has one). */
    public static boolean allowsSecondFile(String sourceFileType) {
        return "FASTQ".equals(sourceFileType);
    }
}
