package io.github.camelomics.aws2.omics.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ROLE_ARN;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI (botocore signs every request) against the emulator with keys set, with the environment the README
 * shows: the four commands work, a wrong secret and an unknown key are refused with AWS's codes. Skipped where the
 * {@code aws} command is missing.
 */
class AwsCliTest {

    private static final String STORE = "1234567890";
    private static final String SOURCES = "[{\"sourceFiles\":{\"source1\":\"s3://bucket/r1.fastq.gz\","
            + "\"source2\":\"s3://bucket/r2.fastq.gz\"},\"sourceFileType\":\"FASTQ\",\"subjectId\":\"subject-1\","
            + "\"sampleId\":\"sample-1\",\"name\":\"HG00146\"}]";

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.credentials(ACCESS_KEY, SECRET_KEY));

    @TempDir
    Path work;

    @BeforeEach
    void needsTheCli() {
        Botocore.assumeAvailable("The AWS CLI", "aws", "--version");
    }

    private Botocore.Result aws(String accessKey, String secretKey, String... args) {
        return new Botocore(work, accessKey, secretKey, null).aws(EMULATOR.endpoint(), args);
    }

    private static JsonNode json(Botocore.Result result) throws IOException {
        assertEquals(0, result.exitCode(), result.stderr());
        return new ObjectMapper().readTree(result.stdout());
    }

    private JsonNode getJob(String id) throws IOException {
        return json(aws(ACCESS_KEY, SECRET_KEY, "omics", "get-read-set-import-job", "--sequence-store-id", STORE,
                "--id", id));
    }

    private Botocore.Result startJob(String accessKey, String secretKey) {
        return aws(accessKey, secretKey, "omics", "start-read-set-import-job", "--sequence-store-id", STORE,
                "--role-arn", ROLE_ARN, "--sources", SOURCES);
    }

    @Test
    void theCliStartsGetsAndListsJobsAndReadsTheMetadataOfTheReadSet() throws Exception {
        Path r1 = EMULATOR.s3().putFastq("s3://bucket/r1.fastq.gz", 10, 50);
        Path r2 = EMULATOR.s3().putFastq("s3://bucket/r2.fastq.gz", 10, 50);

        JsonNode started = json(startJob(ACCESS_KEY, SECRET_KEY));
        assertEquals("4000000001", started.path("id").asText());
        assertEquals("SUBMITTED", started.path("status").asText());
        assertEquals(ROLE_ARN, started.path("roleArn").asText());

        JsonNode submitted = getJob("4000000001");
        assertEquals("NOT_STARTED", submitted.path("sources").path(0).path("status").asText());
        assertEquals("s3://bucket/r2.fastq.gz", submitted.path("sources").path(0).path("sourceFiles").path("source2").asText());

        EMULATOR.advanceClock(EMULATOR.emulator().timeline().submitted().plus(Duration.ofMillis(1)));
        JsonNode importing = getJob("4000000001");
        assertEquals("IN_PROGRESS", importing.path("status").asText());
        assertEquals("The job is currently in progress.", importing.path("statusMessage").asText());
        assertEquals("The source job is currently in progress.",
                importing.path("sources").path(0).path("statusMessage").asText());

        EMULATOR.finishImports();
        JsonNode completed = getJob("4000000001");
        assertEquals("COMPLETED", completed.path("status").asText());
        assertEquals("5000000001", completed.path("sources").path(0).path("readSetId").asText());

        json(startJob(ACCESS_KEY, SECRET_KEY));
        // --page-size 1: the CLI pages through with maxResults=1 and nextToken in the signed query string
        JsonNode listed = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "list-read-set-import-jobs", "--sequence-store-id",
                STORE, "--page-size", "1"));
        assertEquals(2, listed.path("importJobs").size(), listed.toString());
        assertEquals("4000000002", listed.path("importJobs").path(1).path("id").asText());

        JsonNode readSet = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "get-read-set-metadata", "--sequence-store-id",
                STORE, "--id", "5000000001"));
        assertEquals("FASTQ", readSet.path("fileType").asText());
        assertEquals("UNALIGNED", readSet.path("sequenceInformation").path("alignment").asText());
        assertEquals(20, readSet.path("sequenceInformation").path("totalReadCount").asLong());
        assertEquals(104857600, readSet.path("files").path("source1").path("partSize").asLong());
        assertEquals(1, readSet.path("files").path("source1").path("totalParts").asInt());
        assertEquals(Files.size(r1), readSet.path("files").path("source1").path("contentLength").asLong());
        assertEquals("FASTQ_MD5up", readSet.path("etag").path("algorithm").asText());
        assertEquals(md5OfUncompressed(r1), readSet.path("etag").path("source1").asText());
        assertEquals(md5OfUncompressed(r2), readSet.path("etag").path("source2").asText());
    }

    @Test
    void theCliUploadsAFastqInTwoPartsListsThemAndCompletesTheReadSet() throws Exception {
        byte[] fastq = Files.readAllBytes(EMULATOR.s3().putFastq("s3://bucket/upload.fastq.gz", 200, 100));
        Path part1 = Files.write(work.resolve("part1"), java.util.Arrays.copyOfRange(fastq, 0, fastq.length / 2));
        Path part2 = Files.write(work.resolve("part2"), java.util.Arrays.copyOfRange(fastq, fastq.length / 2, fastq.length));
        String uploadId = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "create-multipart-read-set-upload",
                "--sequence-store-id", STORE, "--source-file-type", "FASTQ", "--subject-id", "subject-1",
                "--sample-id", "sample-1", "--name", "uploaded")).path("uploadId").asText();
        // the CLI streams the file and signs its bytes (plain HTTP), as the SDK for Java does
        String c1 = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "upload-read-set-part", "--sequence-store-id", STORE,
                "--upload-id", uploadId, "--part-source", "SOURCE1", "--part-number", "1", "--payload",
                part1.toString())).path("checksum").asText();
        String c2 = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "upload-read-set-part", "--sequence-store-id", STORE,
                "--upload-id", uploadId, "--part-source", "SOURCE1", "--part-number", "2", "--payload",
                part2.toString())).path("checksum").asText();

        JsonNode parts = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "list-read-set-upload-parts", "--sequence-store-id",
                STORE, "--upload-id", uploadId, "--part-source", "SOURCE1"));
        assertEquals(2, parts.path("parts").size(), parts.toString());
        assertEquals(Files.size(part2), parts.path("parts").path(1).path("partSize").asLong());
        String readSetId = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "complete-multipart-read-set-upload",
                "--sequence-store-id", STORE, "--upload-id", uploadId, "--parts",
                "[{\"partNumber\":1,\"partSource\":\"SOURCE1\",\"checksum\":\"" + c1 + "\"},"
                + "{\"partNumber\":2,\"partSource\":\"SOURCE1\",\"checksum\":\"" + c2 + "\"}]"))
                .path("readSetId").asText();

        EMULATOR.finishImports();
        JsonNode readSet = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "get-read-set-metadata", "--sequence-store-id",
                STORE, "--id", readSetId));
        assertEquals("ACTIVE", readSet.path("status").asText());
        assertEquals("UPLOAD", readSet.path("creationType").asText());
        assertEquals(200, readSet.path("sequenceInformation").path("totalReadCount").asLong());
    }

    /**
     * The six activation and export commands, signed: an archived read set activated (the CLI's waiter, from the model,
     * sees it COMPLETED at its first poll), then exported into the emulator's S3, each job got and listed.
     */
    @Test
    void theCliActivatesAnArchivedReadSetAndExportsIt() throws Exception {
        String readSet = StoredReadSets.archivedReadSetAndExportBucket(EMULATOR);

        JsonNode activation = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "start-read-set-activation-job",
                "--sequence-store-id", STORE, "--sources", "readSetId=" + readSet));
        assertEquals("SUBMITTED", activation.path("status").asText());
        EMULATOR.finishJobs();
        json0(aws(ACCESS_KEY, SECRET_KEY, "omics", "wait", "read-set-activation-job-completed", "--sequence-store-id",
                STORE, "--id", activation.path("id").asText()));
        JsonNode activated = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "get-read-set-activation-job",
                "--sequence-store-id", STORE, "--id", activation.path("id").asText()));
        assertEquals("COMPLETED", activated.path("status").asText());
        assertEquals(readSet, activated.path("sources").path(0).path("readSetId").asText());
        assertEquals("FINISHED", activated.path("sources").path(0).path("status").asText());
        JsonNode activations = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "list-read-set-activation-jobs",
                "--sequence-store-id", STORE, "--filter", "status=COMPLETED"));
        assertEquals(activation.path("id").asText(), activations.path("activationJobs").path(0).path("id").asText());

        JsonNode export = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "start-read-set-export-job", "--sequence-store-id",
                STORE, "--destination", "s3://exports/cli/", "--role-arn", ROLE_ARN, "--sources", "readSetId=" + readSet));
        assertEquals("s3://exports/cli/", export.path("destination").asText());
        EMULATOR.finishJobs();
        json0(aws(ACCESS_KEY, SECRET_KEY, "omics", "wait", "read-set-export-job-completed", "--sequence-store-id", STORE,
                "--id", export.path("id").asText()));
        JsonNode exported = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "get-read-set-export-job", "--sequence-store-id",
                STORE, "--id", export.path("id").asText()));
        assertEquals("FINISHED", exported.path("readSets").path(0).path("status").asText());
        JsonNode exports = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "list-read-set-export-jobs", "--sequence-store-id",
                STORE, "--page-size", "1"));
        assertEquals("COMPLETED", exports.path("exportJobs").path(0).path("status").asText());
        JsonNode metadata = json(aws(ACCESS_KEY, SECRET_KEY, "omics", "get-read-set-metadata", "--sequence-store-id",
                STORE, "--id", readSet));
        assertEquals(metadata.path("etag").path("source1").asText(),
                md5OfUncompressed(EMULATOR.s3().resolve("s3://exports/cli/" + readSet + "/source1.fastq.gz")));
    }

    /** A command that prints nothing (a waiter) and succeeded. */
    private static void json0(Botocore.Result result) {
        assertEquals(0, result.exitCode(), result.stderr());
    }

    @Test
    void aWrongSecretIsRefusedAsAnInvalidSignature() {
        Botocore.Result result = startJob(ACCESS_KEY, "not-the-secret");

        assertNotEquals(0, result.exitCode());
        assertTrue(result.stderr().contains("An error occurred (InvalidSignatureException) when calling the "
                + "StartReadSetImportJob operation: The request signature we calculated does not match"), result.stderr());
        assertTrue(EMULATOR.state().jobs().isEmpty());
    }

    @Test
    void anUnknownAccessKeyIsRefusedAsAnUnrecognizedClient() {
        Botocore.Result result = startJob("AKIAUNKNOWNKEY000001", SECRET_KEY);

        assertNotEquals(0, result.exitCode());
        assertTrue(result.stderr().contains("An error occurred (UnrecognizedClientException) when calling the "
                + "StartReadSetImportJob operation: The security token included in the request is invalid."),
                result.stderr());
    }

    static String md5OfUncompressed(Path gzip) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            md5.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
