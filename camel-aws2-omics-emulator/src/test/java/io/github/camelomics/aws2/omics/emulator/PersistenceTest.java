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
