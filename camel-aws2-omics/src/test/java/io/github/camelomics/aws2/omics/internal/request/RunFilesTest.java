package io.github.camelomics.aws2.omics.internal.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * File names as sequencers, converters and archives write them, and the sources they make. The names are real or
 * follow published conventions:
 * <ul>
 * <li>Illumina BCL Convert / bcl2fastq: {@code SampleName_S1_L001_R1_001.fastq.gz}, index reads I1/I2, sample number 0
 * for undetermined reads (Illumina, "Naming Convention", BaseSpace Sequence Hub help:
 * https://support.illumina.com/help/BaseSpace_Sequence_Hub_OLH_009008_2/Source/Informatics/BS/NamingConvention_FASTQ-files-swBS.htm);</li>
 * <li>four lanes of one sample {@code 501-708-SEQC-77-1_S1_L00[1-4]_R[12]_001.fastq.gz}, single-read uncompressed
 * {@code QL4_S4_L001_R1_001.fastq}, Element {@code Sample28_R1.fastq.gz} (QIAGEN RNA-seq Analysis Portal, "Appendix A -
 * Sequence file naming pattern");</li>
 * <li>Singular Genomics G4, no chunk number: {@code SID123XYZ_rep1_S1_L001_R1.fastq.gz} (knowledge.singulargenomics.com,
 * G4 run folder demux);</li>
 * <li>ENA/SRA: {@code SRR2024996_1.fastq.gz} / {@code _2}, single-end {@code SRR12882189.fastq.gz} (github
 * dbespiatykh/TBvar config/README.md), {@code SRR6357070_1.fastq.gz} (nf-core/test-datasets rnaseq);</li>
 * <li>{@code SampleName.R1.fastq.gz}, {@code .fq}, '.' or '_' before R1 or 1 (Cirro docs, "Parse fastq samples");</li>
 * <li>1000 Genomes alignments {@code HG00096.mapped.ILLUMINA.bwa.GBR.low_coverage.20120522.bam} with {@code .bai}, and
 * CRAM {@code NA12878.final.cram} with {@code .crai} (GIAB/1000 Genomes FTP listings).</li>
 * </ul>
 */
class RunFilesTest {

    private static final String RUN = "s3://run-bucket/240517_A01234_0042_BHXYZ/";

    /** One expected source: sample, type, name of file 1, name of file 2 (or null). */
    private static String source(String sample, String type, String file1, String file2) {
        return sample + " " + type + " " + file1 + (file2 == null ? "" : " + " + file2);
    }

    private static String pair(String sample, String file1, String file2) {
        return source(sample, "FASTQ", file1, file2);
    }

    private static String single(String sample, String file) {
        return source(sample, "FASTQ", file, null);
    }

    private static List<String> files(String... names) {
        return Stream.of(names).map(n -> RUN + n).toList();
    }

    private static Arguments valid(String scheme, List<String> files, String... sources) {
        return arguments(scheme, files, List.of(sources), List.of());
    }

    /** @param invalid the files each problem must name, one problem each */
    private static Arguments invalid(String scheme, List<String> files, String... invalid) {
        return arguments(scheme, files, List.of(), List.of(invalid));
    }

    static Stream<Arguments> namingCases() {
        return Stream.of(
                valid("Illumina BCL Convert, one lane",
                        files("SampleName_S1_L001_R1_001.fastq.gz", "SampleName_S1_L001_R2_001.fastq.gz"),
                        pair("SampleName", "SampleName_S1_L001_R1_001.fastq.gz", "SampleName_S1_L001_R2_001.fastq.gz")),
                valid("Illumina, four lanes: each lane its own source of the sample, in lane order",
                        files("501-708-SEQC-77-1_S1_L003_R2_001.fastq.gz", "501-708-SEQC-77-1_S1_L001_R1_001.fastq.gz",
                                "501-708-SEQC-77-1_S1_L002_R1_001.fastq.gz", "501-708-SEQC-77-1_S1_L004_R1_001.fastq.gz",
                                "501-708-SEQC-77-1_S1_L001_R2_001.fastq.gz", "501-708-SEQC-77-1_S1_L002_R2_001.fastq.gz",
                                "501-708-SEQC-77-1_S1_L003_R1_001.fastq.gz", "501-708-SEQC-77-1_S1_L004_R2_001.fastq.gz"),
                        pair("501-708-SEQC-77-1", "501-708-SEQC-77-1_S1_L001_R1_001.fastq.gz", "501-708-SEQC-77-1_S1_L001_R2_001.fastq.gz"),
                        pair("501-708-SEQC-77-1", "501-708-SEQC-77-1_S1_L002_R1_001.fastq.gz", "501-708-SEQC-77-1_S1_L002_R2_001.fastq.gz"),
                        pair("501-708-SEQC-77-1", "501-708-SEQC-77-1_S1_L003_R1_001.fastq.gz", "501-708-SEQC-77-1_S1_L003_R2_001.fastq.gz"),
                        pair("501-708-SEQC-77-1", "501-708-SEQC-77-1_S1_L004_R1_001.fastq.gz", "501-708-SEQC-77-1_S1_L004_R2_001.fastq.gz")),
                valid("Illumina, two samples of two lanes",
                        files("NA12878_S1_L001_R1_001.fastq.gz", "NA12878_S1_L001_R2_001.fastq.gz",
                                "NA12878_S1_L002_R1_001.fastq.gz", "NA12878_S1_L002_R2_001.fastq.gz",
                                "NA12891_S2_L001_R1_001.fastq.gz", "NA12891_S2_L001_R2_001.fastq.gz",
                                "NA12891_S2_L002_R1_001.fastq.gz", "NA12891_S2_L002_R2_001.fastq.gz"),
                        pair("NA12878", "NA12878_S1_L001_R1_001.fastq.gz", "NA12878_S1_L001_R2_001.fastq.gz"),
                        pair("NA12878", "NA12878_S1_L002_R1_001.fastq.gz", "NA12878_S1_L002_R2_001.fastq.gz"),
                        pair("NA12891", "NA12891_S2_L001_R1_001.fastq.gz", "NA12891_S2_L001_R2_001.fastq.gz"),
                        pair("NA12891", "NA12891_S2_L002_R1_001.fastq.gz", "NA12891_S2_L002_R2_001.fastq.gz")),
                valid("Illumina without lane splitting (--no-lane-splitting): one source per sample",
                        files("NA12878_S1_R1_001.fastq.gz", "NA12878_S1_R2_001.fastq.gz"),
                        pair("NA12878", "NA12878_S1_R1_001.fastq.gz", "NA12878_S1_R2_001.fastq.gz")),
                valid("Illumina with index reads I1 and I2: skipped",
                        files("NA12878_S1_L001_I1_001.fastq.gz", "NA12878_S1_L001_I2_001.fastq.gz",
                                "NA12878_S1_L001_R1_001.fastq.gz", "NA12878_S1_L001_R2_001.fastq.gz"),
                        pair("NA12878", "NA12878_S1_L001_R1_001.fastq.gz", "NA12878_S1_L001_R2_001.fastq.gz")),
                valid("Illumina Undetermined (sample number 0): skipped",
                        files("Undetermined_S0_L001_R1_001.fastq.gz", "Undetermined_S0_L001_R2_001.fastq.gz",
                                "NA12878_S1_L001_R1_001.fastq.gz", "NA12878_S1_L001_R2_001.fastq.gz"),
                        pair("NA12878", "NA12878_S1_L001_R1_001.fastq.gz", "NA12878_S1_L001_R2_001.fastq.gz")),
                valid("Illumina single-read run: read 1 only, uncompressed",
                        files("QL4_S4_L001_R1_001.fastq", "QL6_S6_L001_R1_001.fastq"),
                        single("QL4", "QL4_S4_L001_R1_001.fastq"), single("QL6", "QL6_S6_L001_R1_001.fastq")),
                valid("Singular G4: no chunk number, sample name with an underscore",
                        files("SID123XYZ_rep1_S1_L001_R1.fastq.gz", "SID123XYZ_rep1_S1_L001_R2.fastq.gz"),
                        pair("SID123XYZ_rep1", "SID123XYZ_rep1_S1_L001_R1.fastq.gz", "SID123XYZ_rep1_S1_L001_R2.fastq.gz")),
                valid("Singular G4 lanes merged into L000",
                        files("SID123XYZ_rep1_S1_L000_R1.fastq.gz", "SID123XYZ_rep1_S1_L000_R2.fastq.gz"),
                        pair("SID123XYZ_rep1", "SID123XYZ_rep1_S1_L000_R1.fastq.gz", "SID123XYZ_rep1_S1_L000_R2.fastq.gz")),
                valid("Element: _R1/_R2",
                        files("Sample28_R1.fastq.gz", "Sample28_R2.fastq.gz"),
                        pair("Sample28", "Sample28_R1.fastq.gz", "Sample28_R2.fastq.gz")),
                valid("ENA/SRA: _1/_2",
                        files("SRR2024996_1.fastq.gz", "SRR2024996_2.fastq.gz", "SRR2024925_1.fastq.gz", "SRR2024925_2.fastq.gz"),
                        pair("SRR2024925", "SRR2024925_1.fastq.gz", "SRR2024925_2.fastq.gz"),
                        pair("SRR2024996", "SRR2024996_1.fastq.gz", "SRR2024996_2.fastq.gz")),
                valid("ENA single-end run: no read token",
                        files("SRR12882189.fastq.gz"),
                        single("SRR12882189", "SRR12882189.fastq.gz")),
                valid("ENA paired run with its file of unpaired reads beside it",
                        files("SRR6357070_1.fastq.gz", "SRR6357070_2.fastq.gz", "SRR6357070.fastq.gz"),
                        single("SRR6357070", "SRR6357070.fastq.gz"),
                        pair("SRR6357070", "SRR6357070_1.fastq.gz", "SRR6357070_2.fastq.gz")),
                valid(".R1./.R2. with .fastq.gz",
                        files("SampleName.R1.fastq.gz", "SampleName.R2.fastq.gz"),
                        pair("SampleName", "SampleName.R1.fastq.gz", "SampleName.R2.fastq.gz")),
                valid(".1/.2 and .fq",
                        files("tumour.1.fq", "tumour.2.fq"),
                        pair("tumour", "tumour.1.fq", "tumour.2.fq")),
                valid(".fq.gz with _R1/_R2",
                        files("SRR1659960_05pc_R1.fq.gz", "SRR1659960_05pc_R2.fq.gz"),
                        pair("SRR1659960_05pc", "SRR1659960_05pc_R1.fq.gz", "SRR1659960_05pc_R2.fq.gz")),
                valid("uncompressed .fastq pair",
                        files("liver_R1.fastq", "liver_R2.fastq"),
                        pair("liver", "liver_R1.fastq", "liver_R2.fastq")),
                valid("mixed case: _r1/_r2 and .FASTQ.GZ",
                        files("Blood_S3_l001_r1_001.FASTQ.GZ", "Blood_S3_l001_r2_001.FASTQ.GZ"),
                        pair("Blood", "Blood_S3_l001_r1_001.FASTQ.GZ", "Blood_S3_l001_r2_001.FASTQ.GZ")),
                valid("a sample name containing _R1: the last read token counts",
                        files("tumor_R1_rep_R1.fastq.gz", "tumor_R1_rep_R2.fastq.gz"),
                        pair("tumor_R1_rep", "tumor_R1_rep_R1.fastq.gz", "tumor_R1_rep_R2.fastq.gz")),
                valid("an Illumina sample name containing _R1",
                        files("lib_R1_S7_L001_R1_001.fastq.gz", "lib_R1_S7_L001_R2_001.fastq.gz"),
                        pair("lib_R1", "lib_R1_S7_L001_R1_001.fastq.gz", "lib_R1_S7_L001_R2_001.fastq.gz")),
                valid("a sample name ending in _1, with _R1/_R2",
                        files("Sample_1_R1.fastq.gz", "Sample_1_R2.fastq.gz", "Sample_2_R1.fastq.gz", "Sample_2_R2.fastq.gz"),
                        pair("Sample_1", "Sample_1_R1.fastq.gz", "Sample_1_R2.fastq.gz"),
                        pair("Sample_2", "Sample_2_R1.fastq.gz", "Sample_2_R2.fastq.gz")),
                valid("a sample name containing _1, with _1/_2",
                        files("patient_10_1.fastq.gz", "patient_10_2.fastq.gz"),
                        pair("patient_10", "patient_10_1.fastq.gz", "patient_10_2.fastq.gz")),
                valid("an Illumina sample name containing _S and digits",
                        files("HCC_S12_S3_L002_R1_001.fastq.gz", "HCC_S12_S3_L002_R2_001.fastq.gz"),
                        pair("HCC_S12", "HCC_S12_S3_L002_R1_001.fastq.gz", "HCC_S12_S3_L002_R2_001.fastq.gz")),
                valid("single-end run in the _R1 scheme: read 1 alone is a single-end source",
                        files("Sample28_R1.fastq.gz", "Sample29_R1.fastq.gz"),
                        single("Sample28", "Sample28_R1.fastq.gz"), single("Sample29", "Sample29_R1.fastq.gz")),
                valid("BAM with its index, 1000 Genomes naming",
                        files("HG00096.mapped.ILLUMINA.bwa.GBR.low_coverage.20120522.bam",
                                "HG00096.mapped.ILLUMINA.bwa.GBR.low_coverage.20120522.bam.bai"),
                        source("HG00096", "BAM", "HG00096.mapped.ILLUMINA.bwa.GBR.low_coverage.20120522.bam", null)),
                valid("CRAM with .crai, BAM with .csi",
                        files("NA12878.final.cram", "NA12878.final.cram.crai", "NA24385.bam", "NA24385.bam.csi"),
                        source("NA12878", "CRAM", "NA12878.final.cram", null),
                        source("NA24385", "BAM", "NA24385.bam", null)),
                valid("checksums beside the files: skipped",
                        files("SRR2024996_1.fastq.gz", "SRR2024996_1.fastq.gz.md5", "SRR2024996_2.fastq.gz",
                                "SRR2024996_2.fastq.gz.md5"),
                        pair("SRR2024996", "SRR2024996_1.fastq.gz", "SRR2024996_2.fastq.gz")),
                valid("a folder key and a URI listed twice: skipped",
                        List.of(RUN, RUN + "Sample28_R1.fastq.gz", RUN + "Sample28_R2.fastq.gz", RUN + "Sample28_R1.fastq.gz"),
                        pair("Sample28", "Sample28_R1.fastq.gz", "Sample28_R2.fastq.gz")),
                invalid("a paired run where one sample lost its read 2",
                        files("NA12878_S1_L001_R1_001.fastq.gz", "NA12878_S1_L001_R2_001.fastq.gz",
                                "NA12891_S2_L001_R1_001.fastq.gz"),
                        "NA12891_S2_L001_R1_001.fastq.gz"),
                invalid("read 2 without its read 1",
                        files("SRR2024996_2.fastq.gz"),
                        "SRR2024996_2.fastq.gz"),
                invalid("the same read twice: compressed and uncompressed",
                        files("liver_R1.fastq", "liver_R1.fastq.gz", "liver_R2.fastq.gz"),
                        "liver_R1.fastq"),
                invalid("the same read twice: _R1 and .R1",
                        files("liver_R1.fastq.gz", "liver.R1.fastq.gz", "liver_R2.fastq.gz"),
                        "liver_R1.fastq.gz"),
                invalid("mates in different folders do not pair",
                        List.of(RUN + "a/Sample28_R1.fastq.gz", RUN + "b/Sample28_R2.fastq.gz"),
                        "a/Sample28_R1.fastq.gz", "b/Sample28_R2.fastq.gz"),
                invalid("files whose type the name does not tell, each named",
                        files("SampleSheet.csv", "Sample28_R1.fastq.gz", "Sample28_R2.fastq.gz", "reads.fastq.bz2",
                                "genome.fasta"),
                        "SampleSheet.csv", "reads.fastq.bz2", "genome.fasta"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namingCases")
    void namesBecomeSources(String scheme, List<String> files, List<String> expectedSources, List<String> expectedInvalid) {
        List<String> problems = new ArrayList<>();
        List<StartReadSetImportJobSourceItem> sources
                = RunFiles.sources(RunFiles.items(files), FileType.BAM, null, problems);

        assertEquals(expectedSources, sources.stream().map(RunFilesTest::describe).toList(), scheme);
        assertEquals(expectedInvalid.size(), problems.size(), () -> scheme + ": " + problems);
        for (int i = 0; i < expectedInvalid.size(); i++) {
            String problem = problems.get(i);
            String file = expectedInvalid.get(i);
            assertTrue(problem.contains(RUN + file), () -> "names " + file + ": " + problem);
            assertTrue(problem.matches("body\\[\\d+]: .+"), problem);
        }
    }

    private static String describe(StartReadSetImportJobSourceItem s) {
        String file1 = s.sourceFiles().source1().substring(s.sourceFiles().source1().lastIndexOf('/') + 1);
        String file2 = s.sourceFiles().source2() == null ? null
                : s.sourceFiles().source2().substring(s.sourceFiles().source2().lastIndexOf('/') + 1);
        assertEquals(s.sampleId(), s.subjectId(), "without a subject, each sample is its own subject");
        return source(s.sampleId(), s.sourceFileTypeAsString(), file1, file2);
    }

    @Test
    void theNamingCasesAreMoreThanThirty() {
        assertTrue(namingCases().count() >= 30);
    }

    @Test
    void bamFilesAreUbamWhenTold() {
        List<String> problems = new ArrayList<>();
        List<StartReadSetImportJobSourceItem> sources = RunFiles.sources(
                RunFiles.items(files("HG00096.unmapped.ILLUMINA.bwa.GBR.low_coverage.20130415.bam")), FileType.UBAM,
                "HG00096", problems);
        assertEquals(List.of(), problems);
        assertEquals(FileType.UBAM, sources.get(0).sourceFileType());
        assertEquals("HG00096", sources.get(0).subjectId());
    }

    @Test
    void aGivenSubjectIsEverySourcesSubject() {
        List<String> problems = new ArrayList<>();
        List<StartReadSetImportJobSourceItem> sources = RunFiles.sources(
                RunFiles.items(files("NA12878_S1_L001_R1_001.fastq.gz", "NA12891_S2_L001_R1_001.fastq.gz")), FileType.BAM,
                "trio-7", problems);
        assertEquals(List.of("trio-7", "trio-7"), sources.stream().map(StartReadSetImportJobSourceItem::subjectId).toList());
        assertEquals(List.of("NA12878_S1_L001_001", "NA12891_S2_L001_001"),
                sources.stream().map(StartReadSetImportJobSourceItem::name).toList(), "the name without the read token");
    }

    @Test
    void textLinesAreNamedByLineNumber() {
        List<String> problems = new ArrayList<>();
        RunFiles.sources(RunFiles.lines("\n" + RUN + "Sample28_R1.fastq.gz\nnot a uri\n" + RUN + "x_2.fq\n"), FileType.BAM,
                null, problems);
        assertEquals(List.of("line 3: expected an s3:// URI (a file list has one per line), got 'not a uri'",
                "line 2: " + RUN + "Sample28_R1.fastq.gz: read 1 without its read 2, in a list of paired reads; add "
                + "the mate, or import single-end files in a list of their own",
                "line 4: " + RUN + "x_2.fq: read 2 without its read 1 (a file named like it with R1 or 1 in place of R2 "
                                                                                    + "or 2); add it to the list, or leave this out"),
                problems);
    }

    @Test
    void aFileNameCannotForgeALineOfTheLog() {
        List<String> problems = new ArrayList<>();
        RunFiles.sources(RunFiles.items(List.of("s3://b/x\nINFO forged.txt")), FileType.BAM, null, problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("body[0]: s3://b/x\\u000aINFO forged.txt: cannot tell the file type"),
                problems.get(0));
    }

    @Test
    void textIsAFileListWhenItsFirstLineIsAnS3Uri() {
        assertTrue(RunFiles.looksLikeFileList("\uFEFF\n  s3://b/x_R1.fastq.gz\nwhatever"));
        assertFalse(RunFiles.looksLikeFileList("sample,fastq_1,fastq_2\nA,s3://b/x_R1.fastq.gz,"));
        assertFalse(RunFiles.looksLikeFileList("[\"s3://b/x_R1.fastq.gz\"]"));
        assertFalse(RunFiles.looksLikeFileList(" \n "));
    }

    @Test
    void theSameFilesInAnyOrderMakeTheSameSources() {
        List<String> files = files("b_R2.fq.gz", "a_R1.fq.gz", "b_R1.fq.gz", "a_R2.fq.gz");
        List<String> reversed = new ArrayList<>(files);
        Collections.reverse(reversed);
        List<String> problems = new ArrayList<>();
        assertEquals(RunFiles.sources(RunFiles.items(files), FileType.BAM, null, problems),
                RunFiles.sources(RunFiles.items(reversed), FileType.BAM, null, problems));
        assertEquals(List.of(), problems);
    }
}
