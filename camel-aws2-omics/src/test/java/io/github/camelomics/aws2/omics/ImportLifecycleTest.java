package io.github.camelomics.aws2.omics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.emulator.state.ImportSource;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports that finish: more than 100 sources, one error for many bad members, exactly-once starts, waiting past the
 * SDK waiter's 10 minutes, failures that name their sources. Against the emulator, whose jobs take 45 emulated minutes.
 */
class ImportLifecycleTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b
            .submittedDuration(Duration.ofMinutes(2))
            .importDuration(Duration.ofMinutes(45))
            .maxActiveJobs(1000));

    private static final String START = "aws2-omics:startReadSetImportJob";

    ImportLifecycleTest() {
        super(EMULATOR);
    }

    private static String fastq(int i, int mate) {
        return "s3://lab-bucket/run7/S" + i + "_R" + mate + ".fastq.gz";
    }

    private static String sampleSheet(int rows) {
        StringBuilder csv = new StringBuilder("sampleId,subjectId,sourceFileType,source1,source2,tag:run\n");
        IntStream.range(0, rows).forEach(i -> csv.append("S").append(i).append(",P").append(i % 7).append(",FASTQ,")
                .append(fastq(i, 1)).append(',').append(fastq(i, 2)).append(",7\n"));
        return csv.toString();
    }

    private List<ImportJob> jobs() {
        return EMULATOR.state().jobs(EMULATOR.sequenceStoreId());
    }

    @Test
    void a250SourceSampleSheetBecomesThreeJobsInOrder() {
        Exchange exchange = template.send(START, e -> e.getMessage().setBody(sampleSheet(250)));

        assertNull(exchange.getException());
        List<ImportJob> jobs = jobs();
        assertEquals(List.of(100, 100, 50), jobs.stream().map(j -> j.sources().size()).toList());
        List<String> sampleIds = jobs.stream().flatMap(j -> j.sources().stream()).map(ImportSource::sampleId).toList();
        assertEquals(IntStream.range(0, 250).mapToObj(i -> "S" + i).toList(), sampleIds, "all sources, in input order");
        assertEquals(fastq(249, 2), jobs.get(2).sources().get(49).source2());
        assertEquals(Map.of("run", "7"), jobs.get(1).sources().get(0).tags());
        assertEquals(3, jobs.stream().map(ImportJob::clientToken).distinct().count(), "each job its own token");

        assertEquals(jobs.stream().map(ImportJob::id).toList(), exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_IDS));
        assertNull(exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID), "no single job id for three jobs");
        assertEquals("SUBMITTED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        List<?> body = assertInstanceOf(List.class, exchange.getMessage().getBody());
        assertEquals(3, body.size());
        assertInstanceOf(StartReadSetImportJobResponse.class, body.get(0));
    }

    @Test
    void fiveBadMembersAmongAHundredSourcesAreReportedTogetherAndNothingIsSent() {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sources.add(new java.util.HashMap<>(Map.of("sourceFiles", Map.of("source1", fastq(i, 1)),
                    "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S" + i)));
        }
        sources.get(3).put("sourceFiles", Map.of("source1", "https://lab-bucket/S3_R1.fastq.gz"));
        sources.get(17).put("sourceFileType", "FASTA");
        sources.get(42).put("sampleId", "S".repeat(128));
        sources.get(64).put("sourceFileType", "BAM");
        sources.get(87).put("sourceFiles", Map.of("source1", fastq(86, 1)));

        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class,
                template.send(START, x -> x.getMessage().setBody(sources)).getException());

        assertEquals(List.of(
                "sources[3].sourceFiles.source1: must satisfy regular expression pattern: "
                                     + "s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024}), got 'https://lab-bucket/S3_R1.fastq.gz'",
                "sources[17].sourceFileType: must satisfy enum value set: [FASTQ, BAM, CRAM, UBAM], got 'FASTA'",
                "sources[42].sampleId: must have length less than or equal to 127, got '" + "S".repeat(64) + "...'",
                "sources[64].referenceArn: must not be null when sourceFileType is BAM, got none",
                "sources[87].sourceFiles.source1: must not repeat a file of the same request (it is "
                                     + "sources[86].sourceFiles.source1), got '" + fastq(86, 1) + "'"),
                e.getProblems());
        assertEquals(List.of(), jobs(), "nothing was sent");
    }

    @Test
    void aRedeliveryAfterTheResponseWasLostStartsNoSecondJob() throws Exception {
        EMULATOR.s3().putFastq(fastq(1, 1), 4, 50);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(10));
                from("direct:import").to(START + "?maxAttempts=1");
            }
        });
        EMULATOR.faults().dropResponsesAfterStart(1); // the job is created, the answer never arrives

        Exchange exchange = template.send("direct:import", e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", fastq(1, 1)), "sourceFileType", "FASTQ",
                "subjectId", "P1", "sampleId", "S1"))));

        assertNull(exchange.getException());
        assertEquals(1, jobs().size(), "the redelivered start got the job it had created");
        assertEquals(jobs().get(0).id(), exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID));
        assertEquals(Boolean.TRUE, exchange.getMessage().getHeader(Exchange.REDELIVERED));
    }

    @Test
    void withoutATokenTheSameLossStartsTwoJobs() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(10));
                from("direct:import").to(START + "?maxAttempts=1&clientTokenStrategy=none");
            }
        });
        EMULATOR.faults().dropResponsesAfterStart(1);

        template.send("direct:import", e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", fastq(1, 1)), "sourceFileType", "FASTQ",
                "subjectId", "P1", "sampleId", "S1"))));

        assertEquals(2, jobs().size(), "what every client without a token risks");
    }

    @Test
    void theSameMessageFromAnotherProcessGetsTheSameJob() {
        Object body = sampleSheet(3);
        String first = template.send(START, e -> e.getMessage().setBody(body)).getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID, String.class);
        String again = template.send(START, e -> e.getMessage().setBody(body)).getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID, String.class);

        assertEquals(first, again, "a broker redelivery is a new exchange with the same content");
        assertEquals(1, jobs().size());
    }

    @Test
    void aJobLongerThanTenMinutesIsWaitedForAndItsReadSetsLandOnTheExchange() {
        EMULATOR.s3().putFastq(fastq(1, 1), 8, 100);
        EMULATOR.s3().putFastq(fastq(1, 2), 8, 100);
        String uri = START + "?waitForCompletion=true";
        onEmulatedTime(uri);
        Instant started = EMULATOR.clock().instant();

        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", fastq(1, 1), "source2", fastq(1, 2)), "sourceFileType", "FASTQ",
                "subjectId", "P1", "sampleId", "S1"))));

        assertNull(exchange.getException());
        assertTrue(Duration.between(started, EMULATOR.clock().instant()).toMinutes() >= 47, "waited 47 emulated minutes");
        assertEquals("COMPLETED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        List<?> readSetIds = exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS, List.class);
        assertEquals(1, readSetIds.size());
        assertEquals(EMULATOR.state().readSets(EMULATOR.sequenceStoreId()).get(0).id(), readSetIds.get(0));
        assertNotNull(exchange.getMessage().getHeader(Omics2Constants.COMPLETION_TIME));
        assertInstanceOf(GetReadSetImportJobResponse.class, exchange.getMessage().getBody());
    }

    @Test
    void completedWithFailuresRaisesTheDedicatedExceptionNamingTheFailedSource() {
        EMULATOR.s3().putFastq(fastq(1, 1), 4, 50); // sample S2's file never arrived in S3
        String uri = START + "?waitForCompletion=true";
        onEmulatedTime(uri);

        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(List.of(
                Map.of("sourceFiles", Map.of("source1", fastq(1, 1)), "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S1"),
                Map.of("sourceFiles", Map.of("source1", fastq(2, 1)), "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S2"))));

        ImportJobFailedException e = assertInstanceOf(ImportJobFailedException.class, exchange.getException());
        assertEquals(1, e.getFailedSources().size());
        ImportJobFailedException.FailedSource failed = e.getFailedSources().get(0);
        assertEquals(1, failed.index());
        assertEquals("S2", failed.sampleId());
        assertEquals(fastq(2, 1), failed.source1());
        assertEquals("FAILED", failed.status());
        assertTrue(e.getMessage().startsWith("aws2-omics: import " + failed.jobId() + " COMPLETED_WITH_FAILURES"), e.getMessage());
        assertTrue(e.getMessage().contains(": 1 of 2 sources did not become read sets"), e.getMessage());
        assertTrue(e.getMessage().contains("sources[1] (sample S2, " + fastq(2, 1)), e.getMessage());
        assertEquals("COMPLETED_WITH_FAILURES", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        assertEquals(1, exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS, List.class).size(),
                "the read set that was made is still reported");
    }

    @Test
    void failOnImportFailureFalseReportsWithoutThrowing() {
        String uri = START + "?waitForCompletion=true&failOnImportFailure=false";
        onEmulatedTime(uri);

        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(List.of(
                Map.of("sourceFiles", Map.of("source1", fastq(9, 1)), "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S9"))));

        assertNull(exchange.getException());
        assertEquals("FAILED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
    }

    @Test
    void getReadSetImportJobWaitsForAKnownJob() {
        EMULATOR.s3().putFastq(fastq(1, 1), 4, 50);
        String jobId = template.send(START, e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", fastq(1, 1)), "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S1"))))
                .getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID, String.class);
        String uri = "aws2-omics:getReadSetImportJob?waitForCompletion=true&pollInterval=5m";
        onEmulatedTime(uri);

        Exchange exchange = template.send(uri, e -> e.getMessage().setHeader(Omics2Constants.IMPORT_JOB_ID, jobId));

        assertNull(exchange.getException());
        assertEquals("COMPLETED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        List<?> readSetIds = exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS, List.class);
        assertEquals(1, readSetIds.size());
        String readSet = "omics://123456789012.storage.us-east-1.amazonaws.com/" + EMULATOR.sequenceStoreId() + "/readSet/"
                         + readSetIds.get(0);
        assertEquals(List.of(new ReadSetUris(0, "S1", "P1", "FASTQ", (String) readSetIds.get(0), readSet + "/source1", null)),
                exchange.getMessage().getHeader(Omics2Constants.READ_SET_URIS), "a job waited for by id hands off too");
    }

    @Test
    void theWaitTimeoutEndsTheWaitWithTheLastKnownStatus() {
        String uri = START + "?waitForCompletion=true&waitTimeout=20m";
        onEmulatedTime(uri);

        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(List.of(Map.of(
                "sourceFiles", Map.of("source1", fastq(1, 1)), "sourceFileType", "FASTQ", "subjectId", "P1", "sampleId", "S1"))));

        ImportJobWaitException e = assertInstanceOf(ImportJobWaitException.class, exchange.getException());
        assertEquals("IN_PROGRESS", e.getLastKnown().get(0).statusAsString());
        assertTrue(e.getMessage().startsWith("aws2-omics: stopped waiting for import jobs because waited PT20M (waitTimeout)"),
                e.getMessage());
    }
}
