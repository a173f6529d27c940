package io.github.camelomics.aws2.omics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.emulator.state.ImportSource;
import io.github.camelomics.aws2.omics.emulator.state.ReadSet;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From a run's files to read sets, through the real SDK over HTTP to the emulator: a folder listing as the body,
 * failed sources started again, and the read sets' omics:// URIs handed on as an nf-core sample sheet.
 */
class RunFilesImportTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b
            .submittedDuration(Duration.ofMinutes(1))
            .importDuration(Duration.ofMinutes(30)));

    private static final String START = "aws2-omics:startReadSetImportJob";
    private static final String RUN = "s3://seq-bucket/240517_A01234_0042_BHXYZ/";
    private static final String REFERENCE = "arn:aws:omics:us-east-1:123456789012:referenceStore/1234567890/reference/5678901234";
    private static final String WAITED = START + "?waitForCompletion=true&pollInterval=1m";

    RunFilesImportTest() {
        super(EMULATOR);
    }

    private List<ImportJob> jobs() {
        return EMULATOR.state().jobs(EMULATOR.sequenceStoreId());
    }

    private static String listing(String... names) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(RUN).append(name).append('\n');
        }
        return text.toString();
    }

    /** Two samples of two lanes, as BCL Convert writes them, with what a run folder also holds. */
    private static final String BCL_CONVERT_RUN = listing(
            "NA12878_S1_L001_I1_001.fastq.gz",
            "NA12878_S1_L001_R1_001.fastq.gz", "NA12878_S1_L001_R2_001.fastq.gz",
            "NA12878_S1_L002_R1_001.fastq.gz", "NA12878_S1_L002_R2_001.fastq.gz",
            "NA12891_S2_L001_R1_001.fastq.gz", "NA12891_S2_L001_R2_001.fastq.gz",
            "NA12891_S2_L002_R1_001.fastq.gz", "NA12891_S2_L002_R2_001.fastq.gz",
            "NA12891_S2_L002_R2_001.fastq.gz.md5",
            "Undetermined_S0_L001_R1_001.fastq.gz", "Undetermined_S0_L001_R2_001.fastq.gz");

    private static final List<String> PAIRS = List.of("NA12878_S1_L001", "NA12878_S1_L002", "NA12891_S2_L001", "NA12891_S2_L002");

    private static String file(String pair, int read) {
        return RUN + pair + "_R" + read + "_001.fastq.gz";
    }

    private static void stageRun() {
        for (String pair : PAIRS) {
            EMULATOR.s3().putFastq(file(pair, 1), 4, 50);
            EMULATOR.s3().putFastq(file(pair, 2), 4, 50);
        }
    }

    @Test
    void aRunFolderListingReachesTheWireAsOnePairedSourcePerLane() {
        Exchange exchange = template.send(START, e -> e.getMessage().setBody(BCL_CONVERT_RUN));

        assertNull(exchange.getException());
        List<ImportSource> sent = jobs().get(0).sources();
        assertEquals(List.of(
                new ImportSource(file(PAIRS.get(0), 1), file(PAIRS.get(0), 2), "FASTQ", "NA12878", "NA12878", null, null,
                        "NA12878_S1_L001_001", null, Map.of()),
                new ImportSource(file(PAIRS.get(1), 1), file(PAIRS.get(1), 2), "FASTQ", "NA12878", "NA12878", null, null,
                        "NA12878_S1_L002_001", null, Map.of()),
                new ImportSource(file(PAIRS.get(2), 1), file(PAIRS.get(2), 2), "FASTQ", "NA12891", "NA12891", null, null,
                        "NA12891_S2_L001_001", null, Map.of()),
                new ImportSource(file(PAIRS.get(3), 1), file(PAIRS.get(3), 2), "FASTQ", "NA12891", "NA12891", null, null,
                        "NA12891_S2_L002_001", null, Map.of())), sent);
        assertEquals(jobs().get(0).id(), exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID));
    }

    @Test
    void aListOfAlignedFilesTakesTheReferenceAndUbamFromHeadersAndOptions() {
        List<String> files = List.of(RUN + "HG00096.mapped.ILLUMINA.bwa.GBR.low_coverage.20120522.bam",
                RUN + "HG00096.mapped.ILLUMINA.bwa.GBR.low_coverage.20120522.bam.bai",
                RUN + "NA12878.final.cram", RUN + "NA12878.final.cram.crai");

        Exchange aligned = template.send(START + "?referenceArn=" + REFERENCE, e -> e.getMessage().setBody(files));
        Exchange unaligned = template.send(START + "?bamFileType=UBAM", e -> {
            e.getMessage().setBody(files.subList(0, 2));
            e.getMessage().setHeader(Omics2Constants.SUBJECT_ID, "HG00096-subject");
        });

        assertNull(aligned.getException());
        assertNull(unaligned.getException());
        List<ImportSource> bamAndCram = jobs().get(0).sources();
        assertEquals(List.of("BAM", "CRAM"), bamAndCram.stream().map(ImportSource::sourceFileType).toList());
        assertEquals(List.of(REFERENCE, REFERENCE), bamAndCram.stream().map(ImportSource::referenceArn).toList());
        assertEquals(List.of("HG00096", "NA12878"), bamAndCram.stream().map(ImportSource::sampleId).toList());
        ImportSource ubam = jobs().get(1).sources().get(0);
        assertEquals("UBAM", ubam.sourceFileType());
        assertNull(ubam.referenceArn(), "unaligned: no reference");
        assertEquals("HG00096-subject", ubam.subjectId());
    }

    @Test
    void theHeaderReferenceAndBamTypeWinOverTheOptions() {
        String other = REFERENCE.replace("5678901234", "9999999999");
        Exchange exchange = template.send(START + "?referenceArn=" + REFERENCE + "&bamFileType=UBAM", e -> {
            e.getMessage().setBody(List.of(RUN + "NA24385.bam"));
            e.getMessage().setHeader(Omics2Constants.BAM_FILE_TYPE, "BAM");
            e.getMessage().setHeader(Omics2Constants.REFERENCE_ARN, other);
        });

        assertNull(exchange.getException());
        ImportSource sent = jobs().get(0).sources().get(0);
        assertEquals("BAM", sent.sourceFileType());
        assertEquals(other, sent.referenceArn());
    }

    @Test
    void filesThatCannotBePairedOrTypedAreEachNamedAndNothingIsSent() {
        Exchange exchange = template.send(START, e -> e.getMessage().setBody(listing(
                "NA12878_S1_L001_R1_001.fastq.gz", "NA12878_S1_L001_R2_001.fastq.gz",
                "NA12891_S2_L001_R1_001.fastq.gz", "SampleSheet.csv")));

        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class, exchange.getException());
        assertEquals(List.of(
                "line 4: " + RUN + "SampleSheet.csv: cannot tell the file type from the name: expected .fastq or .fq "
                             + "(optionally .gz), .bam or .cram, or a file that is skipped (.bai, .crai, .csi, .md5, index "
                             + "reads _I1/_I2, Undetermined_*); leave it out of the list",
                "line 3: " + RUN + "NA12891_S2_L001_R1_001.fastq.gz: read 1 without its read 2, in a list of paired "
                             + "reads; add the mate, or import single-end files in a list of their own"),
                e.getProblems());
        assertEquals(0, EMULATOR.requestCounts().of(Operation.START_READ_SET_IMPORT_JOB), "nothing was sent");
    }

    @Test
    void aBamTypeHeaderOtherThanBamOrUbamIsRefused() {
        Exchange exchange = template.send(START, e -> {
            e.getMessage().setBody(List.of(RUN + "NA24385.bam"));
            e.getMessage().setHeader(Omics2Constants.BAM_FILE_TYPE, "CRAM");
        });

        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class, exchange.getException());
        assertEquals(List.of("header CamelAwsOmicsBamFileType: expected BAM or UBAM, got 'CRAM'"), e.getProblems());
    }

    // ---- retryFailedSources

    @Test
    void aSourceThatFailsItsFirstImportIsStartedAgainAndTheImportEndsCompletedInSourceOrder() throws Exception {
        stageRun();
        EMULATOR.faults().failFirstImport(file(PAIRS.get(2), 2));
        String uri = WAITED + "&retryFailedSources=2";
        onEmulatedTime(uri);

        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(BCL_CONVERT_RUN));

        assertNull(exchange.getException());
        assertEquals("COMPLETED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        List<ImportJob> jobs = jobs();
        assertEquals(2, jobs.size(), "the first job and the retry");
        assertEquals(2, EMULATOR.requestCounts().of(Operation.START_READ_SET_IMPORT_JOB));
        assertEquals(4, jobs.get(0).sources().size());
        assertEquals(List.of(file(PAIRS.get(2), 1)), jobs.get(1).sources().stream().map(ImportSource::source1).toList(),
                "the retry starts the failed source only");
        assertEquals("retry-1-" + sha256(jobs.get(0).id()), jobs.get(1).clientToken(),
                "derived from the job it failed in");
        assertEquals(List.of(jobs.get(0).id(), jobs.get(1).id()),
                exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_IDS));
        assertEquals(readSetIdsInSourceOrder(), exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS));
    }

    /** Each pair's read set, looked up by its first file in the emulator: the order the sources were listed in. */
    private static List<String> readSetIdsInSourceOrder() {
        List<ImportJob> jobs = EMULATOR.state().jobs(EMULATOR.sequenceStoreId());
        return PAIRS.stream().map(pair -> jobs.stream()
                .flatMap(job -> java.util.stream.IntStream.range(0, job.sources().size())
                        .filter(i -> job.sources().get(i).source1().equals(file(pair, 1)))
                        .mapToObj(i -> job.sourceOutcome(i).readSetId()))
                .filter(id -> id != null).findFirst().orElseThrow()).toList();
    }

    @Test
    void aRedeliveredExchangeGetsTheSameRetryJobBack() {
        stageRun();
        EMULATOR.faults().failFirstImport(file(PAIRS.get(0), 1));
        String uri = WAITED + "&retryFailedSources=1";
        onEmulatedTime(uri);
        Exchange first = template.send(uri, e -> e.getMessage().setBody(BCL_CONVERT_RUN));

        // the same message again, as a broker delivers it after a crash that lost the answer
        Exchange again = template.send(uri, e -> e.getMessage().setBody(BCL_CONVERT_RUN));

        assertNull(again.getException());
        assertEquals(2, jobs().size(), "no job started twice");
        assertEquals(4, EMULATOR.state().readSets(EMULATOR.sequenceStoreId()).size(), "no source imported twice");
        assertEquals(first.getMessage().getHeader(Omics2Constants.READ_SET_IDS),
                again.getMessage().getHeader(Omics2Constants.READ_SET_IDS));
        assertEquals(first.getMessage().getHeader(Omics2Constants.IMPORT_JOB_IDS),
                again.getMessage().getHeader(Omics2Constants.IMPORT_JOB_IDS));
    }

    @Test
    void aSourceThatStillFailsIsReportedWithEveryAttemptsMessage() throws Exception {
        stageRun();
        EMULATOR.faults().failImports(file(PAIRS.get(1), 1), 3, "source1 is truncated");
        String uri = WAITED + "&retryFailedSources=2";
        onEmulatedTime(uri);

        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(BCL_CONVERT_RUN));

        ImportJobFailedException e = assertInstanceOf(ImportJobFailedException.class, exchange.getException());
        List<ImportJob> jobs = jobs();
        assertEquals(3, jobs.size(), "the first job and two retries");
        assertEquals("retry-2-" + sha256(jobs.get(1).id()), jobs.get(2).clientToken());
        ImportJobFailedException.FailedSource failed = e.getFailedSources().get(0);
        assertEquals(1, e.getFailedSources().size());
        assertEquals(1, failed.index());
        assertEquals(jobs.get(2).id(), failed.jobId());
        assertEquals(List.of(new ImportJobFailedException.Attempt(jobs.get(0).id(), "FAILED", "source1 is truncated"),
                new ImportJobFailedException.Attempt(jobs.get(1).id(), "FAILED", "source1 is truncated")),
                failed.earlierAttempts());
        assertTrue(e.getMessage().contains(": 1 of 4 sources did not become read sets\n - sources[1] (sample NA12878, "
                                           + file(PAIRS.get(1), 1) + ", job " + jobs.get(2).id()
                                           + "): FAILED: source1 is truncated (earlier: attempt 1, job " + jobs.get(0).id()
                                           + ": FAILED: source1 is truncated; attempt 2, job " + jobs.get(1).id()
                                           + ": FAILED: source1 is truncated)"), e.getMessage());
        assertEquals("COMPLETED_WITH_FAILURES", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        assertEquals(3, exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS, List.class).size());
    }

    // ---- hand-off

    @Test
    void theReadSetsOmicsUrisBecomeAnNfCoreSampleSheet() throws Exception {
        stageRun();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to(WAITED).bean(NfCoreSampleSheet.class, "of");
            }
        });
        onEmulatedTime(WAITED);

        Exchange exchange = template.send("direct:run", e -> e.getMessage().setBody(BCL_CONVERT_RUN));

        assertNull(exchange.getException());
        List<ReadSet> readSets = EMULATOR.state().readSets(EMULATOR.sequenceStoreId());
        String store = "omics://123456789012.storage.us-east-1.amazonaws.com/" + EMULATOR.sequenceStoreId() + "/readSet/";
        StringBuilder expected = new StringBuilder("sample,fastq_1,fastq_2\n");
        List<String> samples = List.of("NA12878", "NA12878", "NA12891", "NA12891");
        for (int i = 0; i < 4; i++) {
            String id = readSets.get(i).id();
            expected.append(samples.get(i)).append(',').append(store).append(id).append("/source1,")
                    .append(store).append(id).append("/source2\n");
        }
        assertEquals(expected.toString(), exchange.getMessage().getBody(String.class));
        List<?> uris = exchange.getMessage().getHeader(Omics2Constants.READ_SET_URIS, List.class);
        assertEquals(new ReadSetUris(0, "NA12878", "NA12878", "FASTQ", readSets.get(0).id(),
                store + readSets.get(0).id() + "/source1", store + readSets.get(0).id() + "/source2"), uris.get(0));
        assertEquals(1, EMULATOR.requestCounts().of(Operation.GET_READ_SET_METADATA), "one read set's ARN gives them all");
    }

    @Test
    void aSingleEndReadSetHasNoSource2() {
        EMULATOR.s3().putFastq(RUN + "SRR12882189.fastq.gz", 4, 50);
        onEmulatedTime(WAITED);

        Exchange exchange = template.send(WAITED, e -> e.getMessage().setBody(List.of(RUN + "SRR12882189.fastq.gz")));

        assertNull(exchange.getException());
        ReadSetUris uris = (ReadSetUris) exchange.getMessage().getHeader(Omics2Constants.READ_SET_URIS, List.class).get(0);
        assertTrue(uris.source1().endsWith("/readSet/" + uris.readSetId() + "/source1"), uris.source1());
        assertNull(uris.source2());
        assertEquals("sample,fastq_1,fastq_2\nSRR12882189," + uris.source1() + ",\n", NfCoreSampleSheet.of(List.of(uris)));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
