package io.github.camelomics.aws2.omics.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules of the HealthOmics user guide that the model cannot express, and its fixed limits: aligned formats (BAM, CRAM)
 * need a reference, only a paired FASTQ has a second file, a .bam file is BAM or uBAM, a job names each read set once.
 * They hold for imports, uploads, activations and exports alike, in the component and in the emulator.
 */
public final class ReadSetRules {

    /** Sources of one StartReadSetImportJob: a fixed quota, not adjustable. */
    public static final int MAX_SOURCES_PER_IMPORT_JOB = 100;
    /** Read sets of one StartReadSetActivationJob. */
    public static final int MAX_READ_SETS_PER_ACTIVATION_JOB = 20;
    /** Read sets of one StartReadSetExportJob. */
    public static final int MAX_READ_SETS_PER_EXPORT_JOB = 100;
    /** The largest part of a multipart read set upload: 100 MiB. */
    public static final long MAX_PART_SIZE = 104_857_600L;
    /** The largest part number of a multipart read set upload, per source file. */
    public static final int MAX_PARTS = 10_000;

    private ReadSetRules() {
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

    /**
     * Violations in a structurally valid StartReadSetActivationJob or StartReadSetExportJob input: a read set named twice
     * (the second and later mentions are named, each with the first).
     */
    public static List<Violation> checkReadSetJob(JsonNode startRequest) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> firstMention = new HashMap<>();
        JsonNode sources = startRequest.path("sources");
        for (int i = 0; i < sources.size(); i++) {
            String readSetId = sources.get(i).path("readSetId").asText();
            Integer first = firstMention.putIfAbsent(readSetId, i);
            if (first != null) {
                violations.add(new Violation("sources[" + i + "].readSetId", readSetId,
                        "Member must not repeat sources[" + first + "].readSetId", Violation.Kind.RULE));
            }
        }
        return violations;
    }

    private static void referenceForAligned(JsonNode readSet, String path, List<Violation> violations) {
        String type = readSet.path("sourceFileType").asText();
        if (isAligned(type) && readSet.path("referenceArn").asText("").isEmpty()) {
            violations.add(new Violation(path, null, "Member must not be null when sourceFileType is " + type,
                    Violation.Kind.RULE));
        }
    }

    /** Whether a source of this file type may have a second file (only a paired FASTQ has one). */
    public static boolean allowsSecondFile(String sourceFileType) {
        return "FASTQ".equals(sourceFileType);
    }

    /** BAM and CRAM hold reads aligned to a reference, which their read set must name. */
    public static boolean isAligned(String sourceFileType) {
        return "BAM".equals(sourceFileType) || "CRAM".equals(sourceFileType);
    }

    /** The two file types a .bam file may be: aligned (BAM) or unaligned (UBAM). */
    public static boolean isBamEncoding(String sourceFileType) {
        return "BAM".equals(sourceFileType) || "UBAM".equals(sourceFileType);
    }
}
