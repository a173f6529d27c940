package io.github.camelomics.aws2.omics.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static io.github.camelomics.aws2.omics.model.Violation.Kind.*;
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
        assertEquals(List.of(), ReadSetRules.check(request));
    }

    @Test
    void everyBrokenConstraintIsNamedByItsPath() throws Exception {
        JsonNode request = json("""
                {"sequenceStoreId":"12","roleArn":"role",
                 "sources":[{"sourceFiles":{"source1":"s3://B/a"},"sourceFileType":"fastq","subjectId":"","sampleId":"S1"}]}""");

        assertEquals(List.of(
                new Violation("sequenceStoreId", "12", "Member must have length greater than or equal to 10", TOO_SHORT),
                new Violation("roleArn", "role", "Member must have length greater than or equal to 20", TOO_SHORT),
                new Violation("roleArn", "role", "Member must satisfy regular expression pattern: arn:.*", PATTERN),
                new Violation("sources[0].sourceFiles.source1", "s3://B/a",
                        "Member must satisfy regular expression pattern: s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})", PATTERN),
                new Violation("sources[0].sourceFileType", "fastq", "Member must satisfy enum value set: [FASTQ, BAM, CRAM, UBAM]", ENUM),
                new Violation("sources[0].subjectId", "", "Member must have length greater than or equal to 1", TOO_SHORT),
                new Violation("sources[0].subjectId", "",
                        "Member must satisfy regular expression pattern: [\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+", PATTERN)),
                VALIDATOR.validate("StartReadSetImportJobRequest", request));
    }

    @Test
    void alignedFilesNeedAReferenceAndOnlyFastqHasASecondFile() throws Exception {
        JsonNode request = json("""
                {"sources":[{"sourceFiles":{"source1":"s3://lab-bucket/t.bam","source2":"s3://lab-bucket/t2.bam"},
                             "sourceFileType":"BAM","subjectId":"P1","sampleId":"T1"}]}""");

        assertEquals(List.of(
                new Violation("sources[0].referenceArn", null, "Member must not be null when sourceFileType is BAM", RULE),
                new Violation("sources[0].sourceFiles.source2", "s3://lab-bucket/t2.bam",
                        "Member is only allowed when sourceFileType is FASTQ, not BAM", RULE)),
                ReadSetRules.check(request));
    }

    /** Callers tell violations apart by kind, not by wording: a missing member and too many sources have their own. */
    @Test
    void missingMembersAndTooManyItemsHaveTheirOwnKinds() throws Exception {
        StringBuilder sources = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            sources.append(i == 0 ? "" : ",").append("""
                    {"sourceFiles":{"source1":"s3://lab-bucket/S%d.fastq.gz"},"sourceFileType":"FASTQ","subjectId":"P",                    "sampleId":"S%d"}""".formatted(i, i));
        }
        JsonNode request = json("{\"roleArn\":\"arn:aws:iam::123456789012:role/OmicsImport\",\"sources\":[" + sources + "]}");

        assertEquals(List.of(
                new Violation("sequenceStoreId", null, "Member must not be null", REQUIRED),
                new Violation("sources", request.path("sources").toString(), "Member must have length less than or equal to 100",
                        TOO_LONG)),
                VALIDATOR.validate("StartReadSetImportJobRequest", request));
    }

    /**
     * Patterns answered without the regex engine must answer exactly as the regex would, for every pattern of the
     * model: each ASCII character alone and between letters, text with characters outside ASCII, the edges of S3Uri
     * (bucket and key lengths, line terminators, surrogate pairs), and 20,000 random strings made of those pieces.
     */
    @Test
    void patternsAnswerAsTheirRegexDoes() throws Exception {
        List<String> texts = new java.util.ArrayList<>(List.of("", "abc", "S1 tumour", "caf\u00e9", "\u00e9", "a\u0000b", "\ud83e\uddec",
                "a\u200bb", "\u00a0", "1234567890", "s3://lab-bucket/a_R1.fastq.gz", "arn:aws:iam::1:role/x",
                "s3://abc/k", "s3://ab/k", "s3://" + "a".repeat(63) + "/k", "s3://" + "a".repeat(64) + "/k", "s3://abc/",
                "s3://abc//k", "s3://a-c/k", "s3://-bc/k", "s3://ab-/k", "s3://a.c/d/e", "s3://Abc/k", "s3://abc/k\nx",
                "s3://abc/k\u2028", "s3://abc/\ud83e\uddec", "s3://abc/" + "\ud83e\uddec".repeat(1024),
                "s3://abc/" + "x".repeat(1024), "s3://abc/" + "x".repeat(1025), "s3://abc/\ud83e", "S3://abc/k", "s3:/abc/k",
                "s3://abc", "s3://abc/k\r", "s3://a_c/k", "xs3://abc/k"));
        java.util.Random random = new java.util.Random(42);
        String[] pieces = { "s3://", "a", "z", "0", "-", ".", "/", "\n", "\u0085", "\u00e9", "\ud83e\uddec", "\ud83e", "A", "_", " " };
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "" : "s3://");
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        for (char c = 0; c < 128; c++) {
            texts.add(String.valueOf(c));
            texts.add("a" + c + "b");
        }
        int tabled = 0;
        for (String resource : List.of("omics-readset-import-model.json", "omics-readset-upload-model.json",
                "omics-readset-activation-export-model.json")) {
            JsonNode shapes = new ObjectMapper().readTree(OmicsModel.class.getResourceAsStream(resource)).path("shapes");
            for (java.util.Map.Entry<String, JsonNode> shape : (Iterable<java.util.Map.Entry<String, JsonNode>>) shapes::fields) {
                if (!shape.getValue().has("pattern")) {
                    continue;
                }
                String regex = shape.getValue().path("pattern").asText();
                TextPattern pattern = TextPattern.of(regex);
                tabled += pattern.compiled() ? 1 : 0;
                java.util.regex.Pattern reference = java.util.regex.Pattern.compile(regex);
                for (String text : texts) {
                    assertEquals(reference.matcher(text).matches(), pattern.matches(text), shape.getKey() + " on " + text);
                }
            }
        }
        // the ids and names ([\p{L}||...]+), the store id ([0-9]+) and S3Uri at least: else this tests only the regex
        org.junit.jupiter.api.Assertions.assertTrue(tabled >= 6, "patterns answered without the regex: " + tabled);
    }

    @Test
    void theActivationAndExportOperationsAreInTheModelWithTheirLimits() throws Exception {
        StringBuilder sources = new StringBuilder();
        for (int i = 0; i < ReadSetRules.MAX_READ_SETS_PER_ACTIVATION_JOB + 1; i++) {
            sources.append(i == 0 ? "" : ",").append("{\"readSetId\":\"50000000%02d\"}".formatted(i));
        }
        JsonNode request = json("{\"sequenceStoreId\":\"1234567890\",\"sources\":[" + sources + "]}");

        assertEquals(List.of(new Violation("sources", request.path("sources").toString(),
                "Member must have length less than or equal to 20", TOO_LONG)),
                VALIDATOR.validate("StartReadSetActivationJobRequest", request));
        for (String operation : List.of("StartReadSetActivationJob", "GetReadSetActivationJob", "ListReadSetActivationJobs",
                "StartReadSetExportJob", "GetReadSetExportJob", "ListReadSetExportJobs")) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    OmicsModel.load().errorShapes(operation).contains("ValidationException"), operation);
        }
    }

    /** The model's S3Destination: a bucket, or a prefix that ends with a slash; an export also needs its role. */
    @Test
    void anExportGoesToABucketOrAPrefixEndingInASlash() throws Exception {
        String pattern = "s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/?((.{1,1024})/)?";
        for (String good : List.of("s3://exports", "s3://exports/", "s3://exports/run-7/", "s3://exports/a/b/")) {
            assertEquals(List.of(), VALIDATOR.validate("StartReadSetExportJobRequest", json("""
                    {"sequenceStoreId":"1234567890","destination":"%s","roleArn":"arn:aws:iam::123456789012:role/Export",
                     "sources":[{"readSetId":"5000000001"}]}""".formatted(good))), good);
        }

        assertEquals(List.of(
                new Violation("roleArn", null, "Member must not be null", REQUIRED),
                new Violation("destination", "s3://exports/run-7", "Member must satisfy regular expression pattern: " + pattern,
                        PATTERN)),
                VALIDATOR.validate("StartReadSetExportJobRequest", json("""
                        {"sequenceStoreId":"1234567890","destination":"s3://exports/run-7",
                         "sources":[{"readSetId":"5000000001"}]}""")));
    }

    @Test
    void anActivationOrExportNamesEachReadSetOnce() throws Exception {
        JsonNode request = json("""
                {"sources":[{"readSetId":"5000000001"},{"readSetId":"5000000002"},{"readSetId":"5000000001"}]}""");

        assertEquals(List.of(new Violation("sources[2].readSetId", "5000000001",
                "Member must not repeat sources[0].readSetId", RULE)), ReadSetRules.checkReadSetJob(request));
    }
}
