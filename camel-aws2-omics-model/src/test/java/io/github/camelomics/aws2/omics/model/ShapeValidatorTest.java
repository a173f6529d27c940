package io.github.camelomics.aws2.omics.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The model-driven checks that both the component and the emulator rely on. */
class ShapeValidatorTest {

    private static final ShapeValidator VALIDATOR = new ShapeValidator(OmicsModel.load());

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void aValidStartRequestHasNoViolations() throws Exception {
        JsonNode request = json("""
                {"sequenceStoreId":"1234567890","roleArn":"arn:aws:iam::123456789012:role/OmicsImport",
                 "sources":[{"sourceFiles":{"source1":"s3://lab-bucket/a_R1.fastq.gz","source2":"s3://lab-bucket/a_R2.fastq.gz"},
                             "sourceFileType":"FASTQ","subjectId":"P1","sampleId":"S1","tags":{"run":"7"}}]}""");

        assertEquals(List.of(), VALIDATOR.validate("StartReadSetImportJobRequest", request));
        assertEquals(List.of(), ImportRules.check(request));
    }

    @Test
    void everyBrokenConstraintIsNamedByItsPath() throws Exception {
        JsonNode request = json("""
                {"sequenceStoreId":"12","roleArn":"role",
                 "sources":[{"sourceFiles":{"source1":"s3://B/a"},"sourceFileType":"fastq","subjectId":"","sampleId":"S1"}]}""");

        assertEquals(List.of(
                new Violation("sequenceStoreId", "12", "Member must have length greater than or equal to 10"),
                new Violation("roleArn", "role", "Member must have length greater than or equal to 20"),
                new Violation("roleArn", "role", "Member must satisfy regular expression pattern: arn:.*"),
                new Violation("sources[0].sourceFiles.source1", "s3://B/a",
                        "Member must satisfy regular expression pattern: s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})"),
                new Violation("sources[0].sourceFileType", "fastq", "Member must satisfy enum value set: [FASTQ, BAM, CRAM, UBAM]"),
                new Violation("sources[0].subjectId", "", "Member must have length greater than or equal to 1"),
                new Violation("sources[0].subjectId", "",
                        "Member must satisfy regular expression pattern: [\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+")),
                VALIDATOR.validate("StartReadSetImportJobRequest", request));
    }

    @Test
    void alignedFilesNeedAReferenceAndOnlyFastqHasASecondFile() throws Exception {
        JsonNode request = json("""
                {"sources":[{"sourceFiles":{"source1":"s3://lab-bucket/t.bam","source2":"s3://lab-bucket/t2.bam"},
                             "sourceFileType":"BAM","subjectId":"P1","sampleId":"T1"}]}""");

        assertEquals(List.of(
                new Violation("sources[0].referenceArn", null, "Member must not be null when sourceFileType is BAM"),
                new Violation("sources[0].sourceFiles.source2", "s3://lab-bucket/t2.bam",
                        "Member is only allowed when sourceFileType is FASTQ, not BAM")),
                ImportRules.check(request));
    }

    /**
     * The ASCII table must answer exactly as the regex would, for every pattern of the model: each ASCII character
     * alone, between letters, and text with characters outside ASCII (where the regex answers).
     */
    @Test
    void patternsAnswerAsTheirRegexDoes() throws Exception {
        List<String> texts = new java.util.ArrayList<>(List.of("", "abc", "S1 tumour", "caf\u00e9", "\u00e9", "a\u0000b", "\ud83e\uddec",
                "a\u200bb", "\u00a0", "1234567890", "s3://lab-bucket/a_R1.fastq.gz", "arn:aws:iam::1:role/x"));
        for (char c = 0; c < 128; c++) {
            texts.add(String.valueOf(c));
            texts.add("a" + c + "b");
        }
        int tabled = 0;
        JsonNode shapes = new ObjectMapper().readTree(OmicsModel.class.getResourceAsStream("omics-readset-import-model.json")).path("shapes");
        for (java.util.Map.Entry<String, JsonNode> shape : (Iterable<java.util.Map.Entry<String, JsonNode>>) shapes::fields) {
            if (!shape.getValue().has("pattern")) {
                continue;
            }
            String regex = shape.getValue().path("pattern").asText();
            ShapeValidator.TextPattern pattern = ShapeValidator.TextPattern.of(regex);
            tabled += pattern.tabled() ? 1 : 0;
            java.util.regex.Pattern reference = java.util.regex.Pattern.compile(regex);
            for (String text : texts) {
                assertEquals(reference.matcher(text).matches(), pattern.matches(text), shape.getKey() + " on " + text);
            }
        }
        // the ids and names ([\p{L}||...]+) and the store id ([0-9]+) at least: else this test tests only the regex
        org.junit.jupiter.api.Assertions.assertTrue(tabled >= 5, "tabled patterns: " + tabled);
    }
}
