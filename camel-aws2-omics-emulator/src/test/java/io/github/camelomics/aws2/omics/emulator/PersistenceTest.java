package io.github.camelomics.aws2.omics.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.omics.OmicsClient;
import io.github.camelomics.aws2.omics.emulator.state.ExportJob;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.ReadSetActivationJobStatus;
import software.amazon.awssdk.services.omics.model.ReadSetExportJobStatus;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With persistence on, a restart with the same data dir keeps jobs and read sets. */
class PersistenceTest {

    @TempDir
    Path dataDir;

    private final SettableClock clock = new SettableClock(Instant.parse("2025-06-01T12:00:00Z"));

    private OmicsEmulator emulator() {
        return OmicsEmulator.builder().dataDir(dataDir).persistence(true).clock(clock).build().start();
    }

    @Test
    void aRestartKeepsJobsAndReadSets() {
        String jobId;
        try (OmicsEmulator first = emulator(); OmicsClient omics = OmicsClients.withoutRetries(first.endpoint())) {
            first.s3().putFastq("s3://bucket/r1.fastq.gz", 4, 25);
            jobId = omics.startReadSetImportJob(OmicsClients.start(first.sequenceStoreId(), fastq("s3://bucket/r1.fastq.gz"))).id();
            clock.advance(Duration.ofMinutes(1));
            omics.getReadSetImportJob(r -> r.sequenceStoreId(first.sequenceStoreId()).id(jobId));
        }

        try (OmicsEmulator second = emulator(); OmicsClient omics = OmicsClients.withoutRetries(second.endpoint())) {
            GetReadSetImportJobResponse job = omics.getReadSetImportJob(r -> r.sequenceStoreId(second.sequenceStoreId()).id(jobId));
            assertEquals(ReadSetImportJobStatus.COMPLETED, job.status());
            assertEquals(4L, omics.getReadSetMetadata(r -> r.sequenceStoreId(second.sequenceStoreId())
                    .id(job.sources().get(0).readSetId())).sequenceInformation().totalReadCount());
        }
    }

    @Test
    void aJobUnfinishedAtShutdownCarriesOnAfterTheRestart() {
        String jobId;
        try (OmicsEmulator first = emulator(); OmicsClient omics = OmicsClients.withoutRetries(first.endpoint())) {
            jobId = omics.startReadSetImportJob(OmicsClients.start(first.sequenceStoreId(), fastq("s3://bucket/r1.fastq.gz"))).id();
        }
        clock.advance(Duration.ofMinutes(1));

        try (OmicsEmulator second = emulator(); OmicsClient omics = OmicsClients.withoutRetries(second.endpoint())) {
            assertEquals(ReadSetImportJobStatus.FAILED, omics.getReadSetImportJob(
                    r -> r.sequenceStoreId(second.sequenceStoreId()).id(jobId)).status());
        }
    }

    @Test
    void anUploadTakingPartsAtShutdownTakesTheRestAfterTheRestart() {
        byte[] r1 = MultipartUploadTest.fastq(30, 60);
        byte[] half = java.util.Arrays.copyOfRange(r1, 0, r1.length / 2);
        byte[] rest = java.util.Arrays.copyOfRange(r1, r1.length / 2, r1.length);
        String uploadId;
        String c1;
        try (OmicsEmulator first = emulator(); OmicsClient omics = OmicsClients.withoutRetries(first.endpoint())) {
            uploadId = omics.createMultipartReadSetUpload(b -> b.sequenceStoreId(first.sequenceStoreId())
                    .sourceFileType("FASTQ").subjectId("s").sampleId("s").name("n")).uploadId();
            c1 = omics.uploadReadSetPart(b -> b.sequenceStoreId(first.sequenceStoreId()).uploadId(uploadId)
                    .partSource("SOURCE1").partNumber(1), software.amazon.awssdk.core.sync.RequestBody.fromBytes(half))
                    .checksum();
        }

        try (OmicsEmulator second = emulator(); OmicsClient omics = OmicsClients.withoutRetries(second.endpoint())) {
            assertEquals(c1, omics.listReadSetUploadParts(b -> b.sequenceStoreId(second.sequenceStoreId())
                    .uploadId(uploadId).partSource("SOURCE1")).parts().get(0).checksum());
            String c2 = omics.uploadReadSetPart(b -> b.sequenceStoreId(second.sequenceStoreId()).uploadId(uploadId)
                    .partSource("SOURCE1").partNumber(2), software.amazon.awssdk.core.sync.RequestBody.fromBytes(rest))
                    .checksum();
            String readSetId = omics.completeMultipartReadSetUpload(b -> b.sequenceStoreId(second.sequenceStoreId())
                    .uploadId(uploadId).parts(p -> p.partSource("SOURCE1").partNumber(1).checksum(c1),
                            p -> p.partSource("SOURCE1").partNumber(2).checksum(c2))).readSetId();
            clock.advance(Duration.ofMinutes(1));
            assertEquals(30L, omics.getReadSetMetadata(b -> b.sequenceStoreId(second.sequenceStoreId()).id(readSetId))
                    .sequenceInformation().totalReadCount());
        }
    }

    @Test
    void newIdsContinueAfterTheRestart() {
        try (OmicsEmulator first = emulator(); OmicsClient omics = OmicsClients.withoutRetries(first.endpoint())) {
            omics.startReadSetImportJob(OmicsClients.start(first.sequenceStoreId(), fastq("s3://bucket/r1.fastq.gz")));
        }

        try (OmicsEmulator second = emulator(); OmicsClient omics = OmicsClients.withoutRetries(second.endpoint())) {
            assertEquals("4000000002", omics.startReadSetImportJob(
                    OmicsClients.start(second.sequenceStoreId(), fastq("s3://bucket/r1.fastq.gz"))).id());
        }
    }

    /**
     * An activation running at shutdown (its read set ACTIVATING) finishes after the restart; the archived read set, the
     * export job and the content an export needs are kept, and new ids go on from the last.
     */
    @Test
    void activationsExportsAndArchivedReadSetsSurviveARestart() throws Exception {
        String activation;
        List<String> readSets;
        try (OmicsEmulator first = emulator(); OmicsClient omics = OmicsClients.withoutRetries(first.endpoint())) {
            first.s3().putFastq("s3://bucket/r1.fastq.gz", 4, 25);
            first.s3().putFastq("s3://bucket/r2.fastq.gz", 5, 25);
            String importJob = omics.startReadSetImportJob(OmicsClients.start(first.sequenceStoreId(),
                    fastq("s3://bucket/r1.fastq.gz"), fastq("s3://bucket/r2.fastq.gz"))).id();
            clock.advance(Duration.ofMinutes(1));
            readSets = omics.getReadSetImportJob(r -> r.sequenceStoreId(first.sequenceStoreId()).id(importJob)).sources()
                    .stream().map(ImportReadSetSourceItem::readSetId).toList();
            first.state().archiveReadSets(first.sequenceStoreId(), readSets);
            activation = omics.startReadSetActivationJob(r -> r.sequenceStoreId(first.sequenceStoreId())
                    .sources(s -> s.readSetId(readSets.get(0)))).id();
            clock.advance(Duration.ofSeconds(2));
            assertEquals(ReadSetStatus.ACTIVATING, omics.getReadSetMetadata(
                    r -> r.sequenceStoreId(first.sequenceStoreId()).id(readSets.get(0))).status());
        }
        Files.delete(dataDir.resolve("bucket/r1.fastq.gz"));
        clock.advance(Duration.ofMinutes(1));

        try (OmicsEmulator second = emulator(); OmicsClient omics = OmicsClients.withoutRetries(second.endpoint())) {
            String store = second.sequenceStoreId();
            assertEquals(ReadSetActivationJobStatus.COMPLETED,
                    omics.getReadSetActivationJob(r -> r.sequenceStoreId(store).id(activation)).status());
            assertEquals(ReadSetStatus.ACTIVE, omics.getReadSetMetadata(r -> r.sequenceStoreId(store)
                    .id(readSets.get(0))).status());
            assertEquals(ReadSetStatus.ARCHIVED, omics.getReadSetMetadata(r -> r.sequenceStoreId(store)
                    .id(readSets.get(1))).status());
            second.s3().createBucket("exports");
            String export = omics.startReadSetExportJob(r -> r.sequenceStoreId(store).destination("s3://exports/")
                    .roleArn(OmicsClients.ROLE_ARN).sources(s -> s.readSetId(readSets.get(0)))).id();
            assertEquals("7000000002", omics.startReadSetActivationJob(r -> r.sequenceStoreId(store)
                    .sources(s -> s.readSetId(readSets.get(1)))).id());
            clock.advance(Duration.ofMinutes(1));
            assertEquals(ReadSetExportJobStatus.COMPLETED,
                    omics.getReadSetExportJob(r -> r.sequenceStoreId(store).id(export)).status());
        }

        try (OmicsEmulator third = emulator()) {
            assertEquals(List.of("8000000001"), third.state().exportJobs().stream().map(ExportJob::id).toList());
            assertTrue(Files.exists(dataDir.resolve("exports/" + readSets.get(0) + "/source1.fastq.gz")),
                    "exported from what the read set holds, its source deleted");
        }
    }

    @Test
    void theStateIsJsonInAHiddenFolderOfTheDataDir() throws Exception {
        try (OmicsEmulator first = emulator(); OmicsClient omics = OmicsClients.withoutRetries(first.endpoint())) {
            omics.startReadSetImportJob(OmicsClients.start(first.sequenceStoreId(), fastq("s3://bucket/r1.fastq.gz")));
        }

        String json = Files.readString(dataDir.resolve(".omics-emulator/state.json"));
        assertTrue(json.contains("\"creationTime\" : \"2025-06-01T12:00:00.000Z\""), json);
    }
}
