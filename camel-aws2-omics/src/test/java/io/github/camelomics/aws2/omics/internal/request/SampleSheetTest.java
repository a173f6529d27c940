package io.github.camelomics.aws2.omics.internal.request;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sample sheet becomes the sources it describes, row by row; anything that cannot be read is reported with its line
 * and column, what was expected and what was received.
 */
class SampleSheetTest {

    private static final String API_COLUMNS = "[sampleId, subjectId, sourceFileType, source1, source2, referenceArn, "
                                              + "name, description, generatedFrom]";

    private final List<String> problems = new ArrayList<>();

    private List<StartReadSetImportJobSourceItem> read(String csv) {
        return read(csv, null);
    }

    private List<StartReadSetImportJobSourceItem> read(String csv, String defaultSubjectId) {
        return SampleSheet.read(new StringReader(csv), defaultSubjectId, problems);
    }

    private List<StartReadSetImportJobSourceItem> readResource(String name, String defaultSubjectId) {
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/samplesheets/" + name),
                StandardCharsets.UTF_8)) {
            return SampleSheet.read(in, defaultSubjectId, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StartReadSetImportJobSourceItem fastq(String sample, String subject, String source1, String source2) {
        return StartReadSetImportJobSourceItem.builder()
                .sampleId(sample).subjectId(subject).sourceFileType("FASTQ")
                .sourceFiles(SourceFiles.builder().source1(source1).source2(source2).build())
                .build();
    }

    private static StartReadSetImportJobSourceItem sample(String sampleId) {
        return StartReadSetImportJobSourceItem.builder().sampleId(sampleId).build();
    }

    // --- API form

    @Test
    void apiFormReadsEveryColumnAndTagColumns() {
        List<StartReadSetImportJobSourceItem> sources = readResource("api.csv", null);

        assertEquals(List.of(), problems);
        assertEquals(List.of(
                StartReadSetImportJobSourceItem.builder()
                        .sampleId("NA12878-run7").subjectId("NA12878").sourceFileType("FASTQ")
                        .sourceFiles(SourceFiles.builder().source1("s3://lab-bucket/NA12878_R1.fastq.gz")
                                .source2("s3://lab-bucket/NA12878_R2.fastq.gz").build())
                        .name("NA12878 run 7").description("Paired reads, lane 1").generatedFrom("NovaSeq 6000")
                        .tags(Map.of("run", "7", "project", "giab"))
                        .build(),
                StartReadSetImportJobSourceItem.builder()
                        .sampleId("NA12891-bam").subjectId("NA12891").sourceFileType("BAM")
                        .sourceFiles(SourceFiles.builder().source1("s3://lab-bucket/NA12891.bam").build())
                        .referenceArn("arn:aws:omics:eu-west-1:123456789012:referenceStore/1234567890/reference/5987565360")
                        .tags(Map.of("project", "giab"))
                        .build()),
                sources);
    }

    @Test
    void apiFormColumnsMayComeInAnyOrderAndOnlyThosePresentAreRead() {
        List<StartReadSetImportJobSourceItem> sources = read("""
                source1,sampleId,sourceFileType,subjectId
                s3://lab-bucket/a.ubam,a,UBAM,cohort-7
                """);

        assertEquals(List.of(), problems);
        assertEquals(List.of(StartReadSetImportJobSourceItem.builder()
                .sampleId("a").subjectId("cohort-7").sourceFileType("UBAM")
                .sourceFiles(SourceFiles.builder().source1("s3://lab-bucket/a.ubam").build())
                .build()), sources);
    }

    @Test
    void apiFormEmptyCellsAreNotGiven() {
        List<StartReadSetImportJobSourceItem> sources = read("""
                sampleId,subjectId,source1,source2,tag:run
                a,,,,
                """);

        assertEquals(List.of(), problems);
        assertEquals(List.of(sample("a")), sources);
    }

    @Test
    void quotedCellsKeepCommasQuotesLineBreaksAndSpaces() {
        List<StartReadSetImportJobSourceItem> sources = read("""
                sampleId,description,tag:note
                "a,1","the ""gold"" run
                second line", " padded "
                """);

        assertEquals(List.of(), problems);
        assertEquals(List.of(StartReadSetImportJobSourceItem.builder()
                .sampleId("a,1").description("the \"gold\" run\nsecond line").tags(Map.of("note", " padded "))
                .build()), sources);
    }

    @Test
    void unquotedCellsAreTrimmed() {
        List<StartReadSetImportJobSourceItem> sources = read("sampleId, subjectId\n a , s \n");

        assertEquals(List.of(), problems);
        assertEquals(List.of(StartReadSetImportJobSourceItem.builder().sampleId("a").subjectId("s").build()), sources);
    }

    @Test
    void byteOrderMarkAndSpacesAroundColumnNamesAreAccepted() {
        List<StartReadSetImportJobSourceItem> sources = read("\uFEFF sampleId ,\" subjectId \"\na,s\n");

        assertEquals(List.of(), problems);
        assertEquals(List.of(StartReadSetImportJobSourceItem.builder().sampleId("a").subjectId("s").build()), sources);
    }

    @Test
    void unknownColumnIsAProblemNamingTheColumnsExpected() {
        List<StartReadSetImportJobSourceItem> sources = read("""
                sampleId,SubjectID,source1
                a,s,s3://lab-bucket/a.bam
                """);

        assertEquals(List.of("line 1, column \"SubjectID\": unknown column, expected one of " + API_COLUMNS
                             + " or tag:<key>"), problems);
        assertEquals(List.of(), sources);
    }

    @Test
    void columnWithoutNameIsAProblem() {
        read("sampleId,subjectId,\na,s,\n");

        assertEquals(List.of("line 1, column 3: no column name, expected one of " + API_COLUMNS + " or tag:<key>"),
                problems);
    }

    @Test
    void tagColumnWithoutKeyIsAProblem() {
        read("sampleId,tag:\na,7\n");

        assertEquals(List.of("line 1, column \"tag:\": expected a tag key after \"tag:\", got none"), problems);
    }

    @Test
    void columnGivenTwiceIsAProblem() {
        read("sampleId,subjectId,sampleId\na,s,b\n");

        assertEquals(List.of("line 1, column \"sampleId\": expected once, got it at columns [1, 3]"), problems);
    }

    // --- nf-core form

    @Test
    void nfCoreRowsBecomeFastqSourcesAndARowWithoutFastq2IsSingleEnd() {
        List<StartReadSetImportJobSourceItem> sources = readResource("rnaseq.csv", "cohort-7");

        assertEquals(List.of(), problems);
        assertEquals(List.of(
                fastq("CONTROL_REP1", "cohort-7", "s3://lab-bucket/AEG588A1_S1_L002_R1_001.fastq.gz",
                        "s3://lab-bucket/AEG588A1_S1_L002_R2_001.fastq.gz"),
                fastq("CONTROL_REP1", "cohort-7", "s3://lab-bucket/AEG588A1_S1_L003_R1_001.fastq.gz",
                        "s3://lab-bucket/AEG588A1_S1_L003_R2_001.fastq.gz"),
                fastq("TREATMENT_REP1", "cohort-7", "s3://lab-bucket/AEG588A4_S4_L003_R1_001.fastq.gz", null)),
                sources);
    }

    @Test
    void nfCorePatientColumnGivesTheSubject() {
        List<StartReadSetImportJobSourceItem> sources = readResource("sarek.csv", "ignored-default");

        assertEquals(List.of(), problems);
        assertEquals(List.of(
                fastq("normal_sample", "patient1", "s3://lab-bucket/normal_L001_R1.fastq.gz",
                        "s3://lab-bucket/normal_L001_R2.fastq.gz"),
                fastq("tumour_sample", "patient1", "s3://lab-bucket/tumour_L001_R1.fastq.gz",
                        "s3://lab-bucket/tumour_L001_R2.fastq.gz")),
                sources);
    }

    @Test
    void nfCoreSubjectColumnGivesTheSubjectAndAnEmptyCellTakesTheDefault() {
        List<StartReadSetImportJobSourceItem> sources = read("""
                subject,sample,fastq_1,fastq_2
                donor-1,a,s3://b/a_1.fq.gz,s3://b/a_2.fq.gz
                ,b,s3://b/b_1.fq.gz,s3://b/b_2.fq.gz
                """, "cohort-7");

        assertEquals(List.of(), problems);
        assertEquals(List.of(fastq("a", "donor-1", "s3://b/a_1.fq.gz", "s3://b/a_2.fq.gz"),
                fastq("b", "cohort-7", "s3://b/b_1.fq.gz", "s3://b/b_2.fq.gz")), sources);
    }

    @Test
    void nfCoreWithoutFastq2ColumnIsSingleEnd() {
        List<StartReadSetImportJobSourceItem> sources = read("sample,fastq_1\na,s3://b/a.fq.gz\n", "cohort-7");

        assertEquals(List.of(), problems);
        assertEquals(List.of(fastq("a", "cohort-7", "s3://b/a.fq.gz", null)), sources);
    }

    @Test
    void nfCoreWithoutSubjectColumnOrDefaultIsOneProblemOnTheHeader() {
        List<StartReadSetImportJobSourceItem> sources = readResource("rnaseq.csv", null);

        assertEquals(List.of("line 1: expected a subject id for each row, from a subject (or patient) column or header "
                             + "CamelAwsOmicsSubjectId, got neither"), problems);
        assertEquals(List.of(), sources);
    }

    @Test
    void nfCoreEmptySubjectCellWithoutDefaultIsAProblemAndTheRowIsLeftOut() {
        List<StartReadSetImportJobSourceItem> sources = read("""
                patient,sample,fastq_1
                p1,a,s3://b/a.fq.gz
                ,b,s3://b/b.fq.gz
                """, null);

        assertEquals(List.of("line 3, column \"patient\": expected a subject id, or header CamelAwsOmicsSubjectId for rows "
                             + "without one, got an empty cell"), problems);
        assertEquals(List.of(fastq("a", "p1", "s3://b/a.fq.gz", null)), sources);
    }

    // --- the sheet as a whole

    @Test
    void headerOfNeitherFormIsOneProblem() {
        List<StartReadSetImportJobSourceItem> sources = read("sample_id,read1,read2\na,s3://b/1.fq,s3://b/2.fq\n");

        assertEquals(List.of("line 1: not a sample sheet: expected columns such as sampleId,subjectId,sourceFileType,"
                             + "source1 (API form) or sample,fastq_1,fastq_2 (nf-core form), got sample_id,read1,read2"),
                problems);
        assertEquals(List.of(), sources);
    }

    @Test
    void emptyTextIsNotASampleSheet() {
        read("");

        assertEquals(List.of("line 1: not a sample sheet: expected columns such as sampleId,subjectId,sourceFileType,"
                             + "source1 (API form) or sample,fastq_1,fastq_2 (nf-core form), got nothing"),
                problems);
    }

    @Test
    void rowWithMoreCellsThanTheHeaderIsAProblemAndTheOtherRowsAreKept() {
        List<StartReadSetImportJobSourceItem> sources = read("""
                sampleId,subjectId
                a,s
                b,s,extra
                c,s
                """);

        assertEquals(List.of("line 3: 3 cells, but the header has 2 columns"), problems);
        assertEquals(List.of("a", "c"), sources.stream().map(StartReadSetImportJobSourceItem::sampleId).toList());
    }

    @Test
    void rowWithFewerCellsThanTheHeaderHasTheMissingCellsEmpty() {
        List<StartReadSetImportJobSourceItem> sources = read("sampleId,subjectId,name\na\n");

        assertEquals(List.of(), problems);
        assertEquals(List.of(sample("a")), sources);
    }

    @Test
    void blankLinesAndEmptyRowsAreSkippedButCountInLineNumbers() {
        List<StartReadSetImportJobSourceItem> sources = read("""

                sampleId,subjectId

                a,s
                \s\s
                ,
                b,s,extra
                """);

        assertEquals(List.of("line 7: 3 cells, but the header has 2 columns"), problems);
        assertEquals(List.of(StartReadSetImportJobSourceItem.builder().sampleId("a").subjectId("s").build()), sources);
    }

    @Test
    void lineNumbersCountTheLinesOfAQuotedCell() {
        read("sampleId,description\na,\"one\ntwo\nthree\"\nb,x,extra\n");

        assertEquals(List.of("line 5: 3 cells, but the header has 2 columns"), problems);
    }

    @Test
    void headerOnlyIsAProblem() {
        List<StartReadSetImportJobSourceItem> sources = read("sampleId,subjectId,source1\n\n");

        assertEquals(List.of("line 1: the sample sheet has no rows"), problems);
        assertEquals(List.of(), sources);
    }

    @Test
    void textThatIsNotCsvIsAProblemWithLineAndColumnAndTheRowsBeforeAreKept() {
        List<StartReadSetImportJobSourceItem> sources = read("sampleId,subjectId\na,s\n\"b\"x,s\n");

        assertEquals(List.of("line 3, column 5: expected CSV, but it does not parse: Unexpected character ('x' (code 120)): "
                             + "Expected column separator character (',' (code 44)) or end-of-line"), problems);
        assertEquals(List.of(StartReadSetImportJobSourceItem.builder().sampleId("a").subjectId("s").build()), sources);
    }

    @Test
    void unclosedQuoteIsAProblem() {
        read("sampleId,description\na,\"no end\n");

        assertEquals(List.of("line 3, column 1: expected CSV, but it does not parse: Missing closing quote for value"),
                problems);
    }

    @Test
    void twoHundredFiftyRowSheetKeepsRowOrder() {
        StringBuilder csv = new StringBuilder("sample,fastq_1,fastq_2\n");
        List<StartReadSetImportJobSourceItem> expected = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            String sample = "S" + i;
            csv.append(sample).append(",s3://b/").append(sample).append("_1.fq.gz,s3://b/").append(sample).append("_2.fq.gz\n");
            expected.add(fastq(sample, "cohort-7", "s3://b/" + sample + "_1.fq.gz", "s3://b/" + sample + "_2.fq.gz"));
        }

        List<StartReadSetImportJobSourceItem> sources = read(csv.toString(), "cohort-7");

        assertEquals(List.of(), problems);
        assertEquals(expected, sources);
    }

    @Test
    void theReaderIsLeftOpenForItsOwner() throws IOException {
        StringReader in = new StringReader("sampleId\na\n");

        SampleSheet.read(in, null, problems);

        assertEquals(-1, in.read(), "a closed StringReader would throw");
    }

    // --- looksLikeCsv

    @Test
    void jsonArrayDoesNotLookLikeCsv() {
        assertFalse(SampleSheet.looksLikeCsv("[{\"sampleId\": \"a\"}]"));
    }

    @Test
    void jsonObjectDoesNotLookLikeCsv() {
        assertFalse(SampleSheet.looksLikeCsv("{\"sources\": []}"));
    }

    @Test
    void headerRowLooksLikeCsv() {
        assertTrue(SampleSheet.looksLikeCsv("sample,fastq_1,fastq_2\n"));
    }

    @Test
    void leadingWhitespaceAndByteOrderMarkAreSkipped() {
        assertFalse(SampleSheet.looksLikeCsv("\uFEFF \n\t [ ]"));
        assertTrue(SampleSheet.looksLikeCsv("\uFEFF \n\t sampleId"));
    }

    @Test
    void blankTextDoesNotLookLikeCsv() {
        assertFalse(SampleSheet.looksLikeCsv(" \n"));
        assertFalse(SampleSheet.looksLikeCsv(null));
    }
}
