package io.github.camelomics.aws2.omics.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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

    @Test
    void theStateIsJsonInAHiddenFolderOfTheDataDir() throws Exception {
        try (OmicsEmulator first = emulator(); OmicsClient omics = OmicsClients.withoutRetries(first.endpoint())) {
            omics.startReadSetImportJob(OmicsClients.start(first.sequenceStoreId(), fastq("s3://bucket/r1.fastq.gz")));
        }

        String json = Files.readString(dataDir.resolve(".omics-emulator/state.json"));
        assertTrue(json.contains("\"creationTime\" : \"2025-06-01T12:00:00.000Z\""), json);
    }
}
