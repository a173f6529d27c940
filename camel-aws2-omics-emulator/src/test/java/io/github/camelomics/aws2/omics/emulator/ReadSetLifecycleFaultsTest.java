package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.OmicsException;
import software.amazon.awssdk.services.omics.model.ReadSetActivationJobStatus;
import software.amazon.awssdk.services.omics.model.ThrottlingException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The six activation and export operations take part in what the others do: the signature check, the rate quota of 5
 * per second each, the injected errors and dropped responses, the admin endpoint's faults.
 */
class ReadSetLifecycleFaultsTest {

    private static final String STORE = OmicsEmulator.DEFAULT_SEQUENCE_STORE_ID;

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(
            b -> b.credentials(ACCESS_KEY, SECRET_KEY).rateLimitPerSecond(5));

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());
    private final StoredReadSets readSets = new StoredReadSets(EMULATOR, omics);

    /** One call of each operation, valid as far as the model goes. */
    private final Map<Operation, Runnable> calls = Map.of(
            Operation.START_READ_SET_ACTIVATION_JOB, () -> omics.startReadSetActivationJob(
                    r -> r.sequenceStoreId(STORE).sources(s -> s.readSetId("5000000001"))),
            Operation.GET_READ_SET_ACTIVATION_JOB, () -> omics.getReadSetActivationJob(
                    r -> r.sequenceStoreId(STORE).id("7000000001")),
            Operation.LIST_READ_SET_ACTIVATION_JOBS, () -> omics.listReadSetActivationJobs(r -> r.sequenceStoreId(STORE)),
            Operation.START_READ_SET_EXPORT_JOB, () -> omics.startReadSetExportJob(r -> r.sequenceStoreId(STORE)
                    .destination("s3://exports/").roleArn(OmicsClients.ROLE_ARN).sources(s -> s.readSetId("5000000001"))),
            Operation.GET_READ_SET_EXPORT_JOB, () -> omics.getReadSetExportJob(r -> r.sequenceStoreId(STORE).id("8000000001")),
            Operation.LIST_READ_SET_EXPORT_JOBS, () -> omics.listReadSetExportJobs(r -> r.sequenceStoreId(STORE)));

    @ParameterizedTest
    @EnumSource(value = Operation.class, names = ".*_READ_SET_(ACTIVATION|EXPORT)_JOBS?", mode = EnumSource.Mode.MATCH_ANY)
    void anInjectedErrorReachesTheSdkAsItsModeledException(Operation operation) {
        EMULATOR.faults().failNext(1, operation, ErrorShape.REQUEST_TIMEOUT);

        OmicsException e = assertThrows(OmicsException.class, () -> calls.get(operation).run());

        assertEquals("RequestTimeoutException", e.getClass().getSimpleName(), operation.modelName());
        assertEquals(408, e.statusCode());
        assertEquals("Injected fault: RequestTimeoutException", e.awsErrorDetails().errorMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Operation.class, names = ".*_READ_SET_(ACTIVATION|EXPORT)_JOBS?", mode = EnumSource.Mode.MATCH_ANY)
    void eachOperationHasItsOwnQuotaOfFivePerSecond(Operation operation) {
        EMULATOR.faults().failNext(100, operation, ErrorShape.VALIDATION, "past the quota check"); // nothing takes effect

        ThrottlingException e = null;
        for (int i = 0; i < 10 && e == null; i++) {
            try {
                calls.get(operation).run();
            } catch (ThrottlingException throttled) {
                e = throttled;
            } catch (OmicsException passed) {
                assertEquals("past the quota check", passed.awsErrorDetails().errorMessage());
            }
        }

        assertTrue(e != null, operation + " was never throttled");
        assertEquals("Rate exceeded for " + operation.modelName() + " (5 requests per second)",
                e.awsErrorDetails().errorMessage());
        assertEquals(1, EMULATOR.throttledRequests());
    }

    @Test
    void aWrongSecretIsRefusedAsAnInvalidSignature() {
        try (OmicsClient wrong = OmicsClients.client(EMULATOR.endpoint(), ACCESS_KEY, "not-the-secret", false)) {
            OmicsException e = assertThrows(OmicsException.class, () -> wrong.listReadSetExportJobs(
                    r -> r.sequenceStoreId(STORE)));

            assertEquals(403, e.statusCode());
            assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
        }
    }

    /** A lost answer to a start with a client token: the SDK's retry gets the job the first attempt made. */
    @Test
    void aDroppedStartResponseIsRetriedIntoTheSameJobWithAClientToken() {
        String readSet = readSets.archived("s1").get(0);
        EMULATOR.faults().dropResponses(1, Operation.START_READ_SET_ACTIVATION_JOB);

        try (OmicsClient retrying = OmicsClients.withRetries(EMULATOR.endpoint())) {
            String id = retrying.startReadSetActivationJob(r -> r.sequenceStoreId(STORE).clientToken("once")
                    .sources(s -> s.readSetId(readSet))).id();

            assertEquals(1, EMULATOR.state().activationJobs().size());
            assertEquals(id, EMULATOR.state().activationJobs().get(0).id());
            assertEquals(2, EMULATOR.requestCounts().of(Operation.START_READ_SET_ACTIVATION_JOB));
        }
    }

    @Test
    void theAdminEndpointArmsAnActivationFailureOfOneReadSet() throws Exception {
        String readSet = readSets.archived("s1").get(0);

        HttpResponse<String> armed = admin("faults/activation-failures", "{\"readSetId\":\"" + readSet
                + "\",\"message\":\"restore from the archive failed\"}");
        String jobId = omics.startReadSetActivationJob(r -> r.sequenceStoreId(STORE).sources(s -> s.readSetId(readSet)))
                .id();
        EMULATOR.finishJobs();

        assertEquals(200, armed.statusCode());
        var job = omics.getReadSetActivationJob(r -> r.sequenceStoreId(STORE).id(jobId));
        assertEquals(ReadSetActivationJobStatus.FAILED, job.status());
        assertEquals("restore from the archive failed", job.sources().get(0).statusMessage());
    }

    @Test
    void theAdminEndpointArmsAnExportFailureOfOneReadSet() throws Exception {
        HttpResponse<String> armed = admin("faults/export-failures", "{\"readSetId\":\"5000000007\",\"count\":2}");

        assertEquals(200, armed.statusCode());
        assertEquals(Optional.of("Injected fault: export of read set 5000000007 failed"),
                EMULATOR.faults().takeExportFailure("5000000007"));
        assertEquals(Optional.of("Injected fault: export of read set 5000000007 failed"),
                EMULATOR.faults().takeExportFailure("5000000007"));
        assertEquals(Optional.empty(), EMULATOR.faults().takeExportFailure("5000000007"));
    }

    private static HttpResponse<String> admin(String action, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(EMULATOR.endpoint() + "/_emulator/"
                + action)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
