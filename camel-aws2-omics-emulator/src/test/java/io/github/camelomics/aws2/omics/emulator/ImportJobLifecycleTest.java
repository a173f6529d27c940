package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobItemStatus;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Jobs move SUBMITTED → IN_PROGRESS → a terminal status as the (test) clock advances; sources succeed or fail on their files. */
class ImportJobLifecycleTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = new OmicsEmulatorExtension();

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());

    private String startJob(StartReadSetImportJobSourceItem... sources) {
        return omics.startReadSetImportJob(OmicsClients.start(EMULATOR.sequenceStoreId(), sources)).id();
    }

    private GetReadSetImportJobResponse job(String id) {
        GetReadSetImportJobResponse job = omics.getReadSetImportJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).id(id));
        assertNotEquals(ReadSetImportJobStatus.UNKNOWN_TO_SDK_VERSION, job.status());
        job.sources().forEach(s -> {
            assertNotEquals(ReadSetImportJobItemStatus.UNKNOWN_TO_SDK_VERSION, s.status());
            assertNotEquals(FileType.UNKNOWN_TO_SDK_VERSION, s.sourceFileType());
        });
        return job;
    }

    @Test
    void aNewJobIsSubmittedWithSourcesNotStarted() {
        String id = startJob(fastq("s3://bucket/r1.fastq.gz"));

        GetReadSetImportJobResponse job = job(id);
        assertEquals(ReadSetImportJobStatus.SUBMITTED, job.status());
        assertEquals(ReadSetImportJobItemStatus.NOT_STARTED, job.sources().get(0).status());
        assertNull(job.completionTime());
    }

    @Test
    void aJobIsInProgressOnceTheSubmittedDurationHasPassed() {
        String id = startJob(fastq("s3://bucket/r1.fastq.gz"));

        EMULATOR.advanceClock(OmicsEmulator.DEFAULT_SUBMITTED_DURATION);

        GetReadSetImportJobResponse job = job(id);
        assertEquals(ReadSetImportJobStatus.IN_PROGRESS, job.status());
        assertEquals("The job is currently in progress.", job.statusMessage());
        assertEquals(ReadSetImportJobItemStatus.IN_PROGRESS, job.sources().get(0).status());
        assertEquals("The source job is currently in progress.", job.sources().get(0).statusMessage());
    }

    @Test
    void aJobIsStillInProgressJustBeforeTheImportDurationEnds() {
        String id = startJob(fastq("s3://bucket/r1.fastq.gz"));

        EMULATOR.advanceClock(OmicsEmulator.DEFAULT_SUBMITTED_DURATION.plus(OmicsEmulator.DEFAULT_IMPORT_DURATION)
                .minusMillis(1));

        assertEquals(ReadSetImportJobStatus.IN_PROGRESS, job(id).status());
    }

    /** Jobs started at different times each follow their own clock, whichever of them is looked at first. */
    @Test
    void jobsStartedAtDifferentTimesMoveOnEachInTurn() {
        Duration submitted = OmicsEmulator.DEFAULT_SUBMITTED_DURATION;
        Duration importing = OmicsEmulator.DEFAULT_IMPORT_DURATION;
        String first = startJob(fastq("s3://bucket/a.fastq.gz"));
        EMULATOR.advanceClock(submitted);
        String second = startJob(fastq("s3://bucket/b.fastq.gz"));
        String third = startJob(fastq("s3://bucket/c.fastq.gz"));

        assertEquals(ReadSetImportJobStatus.SUBMITTED, job(third).status());
        assertEquals(ReadSetImportJobStatus.IN_PROGRESS, job(first).status());

        EMULATOR.advanceClock(importing.minusMillis(1)); // first: 1 ms before its end; second and third: importing
        assertEquals(ReadSetImportJobStatus.IN_PROGRESS, job(second).status());
        assertEquals(ReadSetImportJobStatus.IN_PROGRESS, job(first).status());

        EMULATOR.advanceClock(Duration.ofMillis(1));
        assertEquals(ReadSetImportJobStatus.FAILED, job(first).status()); // its file is not in the emulator's S3
        assertEquals(ReadSetImportJobStatus.IN_PROGRESS, job(third).status());

        EMULATOR.advanceClock(submitted);
        assertEquals(ReadSetImportJobStatus.FAILED, job(third).status());
        assertEquals(ReadSetImportJobStatus.FAILED, job(second).status());
    }

    /** A settable clock set back: a job started then still follows its own creation time, ahead of older jobs. */
    @Test
    void aJobStartedAfterTheClockWasSetBackMovesOnByItsOwnTime() {
        java.time.Instant start = EMULATOR.clock().instant();
        String older = startJob(fastq("s3://bucket/a.fastq.gz"));
        EMULATOR.clock().set(start.minus(Duration.ofHours(1)));
        String younger = startJob(fastq("s3://bucket/b.fastq.gz")); // created an hour before the older one

        EMULATOR.advanceClock(OmicsEmulator.DEFAULT_SUBMITTED_DURATION);
        assertEquals(ReadSetImportJobStatus.IN_PROGRESS, job(younger).status());
        assertEquals(ReadSetImportJobStatus.SUBMITTED, job(older).status());
    }

    @Test
    void aJobWhoseSourcesAllImportIsCompleted() {
        EMULATOR.s3().putFastq("s3://bucket/r1.fastq.gz", 10, 100);
        String id = startJob(fastq("s3://bucket/r1.fastq.gz"));

        EMULATOR.finishImports();

        GetReadSetImportJobResponse job = job(id);
        assertEquals(ReadSetImportJobStatus.COMPLETED, job.status());
        assertEquals(OmicsEmulatorExtension.DEFAULT_START.plus(Duration.ofSeconds(6)), job.completionTime());
        assertNull(job.statusMessage());
        ImportReadSetSourceItem source = job.sources().get(0);
        assertEquals(ReadSetImportJobItemStatus.FINISHED, source.status());
        assertEquals("5000000001", source.readSetId());
        assertNull(source.statusMessage());
    }

    @Test
    void aJobWithSomeFailedSourcesIsCompletedWithFailures() {
        EMULATOR.s3().putFastq("s3://bucket/r1.fastq.gz", 10, 100);
        String id = startJob(fastq("s3://bucket/r1.fastq.gz"), fastq("s3://bucket/missing.fastq.gz"));

        EMULATOR.finishImports();

        GetReadSetImportJobResponse job = job(id);
        assertEquals(ReadSetImportJobStatus.COMPLETED_WITH_FAILURES, job.status());
        assertEquals("1 of 2 sources failed to import", job.statusMessage());
        assertEquals(ReadSetImportJobItemStatus.FINISHED, job.sources().get(0).status());
        ImportReadSetSourceItem failed = job.sources().get(1);
        assertEquals(ReadSetImportJobItemStatus.FAILED, failed.status());
        assertEquals("source1 does not exist: s3://bucket/missing.fastq.gz", failed.statusMessage());
        assertNull(failed.readSetId());
    }

    @Test
    void anArmedImportFailureFailsTheSourcesFirstImportOnly() {
        EMULATOR.s3().putFastq("s3://bucket/r1.fastq.gz", 10, 100);
        EMULATOR.s3().putFastq("s3://bucket/r2.fastq.gz", 10, 100);
        EMULATOR.faults().failImports("s3://bucket/r2.fastq.gz", 1, "source1 is truncated: s3://bucket/r2.fastq.gz");
        String first = startJob(fastq("s3://bucket/r1.fastq.gz"), fastq("s3://bucket/r2.fastq.gz"));
        EMULATOR.finishImports();
        String again = startJob(fastq("s3://bucket/r2.fastq.gz"));
        EMULATOR.finishImports();

        GetReadSetImportJobResponse failed = job(first);
        assertEquals(ReadSetImportJobStatus.COMPLETED_WITH_FAILURES, failed.status());
        assertEquals(ReadSetImportJobItemStatus.FINISHED, failed.sources().get(0).status());
        assertEquals(ReadSetImportJobItemStatus.FAILED, failed.sources().get(1).status());
        assertEquals("source1 is truncated: s3://bucket/r2.fastq.gz", failed.sources().get(1).statusMessage());
        assertEquals(ReadSetImportJobStatus.COMPLETED, job(again).status(), "the second import reads the file");
    }

    @Test
    void aJobWhoseSourcesAllFailIsFailed() {
        String id = startJob(fastq("s3://bucket/missing.fastq.gz"));

        EMULATOR.finishImports();

        GetReadSetImportJobResponse job = job(id);
        assertEquals(ReadSetImportJobStatus.FAILED, job.status());
        assertEquals("All 1 sources failed to import", job.statusMessage());
        assertNotNull(job.completionTime());
    }

    @Test
    void fastqThatIsNotGzipFailsItsSource() {
        EMULATOR.s3().put("s3://bucket/plain.fastq", "@r1\nACGT\n+\nIIII\n".getBytes(StandardCharsets.US_ASCII));
        String id = startJob(fastq("s3://bucket/plain.fastq"));

        EMULATOR.finishImports();

        assertEquals("source1 is not gzip-compressed (FASTQ must be gzip): s3://bucket/plain.fastq",
                job(id).sources().get(0).statusMessage());
    }

    @Test
    void aBamWithoutTheBamMagicFailsItsSource() {
        EMULATOR.s3().putFastq("s3://bucket/fake.bam", 1, 10);
        String id = startJob(aligned("s3://bucket/fake.bam", FileType.BAM));

        EMULATOR.finishImports();

        assertEquals("source1 is not a BAM file: s3://bucket/fake.bam", job(id).sources().get(0).statusMessage());
    }

    @Test
    void bamCramAndUbamSourcesImport() {
        EMULATOR.s3().putBam("s3://bucket/a.bam");
        EMULATOR.s3().putCram("s3://bucket/a.cram");
        EMULATOR.s3().putBam("s3://bucket/u.bam");
        String id = startJob(aligned("s3://bucket/a.bam", FileType.BAM), aligned("s3://bucket/a.cram", FileType.CRAM),
                fastq("s3://bucket/u.bam").toBuilder().sourceFileType(FileType.UBAM).build());

        EMULATOR.finishImports();

        assertEquals(ReadSetImportJobStatus.COMPLETED, job(id).status());
    }

    @Test
    void sourcesShowAnEmptySource2AndTheSystemTags() {
        String id = startJob(fastq("s3://bucket/r1.fastq.gz").toBuilder().tags(Map.of("project", "p1")).build());

        ImportReadSetSourceItem source = job(id).sources().get(0);

        assertEquals("", source.sourceFiles().source2());
        assertEquals(Map.of("project", "p1", "aws:omics:sampleId", "sample-1", "aws:omics:subjectId", "subject-1"),
                source.tags());
    }

    @Test
    void aPairedFastqCountsTheReadsAndBasesOfBothFiles() {
        EMULATOR.s3().putFastq("s3://bucket/r1.fastq.gz", 10, 100);
        EMULATOR.s3().putFastq("s3://bucket/r2.fastq.gz", 10, 100);
        String id = startJob(fastq("s3://bucket/r1.fastq.gz").toBuilder().sourceFiles(SourceFiles.builder()
                .source1("s3://bucket/r1.fastq.gz").source2("s3://bucket/r2.fastq.gz").build()).build());
        EMULATOR.finishImports();

        GetReadSetMetadataResponse readSet = omics.getReadSetMetadata(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .id(job(id).sources().get(0).readSetId()));

        assertEquals(20L, readSet.sequenceInformation().totalReadCount());
        assertEquals(2000L, readSet.sequenceInformation().totalBaseCount());
        assertNotNull(readSet.files().source2());
    }

    private static StartReadSetImportJobSourceItem aligned(String uri, FileType type) {
        return fastq(uri).toBuilder().sourceFileType(type).referenceArn(OmicsClients.REFERENCE_ARN).build();
    }
}
