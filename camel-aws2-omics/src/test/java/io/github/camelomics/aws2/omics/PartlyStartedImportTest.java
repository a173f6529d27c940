package io.github.camelomics.aws2.omics;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.emulator.state.ImportSource;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.model.ServiceQuotaExceededException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A split import whose second job cannot start (here: the store allows one running job): the started job is reported,
 * not lost, and sending the same message again starts only what is missing. Also the nf-core sample sheet form.
 */
class PartlyStartedImportTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b.maxActiveJobs(1)
            .submittedDuration(Duration.ofMinutes(1)).importDuration(Duration.ofMinutes(10)));

    PartlyStartedImportTest() {
        super(EMULATOR);
    }

    private static String nfCoreSheet(int rows) {
        StringBuilder csv = new StringBuilder("sample,fastq_1,fastq_2,strandedness\n");
        IntStream.range(0, rows).forEach(i -> csv.append("S").append(i).append(",s3://lab-bucket/S").append(i)
                .append("_R1.fastq.gz,s3://lab-bucket/S").append(i).append("_R2.fastq.gz,auto\n"));
        return csv.toString();
    }

    private Exchange send(String sheet) {
        return template.send("aws2-omics:startReadSetImportJob", e -> {
            e.getMessage().setBody(sheet);
            e.getMessage().setHeader(Omics2Constants.SUBJECT_ID, "cohort-7");
        });
    }

    private List<ImportJob> jobs() {
        return EMULATOR.state().jobs(EMULATOR.sequenceStoreId());
    }

    @Test
    void theStartedJobIsReportedAndNotStartedAgainOnRedelivery() {
        String sheet = nfCoreSheet(150);

        Exchange first = send(sheet);

        ImportPartlyStartedException e = assertInstanceOf(ImportPartlyStartedException.class, first.getException());
        assertEquals(1, e.getStarted().size());
        assertEquals(jobs().get(0).id(), e.getStarted().get(0).id());
        assertEquals(1, e.getFailedChunk());
        assertEquals(2, e.getChunks());
        assertInstanceOf(ServiceQuotaExceededException.class, e.getCause(), "the AWS error is the cause");

        EMULATOR.finishImports(); // the first job ends, freeing the store's one running slot
        Exchange again = send(sheet);

        assertNull(again.getException());
        List<ImportJob> jobs = jobs();
        assertEquals(2, jobs.size(), "the first job was answered from its token, only the second was started");
        assertEquals(List.of(jobs.get(0).id(), jobs.get(1).id()), again.getMessage().getHeader(Omics2Constants.IMPORT_JOB_IDS));
        assertEquals(List.of(100, 50), jobs.stream().map(j -> j.sources().size()).toList());
    }

    @Test
    void anNfCoreSheetTakesItsSubjectFromTheHeader() {
        assertNull(send(nfCoreSheet(2)).getException());

        List<ImportSource> sources = jobs().get(0).sources();
        assertEquals(List.of("S0", "S1"), sources.stream().map(ImportSource::sampleId).toList());
        assertEquals(List.of("cohort-7", "cohort-7"), sources.stream().map(ImportSource::subjectId).toList());
        assertEquals("FASTQ", sources.get(1).sourceFileType());
        assertEquals("s3://lab-bucket/S1_R2.fastq.gz", sources.get(1).source2());
    }
}
