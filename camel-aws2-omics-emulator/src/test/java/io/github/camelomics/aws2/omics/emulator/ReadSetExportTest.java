package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.ExportReadSet;
import software.amazon.awssdk.services.omics.model.ExportReadSetDetail;
import software.amazon.awssdk.services.omics.model.ExportReadSetJobDetail;
import software.amazon.awssdk.services.omics.model.GetReadSetExportJobResponse;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.ReadSetExportJobItemStatus;
import software.amazon.awssdk.services.omics.model.ReadSetExportJobStatus;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;
import software.amazon.awssdk.services.omics.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.omics.model.StartReadSetExportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetExportJobResponse;
import software.amazon.awssdk.services.omics.model.ValidationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.github.camelomics.aws2.omics.emulator.AwsCliTest.md5OfUncompressed;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * StartReadSetExportJob, GetReadSetExportJob and ListReadSetExportJobs through the SDK, signed: an ACTIVE read set's files
 * are written under the destination of the emulator's S3 when the job finishes, with the read set's ETag; a read set
 * in another state fails in the job.
 */
class ReadSetExportTest {

    private static final String EXPORT_ROLE = "arn:aws:iam::123456789012:role/OmicsExport";
    private static final String DESTINATION = "s3://exports/run-7/";

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(
            b -> b.credentials(ACCESS_KEY, SECRET_KEY).maxConcurrentExportJobs(2));

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());
    private final StoredReadSets readSets = new StoredReadSets(EMULATOR, omics);

    /** Files in the data dir outlive a test; read set ids do not: each test exports into an empty bucket. */
    @BeforeEach
    void emptyTheExportBucket() throws Exception {
        Path bucket = EMULATOR.dataDir().resolve("exports");
        if (Files.exists(bucket)) {
            try (var paths = Files.walk(bucket)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static StartReadSetExportJobRequest export(String destination, String... readSetIds) {
        return StartReadSetExportJobRequest.builder().sequenceStoreId(OmicsEmulator.DEFAULT_SEQUENCE_STORE_ID)
                .destination(destination).roleArn(EXPORT_ROLE)
                .sources(Arrays.stream(readSetIds).map(id -> ExportReadSet.builder().readSetId(id).build()).toList())
                .build();
    }

    private StartReadSetExportJobResponse exportTo(String destination, String... readSetIds) {
        EMULATOR.s3().createBucket("exports");
        return omics.startReadSetExportJob(export(destination, readSetIds));
    }

    private GetReadSetExportJobResponse job(String id) {
        GetReadSetExportJobResponse job = omics.getReadSetExportJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).id(id));
        assertNotEquals(ReadSetExportJobStatus.UNKNOWN_TO_SDK_VERSION, job.status());
        job.readSets().forEach(s -> assertNotEquals(ReadSetExportJobItemStatus.UNKNOWN_TO_SDK_VERSION, s.status()));
        return job;
    }

    private static ExportReadSetDetail item(String readSetId, ReadSetExportJobItemStatus status, String message) {
        return ExportReadSetDetail.builder().id(readSetId).status(status).statusMessage(message).build();
    }

    private Path exported(String readSetId, String file) {
        return EMULATOR.s3().resolve(DESTINATION + readSetId + "/" + file);
    }

    @Test
    void anExportWritesEachFileOfThePairUnderTheDestinationWithTheReadSetsETag() throws Exception {
        String readSet = readSets.importedPair("s1");

        StartReadSetExportJobResponse started = exportTo(DESTINATION, readSet);
        assertEquals("8000000001", started.id());
        assertEquals(DESTINATION, started.destination());
        assertEquals(ReadSetExportJobStatus.SUBMITTED, started.status());
        assertEquals(List.of(item(readSet, ReadSetExportJobItemStatus.NOT_STARTED, "The source is queued for the job.")),
                job(started.id()).readSets());
        EMULATOR.advanceClock(OmicsEmulator.DEFAULT_SUBMITTED_DURATION);
        assertEquals(ReadSetExportJobStatus.IN_PROGRESS, job(started.id()).status());
        assertFalse(Files.exists(exported(readSet, "source1.fastq.gz")), "written when the job finishes");

        EMULATOR.advanceClock(OmicsEmulator.DEFAULT_EXPORT_DURATION);
        GetReadSetExportJobResponse completed = job(started.id());
        assertEquals(ReadSetExportJobStatus.COMPLETED, completed.status());
        assertEquals(DESTINATION, completed.destination());
        assertEquals(List.of(item(readSet, ReadSetExportJobItemStatus.FINISHED, null)), completed.readSets());
        GetReadSetMetadataResponse metadata = readSets.metadata(readSet);
        assertEquals(metadata.etag().source1(), md5OfUncompressed(exported(readSet, "source1.fastq.gz")));
        assertEquals(metadata.etag().source2(), md5OfUncompressed(exported(readSet, "source2.fastq.gz")));
    }

    /** As the service's: the content and the HealthOmics ETag are the same, the bytes (and an S3 ETag) are not. */
    @Test
    void exportedFilesAreCompressedAgainSoTheirBytesDifferFromTheImportedOnes() throws Exception {
        String readSet = readSets.imported("s1").get(0);
        Path source = EMULATOR.s3().resolve("s3://bucket/s1.fastq.gz");

        exportTo(DESTINATION, readSet);
        EMULATOR.finishJobs();

        Path file = exported(readSet, "source1.fastq.gz");
        assertFalse(Arrays.equals(Files.readAllBytes(source), Files.readAllBytes(file)));
        assertEquals(md5OfUncompressed(source), md5OfUncompressed(file));
    }

    /** The service keeps what it imported: deleting or changing the source afterwards changes no export. */
    @Test
    void anExportWritesWhatTheReadSetHoldsAfterItsSourceWasDeleted() throws Exception {
        String readSet = readSets.imported("s1").get(0);
        String etag = readSets.metadata(readSet).etag().source1();
        Files.delete(EMULATOR.s3().resolve("s3://bucket/s1.fastq.gz"));

        exportTo(DESTINATION, readSet);
        EMULATOR.finishJobs();

        assertEquals(etag, md5OfUncompressed(exported(readSet, "source1.fastq.gz")));
    }

    @Test
    void anUploadedReadSetIsExportedFromItsParts() throws Exception {
        byte[] fastq = MultipartUploadTest.fastq(300, 80);
        String uploadId = omics.createMultipartReadSetUpload(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .sourceFileType("FASTQ").subjectId("subject-1").sampleId("s1").name("uploaded")).uploadId();
        String c1 = part(uploadId, 1, Arrays.copyOfRange(fastq, 0, fastq.length / 2));
        String c2 = part(uploadId, 2, Arrays.copyOfRange(fastq, fastq.length / 2, fastq.length));
        String readSet = omics.completeMultipartReadSetUpload(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .uploadId(uploadId).parts(p -> p.partSource("SOURCE1").partNumber(1).checksum(c1),
                        p -> p.partSource("SOURCE1").partNumber(2).checksum(c2))).readSetId();
        EMULATOR.finishImports();

        exportTo(DESTINATION, readSet);
        EMULATOR.finishJobs();

        Path original = EMULATOR.s3().put("s3://bucket/uploaded.fastq.gz", fastq);
        assertEquals(md5OfUncompressed(original), md5OfUncompressed(exported(readSet, "source1.fastq.gz")));
        assertEquals(readSets.metadata(readSet).etag().source1(), md5OfUncompressed(original));
    }

    private String part(String uploadId, int number, byte[] bytes) {
        return omics.uploadReadSetPart(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).uploadId(uploadId)
                .partSource("SOURCE1").partNumber(number), RequestBody.fromBytes(bytes)).checksum();
    }

    /** A BAM is compressed again (its ETag is over its content); a CRAM is written as it was imported. */
    @Test
    void aBamAndACramAreExportedWithTheirOwnExtensions() throws Exception {
        EMULATOR.s3().putBam("s3://bucket/t.bam");
        byte[] cram = Files.readAllBytes(EMULATOR.s3().putCram("s3://bucket/t.cram"));
        String job = omics.startReadSetImportJob(OmicsClients.start(EMULATOR.sequenceStoreId(),
                OmicsClients.fastq("s3://bucket/t.bam").toBuilder().sourceFileType("BAM")
                        .referenceArn(OmicsClients.REFERENCE_ARN).build(),
                OmicsClients.fastq("s3://bucket/t.cram").toBuilder().sourceFileType("CRAM")
                        .referenceArn(OmicsClients.REFERENCE_ARN).build())).id();
        EMULATOR.finishImports();
        List<String> ids = omics.getReadSetImportJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).id(job))
                .sources().stream().map(s -> s.readSetId()).toList();

        exportTo(DESTINATION, ids.get(0), ids.get(1));
        EMULATOR.finishJobs();

        assertArrayEquals(new byte[] {'B', 'A', 'M', 1}, new java.util.zip.GZIPInputStream(
                Files.newInputStream(exported(ids.get(0), "source1.bam"))).readAllBytes());
        assertArrayEquals(cram, Files.readAllBytes(exported(ids.get(1), "source1.cram")));
    }

    @Test
    void aBucketAsTheDestinationTakesTheReadSetsFoldersAtItsTop() {
        String readSet = readSets.imported("s1").get(0);

        exportTo("s3://exports", readSet);
        EMULATOR.finishJobs();

        assertTrue(Files.exists(EMULATOR.s3().resolve("s3://exports/" + readSet + "/source1.fastq.gz")));
    }

    /** Archived data cannot be read: the read set must be activated first, then it exports. */
    @Test
    void anArchivedReadSetFailsInTheExportUntilItIsActivated() {
        String readSet = readSets.archived("s1").get(0);

        String refused = exportTo(DESTINATION, readSet).id();
        EMULATOR.finishJobs();
        assertEquals(ReadSetExportJobStatus.FAILED, job(refused).status());
        assertEquals("All 1 read sets failed to export", job(refused).statusMessage());
        assertEquals(List.of(item(readSet, ReadSetExportJobItemStatus.FAILED,
                "Read set " + readSet + " is ARCHIVED, not ACTIVE: activate it before exporting it")), job(refused).readSets());
        assertFalse(Files.exists(exported(readSet, "source1.fastq.gz")));

        omics.startReadSetActivationJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .sources(s -> s.readSetId(readSet)));
        EMULATOR.finishJobs();
        String exported = exportTo(DESTINATION, readSet).id();
        EMULATOR.finishJobs();
        assertEquals(ReadSetExportJobStatus.COMPLETED, job(exported).status());
        assertTrue(Files.exists(exported(readSet, "source1.fastq.gz")));
    }

    /** Jobs of different kinds see each other in time order, however far the clock moved before anyone looked. */
    @Test
    void anExportFinishingAfterTheActivationOfItsReadSetFindsItActive() {
        String readSet = readSets.archived("s1").get(0);
        omics.startReadSetActivationJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .sources(s -> s.readSetId(readSet)));
        EMULATOR.advanceClock(OmicsEmulator.DEFAULT_SUBMITTED_DURATION);
        String exportId = exportTo(DESTINATION, readSet).id(); // finishes 1 s after the activation

        EMULATOR.advanceClock(java.time.Duration.ofHours(1));

        assertEquals(ReadSetExportJobStatus.COMPLETED, job(exportId).status());
    }

    @Test
    void aMissingBucketFailsTheExport() {
        String readSet = readSets.imported("s1").get(0);

        String jobId = omics.startReadSetExportJob(export("s3://no-such-bucket/out/", readSet)).id();
        EMULATOR.finishJobs();

        assertEquals(List.of(item(readSet, ReadSetExportJobItemStatus.FAILED,
                "The destination bucket of s3://no-such-bucket/out/ does not exist")), job(jobId).readSets());
    }

    @Test
    void anInjectedFailureFailsTheReadSetOnceAndWritesNothing() {
        List<String> ids = readSets.imported("s1", "s2");
        EMULATOR.faults().failExports(ids.get(0), 1, "source1 could not be read");

        String jobId = exportTo(DESTINATION, ids.get(0), ids.get(1)).id();
        EMULATOR.finishJobs();

        assertEquals(ReadSetExportJobStatus.COMPLETED_WITH_FAILURES, job(jobId).status());
        assertEquals("1 of 2 read sets failed to export", job(jobId).statusMessage());
        assertEquals(item(ids.get(0), ReadSetExportJobItemStatus.FAILED, "source1 could not be read"),
                job(jobId).readSets().get(0));
        assertFalse(Files.exists(exported(ids.get(0), "source1.fastq.gz")));
        assertTrue(Files.exists(exported(ids.get(1), "source1.fastq.gz")));
    }

    @Test
    void theDestinationAndTheRoleAreCheckedAgainstTheModel() {
        String readSet = readSets.imported("s1").get(0);

        ValidationException prefix = assertThrows(ValidationException.class,
                () -> omics.startReadSetExportJob(export("s3://exports/run-7", readSet)));
        ValidationException role = assertThrows(ValidationException.class,
                () -> omics.startReadSetExportJob(export(DESTINATION, readSet).toBuilder().roleArn(null).build()));

        assertEquals("1 validation error detected: Value 's3://exports/run-7' at 'destination' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/?((.{1,1024})/)?",
                prefix.awsErrorDetails().errorMessage());
        assertEquals("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be "
                + "null", role.awsErrorDetails().errorMessage());
        assertTrue(EMULATOR.state().exportJobs().isEmpty());
    }

    @Test
    void aReadSetNotInTheStoreIsResourceNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> exportTo(DESTINATION, "5000000099"));

        assertEquals("Read set 5000000099 not found in sequence store 1234567890", e.awsErrorDetails().errorMessage());
    }

    @Test
    void moreUnfinishedJobsThanTheLimitIsServiceQuotaExceeded() {
        String readSet = readSets.imported("s1").get(0);
        exportTo("s3://exports/a/", readSet);
        exportTo("s3://exports/b/", readSet);

        ServiceQuotaExceededException e = assertThrows(ServiceQuotaExceededException.class,
                () -> exportTo("s3://exports/c/", readSet));

        assertEquals("Maximum number of active read set export jobs (2) reached; wait for a job to finish",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void jobsAreListedWithTheirDestinationByStatus() {
        String readSet = readSets.imported("s1").get(0);
        String done = exportTo("s3://exports/a/", readSet).id();
        EMULATOR.finishJobs();
        exportTo("s3://exports/b/", readSet);

        List<ExportReadSetJobDetail> completed = omics.listReadSetExportJobs(r -> r.sequenceStoreId(
                EMULATOR.sequenceStoreId()).filter(f -> f.status(ReadSetExportJobStatus.COMPLETED))).exportJobs();
        List<ExportReadSetJobDetail> all = omics.listReadSetExportJobs(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())).exportJobs();

        assertEquals(List.of(done), completed.stream().map(ExportReadSetJobDetail::id).toList());
        assertEquals("s3://exports/a/", completed.get(0).destination());
        assertEquals(List.of("s3://exports/a/", "s3://exports/b/"),
                all.stream().map(ExportReadSetJobDetail::destination).toList());
        assertNull(all.get(1).completionTime());
    }

    @Test
    void anExportedReadSetStaysActive() {
        String readSet = readSets.imported("s1").get(0);

        exportTo(DESTINATION, readSet);
        EMULATOR.finishJobs();

        assertEquals(ReadSetStatus.ACTIVE, readSets.status(readSet));
    }
}
