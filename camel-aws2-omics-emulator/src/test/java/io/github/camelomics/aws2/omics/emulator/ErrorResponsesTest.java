package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.InternalServerException;
import software.amazon.awssdk.services.omics.model.OmicsException;
import software.amazon.awssdk.services.omics.model.ServiceQuotaExceededException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every modeled error reaches the SDK as its own exception class and status; faults make the rare ones happen. */
class ErrorResponsesTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.maxActiveJobs(2));

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());

    private void startJob() {
        omics.startReadSetImportJob(OmicsClients.start(EMULATOR.sequenceStoreId(), fastq("s3://bucket/a.fastq.gz")));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorShape.class, names = "CONFLICT", mode = EnumSource.Mode.EXCLUDE)
    void anInjectedErrorReachesTheSdkAsItsModeledException(ErrorShape error) {
        EMULATOR.faults().failNext(1, Operation.START_READ_SET_IMPORT_JOB, error);

        OmicsException e = assertThrows(OmicsException.class, this::startJob);

        assertEquals(error.shapeName(), e.getClass().getSimpleName());
        assertEquals(error.httpStatus(), e.statusCode());
        assertEquals(error.shapeName(), e.awsErrorDetails().errorCode());
        assertEquals("Injected fault: " + error.shapeName(), e.awsErrorDetails().errorMessage());
        assertTrue(EMULATOR.state().jobs().isEmpty(), "a failed request creates no job");
    }

    @Test
    void startingMoreJobsThanTheActiveJobQuotaIsServiceQuotaExceeded() {
        startJob();
        startJob();

        ServiceQuotaExceededException e = assertThrows(ServiceQuotaExceededException.class, this::startJob);

        assertEquals(402, e.statusCode());
        assertEquals("Maximum number of active read set import jobs (2) reached; wait for a job to finish",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void finishedJobsNoLongerCountAgainstTheQuota() {
        startJob();
        startJob();
        EMULATOR.finishImports();

        startJob();

        assertEquals(3, EMULATOR.state().jobs().size());
    }

    @Test
    void aFaultForOneOperationLeavesTheOthersAlone() {
        EMULATOR.faults().failNext(1, Operation.GET_READ_SET_IMPORT_JOB, ErrorShape.INTERNAL_SERVER);

        omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()));
        assertThrows(InternalServerException.class, () -> omics.getReadSetImportJob(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).id("4000000001")));
    }

    @Test
    void theSdkRetriesAnInjectedServerErrorAndSucceeds() {
        EMULATOR.faults().failNext(2, ErrorShape.INTERNAL_SERVER);

        try (OmicsClient retrying = OmicsClients.withRetries(EMULATOR.endpoint())) {
            retrying.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()));
        }
    }

    @Test
    void addedLatencyDelaysTheResponse() {
        EMULATOR.faults().addLatency(Duration.ofMillis(300), Operation.LIST_READ_SETS);
        long start = System.nanoTime();

        omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }

    @Test
    void theAdminEndpointArmsAFailure() throws Exception {
        HttpResponse<String> armed = admin("POST", "faults/failures",
                "{\"count\":1,\"operation\":\"ListReadSets\",\"error\":\"RequestTimeoutException\",\"message\":\"slow\"}");

        OmicsException e = assertThrows(OmicsException.class,
                () -> omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())));

        assertEquals(200, armed.statusCode());
        assertEquals(408, e.statusCode());
        assertEquals("slow", e.awsErrorDetails().errorMessage());
    }

    @Test
    void theAdminEndpointArmsAnImportFailureOfOneSource() throws Exception {
        HttpResponse<String> armed = admin("POST", "faults/import-failures", "{\"source\":\"s3://bucket/r1.fastq.gz\"}");

        assertEquals(200, armed.statusCode());
        assertEquals(Optional.of("Injected fault: import of s3://bucket/r1.fastq.gz failed"),
                EMULATOR.faults().takeImportFailure("s3://bucket/r0.fastq.gz", "s3://bucket/r1.fastq.gz"));
        assertEquals(Optional.empty(), EMULATOR.faults().takeImportFailure("s3://bucket/r1.fastq.gz", null), "first only");
    }

    @Test
    void theAdminEndpointClearsFaults() throws Exception {
        EMULATOR.faults().failNext(5, ErrorShape.INTERNAL_SERVER);

        admin("DELETE", "faults", "");

        omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()));
    }

    @Test
    void theAdminEndpointAdvancesATestClock() throws Exception {
        startJob();

        HttpResponse<String> advanced = admin("POST", "clock/advance", "{\"millis\":60000}");

        assertEquals("{\"now\":\"2025-06-01T12:01:00Z\"}", advanced.body());
        assertEquals("FAILED", EMULATOR.state().jobs().get(0).status().name());
    }

    @Test
    void theAdminEndpointRejectsAnUnknownErrorShape() throws Exception {
        HttpResponse<String> response = admin("POST", "faults/failures", "{\"error\":\"NoSuchException\"}");

        assertEquals(400, response.statusCode());
        assertEquals("{\"message\":\"unknown error shape NoSuchException\"}", response.body());
    }

    @Test
    void theAdminEndpointDropsAResponseAfterTheJobWasCreated() throws Exception {
        admin("POST", "faults/drops", "{\"count\":1,\"operation\":\"StartReadSetImportJob\"}");

        assertThrows(SdkClientException.class, this::startJob);

        assertEquals(1, EMULATOR.state().jobs().size());
    }

    @Test
    void theAdminEndpointCutsTheConnectionInTheMiddleOfAPart() throws Exception {
        String uploadId = omics.createMultipartReadSetUpload(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId())
                .sourceFileType("FASTQ").subjectId("s").sampleId("s").name("n")).uploadId();
        admin("POST", "faults/body-drops", "{\"count\":1,\"operation\":\"UploadReadSetPart\"}");

        assertThrows(SdkClientException.class, () -> omics.uploadReadSetPart(b -> b
                .sequenceStoreId(EMULATOR.sequenceStoreId()).uploadId(uploadId).partSource("SOURCE1").partNumber(1),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[1 << 20])));

        assertTrue(EMULATOR.state().uploads().get(0).parts().isEmpty(), "a part cut off takes no effect");
    }

    @Test
    void theAdminEndpointResetsTheState() throws Exception {
        startJob();

        admin("POST", "reset", "");

        assertTrue(EMULATOR.state().jobs().isEmpty());
    }

    @Test
    void theAdminEndpointReportsHealthAndState() throws Exception {
        startJob();

        assertEquals("{\"status\":\"UP\"}", admin("GET", "health", "").body());
        assertTrue(admin("GET", "state", "").body().contains("\"id\":\"4000000001\""));
    }

    @Test
    void anUnknownPathIsNotAnOperation() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(EMULATOR.endpoint() + "/sequencestore")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertEquals("UnknownOperationException", response.headers().firstValue("x-amzn-ErrorType").orElse(""));
    }

    private static HttpResponse<String> admin(String method, String action, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(EMULATOR.endpoint() + "/_emulator/" + action))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
