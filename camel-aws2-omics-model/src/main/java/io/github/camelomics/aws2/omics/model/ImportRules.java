package io.github.camelomics.aws2.omics.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the HealthOmics user guide that the model cannot express: aligned formats (BAM, CRAM)
 * need a reference, and only a paired FASTQ has a second file.
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
            boolean aligned = type.equals("BAM") || type.equals("CRAM");
            if (aligned && source.path("referenceArn").asText("").isEmpty()) {
                violations.add(new Violation(path + ".referenceArn", null,
                        "Member must not be null when sourceFileType is " + type, Violation.Kind.RULE));
            }
            JsonNode source2 = source.path("sourceFiles").path("source2");
            if (!type.equals("FASTQ") && !source2.isMissingNode() && !source2.isNull()) {
                violations.add(new Violation(path + ".sourceFiles.source2", source2.asText(),
                        "Member is only allowed when sourceFileType is FASTQ, not " + type, Violation.Kind.RULE));
            }
        }
        return violations;
    }
}
