package io.github.camelomics.aws2.omics;

import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.support.OmicsTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import static io.github.camelomics.aws2.omics.support.OmicsWireMock.JOB;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.ROLE;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input that cannot be used fails with an InvalidRequestException that names the operation, the field and how to set
 * it, and what was received; nothing reaches the server.
 */
class InvalidInputTest extends OmicsTestSupport {

    private static final String START = "aws2-omics:startReadSetImportJob?sequenceStoreId=" + STORE + "&roleArn=" + ROLE;

    @AfterEach
    void nothingWasSent() {
        assertEquals(0, WIRE.getAllServeEvents().size(), "no request may reach the server");
    }

    private InvalidRequestException invalid(String uri, Object body, Map<String, Object> headers) {
        return sendFailing(uri, body, headers, InvalidRequestException.class);
    }

    private static StartReadSetImportJobSourceItem.Builder source() {
        return StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().source1("s3://lab-bucket/a.fastq.gz").build())
                .sourceFileType("FASTQ").subjectId("s").sampleId("a");
    }

    @Test
    void missingSequenceStoreIdNamesTheHeaderAndTheOption() {
        InvalidRequestException e = invalid("aws2-omics:startReadSetImportJob?roleArn=" + ROLE, source().build(), Map.of());
        assertEquals(Omics2Operations.startReadSetImportJob, e.getOperation());
        assertEquals(List.of("sequenceStoreId: required, got none; set header CamelAwsOmicsSequenceStoreId, the body's "
                             + "sequenceStoreId or option sequenceStoreId"), e.getProblems());
        assertTrue(e.getMessage().startsWith("aws2-omics:startReadSetImportJob: invalid request, nothing was sent (1 problem)"),
                e.getMessage());
    }

    @Test
    void missingRoleArnAndSourcesAreReportedTogether() {
        InvalidRequestException e = invalid("aws2-omics:startReadSetImportJob?sequenceStoreId=" + STORE, null, Map.of());
        assertEquals(List.of(
                "roleArn: required, got none; set header CamelAwsOmicsRoleArn, the body's roleArn or option roleArn",
                "sources: required, got none; set header CamelAwsOmicsSource1 (with CamelAwsOmicsSourceFileType, "
                                                                                                    + "CamelAwsOmicsSubjectId, CamelAwsOmicsSampleId) or a body with sources"),
                e.getProblems());
    }

    @Test
    void sourceMissingRequiredMembersNamesEachWithItsIndex() {
        StartReadSetImportJobSourceItem incomplete = StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().build()).subjectId("s").build();
        InvalidRequestException e = invalid(START, List.of(source().build(), incomplete), Map.of());
        assertEquals(List.of(
                "sources[1].sourceFiles.source1: required, got none; set it in the body's source, or header CamelAwsOmicsSource1 for a source from headers",
                "sources[1].sourceFileType: required, got none; set it in the body's source, or header CamelAwsOmicsSourceFileType for a source from headers",
                "sources[1].sampleId: required, got none; set it in the body's source, or header CamelAwsOmicsSampleId for a source from headers"),
                e.getProblems());
    }

    @Test
    void headersOnlySourceMissingItsSampleId() {
        InvalidRequestException e = invalid(START, null, Map.of(
                Omics2Constants.SOURCE1, "s3://lab-bucket/a.fastq.gz",
                Omics2Constants.SOURCE_FILE_TYPE, "FASTQ",
                Omics2Constants.SUBJECT_ID, "s"));
        assertEquals(List.of("sources[0].sampleId: required, got none; set it in the body's source, or header "
                             + "CamelAwsOmicsSampleId for a source from headers"),
                e.getProblems());
    }

    /** A tag key comes from the input: in a problem it is quoted and escaped, so that it cannot forge a line of a log. */
    @Test
    void aHostileTagKeyIsQuotedInTheProblem() {
        StartReadSetImportJobSourceItem tagged = source().tags(Map.of("run\nINFO forged line", "x".repeat(300))).build();
        InvalidRequestException e = invalid(START, List.of(tagged), Map.of());
        assertEquals(List.of("sources[0].tags.\"run\\nINFO forged line\": must have length less than or equal to 256, got '"
                             + "x".repeat(64) + "...'"), e.getProblems());
        assertFalse(e.getMessage().contains("\nINFO forged line"), e.getMessage());
    }

    @Test
    void sourceHeadersWithoutSource1() {
        InvalidRequestException e = invalid(START, List.of(source().build()), Map.of(Omics2Constants.SAMPLE_ID, "b"));
        assertEquals(List.of("header CamelAwsOmicsSource1: required with CamelAwsOmicsSampleId (source headers describe "
                             + "one source, started by its source1), got none"),
                e.getProblems());
    }

    @Test
    void pojoRequestWithAnotherType() {
        InvalidRequestException e = invalid(START + "&pojoRequest=true", List.of(source().build()), Map.of());
        assertEquals(List.of("body: pojoRequest=true needs a StartReadSetImportJobRequest, got a "
                             + "java.util.ImmutableCollections$List12"),
                e.getProblems());
    }

    @Test
    void theRequestOfAnotherOperation() {
        InvalidRequestException e = invalid(START,
                GetReadSetImportJobRequest.builder().sequenceStoreId(STORE).id(JOB).build(), Map.of());
        assertEquals(List.of("body: expected a StartReadSetImportJobRequest or no request object, got a "
                             + "GetReadSetImportJobRequest (the request of another operation)"),
                e.getProblems());
    }

    @Test
    void wrongRequestTypeOnAnotherOperation() {
        InvalidRequestException e = invalid("aws2-omics:getReadSetImportJob?sequenceStoreId=" + STORE,
                StartReadSetImportJobRequest.builder().sources(source().build()).build(),
                Map.of(Omics2Constants.IMPORT_JOB_ID, JOB));
        assertEquals(Omics2Operations.getReadSetImportJob, e.getOperation());
        assertEquals(List.of("body: expected a GetReadSetImportJobRequest or no request object, got a "
                             + "StartReadSetImportJobRequest (the request of another operation)"), e.getProblems());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        InvalidRequestException e = invalid(START, "[{\"sampleId\": \"a\",\n \"subjectId\" \"s\"}]", Map.of());
        assertEquals(1, e.getProblems().size());
        String problem = e.getProblems().get(0);
        assertTrue(problem.startsWith("body: expected JSON (an array of sources or a request object), but it does not parse: "),
                problem);
        assertTrue(problem.endsWith("at line 2, column 14"), problem);
    }

    @Test
    void unknownMemberAndWrongTypesInJsonNameTheirPath() {
        String json = """
                [{"sourceFiles":{"source1":"s3://lab-bucket/a.fastq.gz"},"sourceFileType":"FASTQ","subjectId":"s","sampleId":"a"},
                 {"sourceFiles":{"source1":["s3://x/y"]},"sourceFileType":"FASTQ","subjectId":"s","sampleID":"b","tags":"run=7"}]
                """;
        InvalidRequestException e = invalid(START, json, Map.of());
        assertEquals(List.of(
                "sources[1].sourceFiles.source1: expected text, got array [\"s3://x/y\"]",
                "sources[1].sampleID: unknown member, expected one of [sourceFiles, sourceFileType, subjectId, sampleId, "
                                                                                   + "generatedFrom, referenceArn, name, description, tags]",
                "sources[1].tags: expected a JSON object, got string \"run=7\""),
                e.getProblems());
    }

    @Test
    void textThatIsNeitherJsonNorASampleSheet() {
        InvalidRequestException e = invalid(START, "42", Map.of());
        assertEquals("line 1: not a sample sheet: expected columns such as sampleId,subjectId,sourceFileType,source1 "
                     + "(API form) or sample,fastq_1,fastq_2 (nf-core form), got 42", e.getProblems().get(0));
    }

    @Test
    void bodyOfAnUnusableType() {
        InvalidRequestException e = invalid(START, 42L, Map.of());
        assertEquals("body: expected a StartReadSetImportJobRequest, source item(s), Map(s), JSON, a CSV sample sheet or S3 URIs "
                     + "(String, byte[], InputStream, Reader, File or Path), got a java.lang.Long",
                e.getProblems().get(0));
    }

    @Test
    void listElementOfAnUnusableType() {
        InvalidRequestException e = invalid(START, List.of(source().build(), "s3://lab-bucket/b.fastq.gz"), Map.of());
        assertEquals(List.of("sources[1]: expected a StartReadSetImportJobSourceItem or a Map (or S3 URIs, all items text), got a "
                             + "java.lang.String"),
                e.getProblems());
    }

    @Test
    void headersOfTheWrongType() {
        InvalidRequestException e = invalid("aws2-omics:listReadSets?sequenceStoreId=" + STORE, null, Map.of(
                Omics2Constants.MAX_RESULTS, "ten",
                Omics2Constants.FILTER_CREATED_AFTER, "yesterday",
                Omics2Constants.SAMPLE_ID, new Object()));
        assertEquals(3, e.getProblems().size(), e.getMessage());
        assertTrue(e.getProblems().contains("header CamelAwsOmicsMaxResults: expected a whole number, got a java.lang.String 'ten'"));
        assertTrue(e.getProblems().contains(
                "header CamelAwsOmicsFilterCreatedAfter: expected an ISO-8601 time such as 2024-05-01T12:00:00Z, got a java.lang.String 'yesterday'"));
        assertTrue(e.getProblems().contains("header CamelAwsOmicsSampleId: expected text, got a java.lang.Object"));
    }

    @Test
    void tagsHeaderThatIsNotAMap() {
        InvalidRequestException e = invalid(START, null, Map.of(
                Omics2Constants.SOURCE1, "s3://lab-bucket/a.fastq.gz", Omics2Constants.SOURCE_FILE_TYPE, "FASTQ",
                Omics2Constants.SUBJECT_ID, "s", Omics2Constants.SAMPLE_ID, "a", Omics2Constants.TAGS, "run=7"));
        assertEquals(List.of("header CamelAwsOmicsTags: expected a Map of tag keys to values, got a java.lang.String 'run=7'"),
                e.getProblems());
    }

    @Test
    void missingIdsOfGetOperations() {
        InvalidRequestException job = invalid("aws2-omics:getReadSetImportJob", null, Map.of());
        assertEquals(List.of(
                "sequenceStoreId: required, got none; set header CamelAwsOmicsSequenceStoreId, the body's sequenceStoreId or option sequenceStoreId",
                "id: required, got none; set header CamelAwsOmicsImportJobId or the body's id"), job.getProblems());
        InvalidRequestException readSet = invalid("aws2-omics:getReadSetMetadata?sequenceStoreId=" + STORE, null, Map.of());
        assertEquals(List.of("id: required, got none; set header CamelAwsOmicsReadSetId or the body's id"), readSet.getProblems());
    }

    @Test
    void unknownOperationHeader() {
        InvalidRequestException e = invalid(START, null, Map.of(Omics2Constants.OPERATION, "cancelReadSetImportJob"));
        assertEquals(List.of("header CamelAwsOmicsOperation: expected one of [startReadSetImportJob, getReadSetImportJob, "
                             + "listReadSetImportJobs, getReadSetMetadata, listReadSets, uploadReadSet], got 'cancelReadSetImportJob'"),
                e.getProblems());
    }
}
