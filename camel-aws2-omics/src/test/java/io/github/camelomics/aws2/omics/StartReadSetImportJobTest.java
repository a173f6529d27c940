package io.github.camelomics.aws2.omics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.support.OmicsTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.JOB;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.ROLE;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.STORE;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.json;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every body form of startReadSetImportJob, and headers alone, reach the wire as the same StartReadSetImportJob call.
 */
class StartReadSetImportJobTest extends OmicsTestSupport {

    private static final String URI = "aws2-omics:startReadSetImportJob?sequenceStoreId=" + STORE + "&roleArn=" + ROLE;

    /** The JSON HealthOmics must receive for the paired FASTQ sample used throughout. */
    private static final String PAIRED_SAMPLE_REQUEST = """
            {"roleArn":"%s","clientToken":"${json-unit.any-string}","sources":[{
              "sourceFiles":{"source1":"s3://lab-bucket/s1_R1.fastq.gz","source2":"s3://lab-bucket/s1_R2.fastq.gz"},
              "sourceFileType":"FASTQ","subjectId":"subject-1","sampleId":"sample-1",
              "name":"sample-1 run 7","tags":{"run":"7"}}]}
            """.formatted(ROLE);

    private static final String PAIRED_SAMPLE_SOURCE = """
            {"sourceFiles":{"source1":"s3://lab-bucket/s1_R1.fastq.gz","source2":"s3://lab-bucket/s1_R2.fastq.gz"},
             "sourceFileType":"FASTQ","subjectId":"subject-1","sampleId":"sample-1","name":"sample-1 run 7","tags":{"run":"7"}}
            """;

    private static StartReadSetImportJobSourceItem pairedSample() {
        return StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().source1("s3://lab-bucket/s1_R1.fastq.gz")
                        .source2("s3://lab-bucket/s1_R2.fastq.gz").build())
                .sourceFileType("FASTQ").subjectId("subject-1").sampleId("sample-1").name("sample-1 run 7")
                .tags(Map.of("run", "7"))
                .build();
    }

    private static Map<String, Object> pairedSampleMap() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("sourceFiles", Map.of("source1", "s3://lab-bucket/s1_R1.fastq.gz", "source2", "s3://lab-bucket/s1_R2.fastq.gz"));
        source.put("sourceFileType", "FASTQ");
        source.put("subjectId", "subject-1");
        source.put("sampleId", "sample-1");
        source.put("name", "sample-1 run 7");
        source.put("tags", Map.of("run", "7"));
        return source;
    }

    private void assertPairedSampleOnTheWire() {
        WIRE.verify(1, signed(json(postRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/importjob"))))
                .withRequestBody(equalToJson(PAIRED_SAMPLE_REQUEST)));
        assertEquals(1, WIRE.getAllServeEvents().size(), "exactly one request reached the server");
    }

    private void assertJobOnTheExchange(Exchange exchange) {
        assertNull(exchange.getException());
        assertEquals(JOB, exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID));
        assertEquals("SUBMITTED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        assertEquals(Instant.parse("2026-11-29T01:00:00.123Z"), exchange.getMessage().getHeader(Omics2Constants.CREATION_TIME));
        assertEquals(STORE, exchange.getMessage().getHeader(Omics2Constants.SEQUENCE_STORE_ID));
        StartReadSetImportJobResponse response
                = assertInstanceOf(StartReadSetImportJobResponse.class, exchange.getMessage().getBody());
        assertEquals(JOB, response.id());
    }

    @Test
    void sdkRequestBody() {
        StartReadSetImportJobRequest request = StartReadSetImportJobRequest.builder().sources(pairedSample()).build();
        assertJobOnTheExchange(send(URI, request, Map.of()));
        assertPairedSampleOnTheWire();
    }

    @Test
    void oneSourceItemBody() {
        assertJobOnTheExchange(send(URI, pairedSample(), Map.of()));
        assertPairedSampleOnTheWire();
    }

    @Test
    void listOfSourceItemsBody() {
        assertJobOnTheExchange(send(URI, List.of(pairedSample()), Map.of()));
        assertPairedSampleOnTheWire();
    }

    @Test
    void mapBody() {
        assertJobOnTheExchange(send(URI, pairedSampleMap(), Map.of()));
        assertPairedSampleOnTheWire();
    }

    @Test
    void listOfMapsBody() {
        assertJobOnTheExchange(send(URI, List.of(pairedSampleMap()), Map.of()));
        assertPairedSampleOnTheWire();
    }

    @Test
    void jsonArrayAsTheCliTakesForSources() {
        assertJobOnTheExchange(send(URI, "[" + PAIRED_SAMPLE_SOURCE + "]", Map.of()));
        assertPairedSampleOnTheWire();
    }

    @Test
    void jsonWholeRequestAsBytes() {
        String request = "{\"roleArn\":\"" + ROLE + "\",\"sources\":[" + PAIRED_SAMPLE_SOURCE + "]}";
        assertJobOnTheExchange(send("aws2-omics:startReadSetImportJob?sequenceStoreId=" + STORE,
                request.getBytes(StandardCharsets.UTF_8), Map.of()));
        assertPairedSampleOnTheWire();
    }

    @Test
    void jsonAsInputStream() {
        assertJobOnTheExchange(send(URI,
                new ByteArrayInputStream(("[" + PAIRED_SAMPLE_SOURCE + "]").getBytes(StandardCharsets.UTF_8)), Map.of()));
        assertPairedSampleOnTheWire();
    }

    @Test
    void jsonFile(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("sources.json"), "[" + PAIRED_SAMPLE_SOURCE + "]");
        assertJobOnTheExchange(send(URI, manifest.toFile(), Map.of()));
        assertPairedSampleOnTheWire();
    }

    @Test
    void jsonManifestFromTheFileComponent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "[" + PAIRED_SAMPLE_SOURCE + "]");
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir + "?noop=true&initialDelay=0").to(URI).to("mock:started");
            }
        });
        org.apache.camel.component.mock.MockEndpoint started = getMockEndpoint("mock:started");
        started.expectedHeaderReceived(Omics2Constants.IMPORT_JOB_ID, JOB);

        started.assertIsSatisfied(10_000);
        assertPairedSampleOnTheWire();
    }

    @Test
    void headersAloneDescribeOneSource() {
        Map<String, Object> headers = Map.of(
                Omics2Constants.SOURCE1, "s3://lab-bucket/s1_R1.fastq.gz",
                Omics2Constants.SOURCE2, "s3://lab-bucket/s1_R2.fastq.gz",
                Omics2Constants.SOURCE_FILE_TYPE, "FASTQ",
                Omics2Constants.SUBJECT_ID, "subject-1",
                Omics2Constants.SAMPLE_ID, "sample-1",
                Omics2Constants.READ_SET_NAME, "sample-1 run 7",
                Omics2Constants.TAGS, Map.of("run", "7"));
        // the body may be anything, e.g. the object an S3 consumer delivered: it is not read for sources
        assertJobOnTheExchange(send(URI, new ByteArrayInputStream(new byte[] { 31, -117, 8 }), headers));
        assertPairedSampleOnTheWire();
    }

    @Test
    void everySourceMemberAndTheClientTokenReachTheWire() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(Omics2Constants.SOURCE1, "s3://lab-bucket/tumour.bam");
        headers.put(Omics2Constants.SOURCE_FILE_TYPE, "BAM");
        headers.put(Omics2Constants.SUBJECT_ID, "subject-9");
        headers.put(Omics2Constants.SAMPLE_ID, "tumour-9");
        headers.put(Omics2Constants.GENERATED_FROM, "whole genome");
        headers.put(Omics2Constants.REFERENCE_ARN, "arn:aws:omics:eu-west-1:123456789012:referenceStore/1/reference/2");
        headers.put(Omics2Constants.READ_SET_NAME, "tumour");
        headers.put(Omics2Constants.READ_SET_DESCRIPTION, "tumour sample, run 9");
        headers.put(Omics2Constants.CLIENT_TOKEN, "run-9-tumour");

        assertJobOnTheExchange(send(URI, null, headers));

        WIRE.verify(1, postRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/importjob")).withRequestBody(equalToJson("""
                {"roleArn":"%s","clientToken":"run-9-tumour","sources":[{
                  "sourceFiles":{"source1":"s3://lab-bucket/tumour.bam"},"sourceFileType":"BAM",
                  "subjectId":"subject-9","sampleId":"tumour-9","generatedFrom":"whole genome",
                  "referenceArn":"arn:aws:omics:eu-west-1:123456789012:referenceStore/1/reference/2",
                  "name":"tumour","description":"tumour sample, run 9"}]}
                """.formatted(ROLE))));
    }

    /**
     * The content token is the SHA-256 of the job's request as the service receives it, without the token: members in
     * the API's order, tag keys sorted. Pinned byte for byte, since a change would start a second job for sources an
     * earlier version already imported.
     */
    @Test
    void theContentTokenIsTheSha256OfTheRequestAsSent() throws Exception {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("z", "1");
        tags.put("a", "2");
        StartReadSetImportJobSourceItem source = StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().source1("s3://lab-bucket/a_R1.fastq.gz").source2("s3://lab-bucket/a_R2.fastq.gz").build())
                .sourceFileType("FASTQ").subjectId("P1").sampleId("S1").name("a").tags(tags).build();

        assertJobOnTheExchange(send(URI, StartReadSetImportJobRequest.builder().sources(source).build(), Map.of()));

        String sent = WIRE.getAllServeEvents().get(0).getRequest().getBodyAsString();
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent).path("clientToken").asText();
        String hashed = "{\"sequenceStoreId\":\"1234567890\",\"roleArn\":\"" + ROLE + "\",\"sources\":[{\"sourceFiles\":"
                        + "{\"source1\":\"s3://lab-bucket/a_R1.fastq.gz\",\"source2\":\"s3://lab-bucket/a_R2.fastq.gz\"},"
                        + "\"sourceFileType\":\"FASTQ\",\"subjectId\":\"P1\",\"sampleId\":\"S1\",\"name\":\"a\",\"tags\":{\"a\":\"2\",\"z\":\"1\"}}]}";
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(hashed.getBytes(StandardCharsets.UTF_8))), token);
        assertEquals("5819deba011692a8f09845eada6a4029d3a918b3c90de428942d49c95deaeb36", token, "the token 0.1.0 sent");
    }

    @Test
    void operationHeaderOverridesTheEndpointPath() {
        Exchange exchange = send("aws2-omics:listReadSets?sequenceStoreId=" + STORE + "&roleArn=" + ROLE, pairedSample(),
                Map.of(Omics2Constants.OPERATION, "startReadSetImportJob"));
        assertJobOnTheExchange(exchange);
        assertPairedSampleOnTheWire();
    }
}
