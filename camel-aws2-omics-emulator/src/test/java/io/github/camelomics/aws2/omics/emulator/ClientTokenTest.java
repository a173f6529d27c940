package io.github.camelomics.aws2.omics.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ValidationException;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** clientToken makes StartReadSetImportJob idempotent, which is what makes retries after a lost response safe. */
class ClientTokenTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = new OmicsEmulatorExtension();

    private StartReadSetImportJobRequest request(String source, String clientToken) {
        return OmicsClients.start(EMULATOR.sequenceStoreId(), fastq(source)).toBuilder().clientToken(clientToken).build();
    }

    @Test
    void theSameTokenAndRequestReturnTheOriginalJobAndCreateNothing() {
        try (OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint())) {
            StartReadSetImportJobResponse first = omics.startReadSetImportJob(request("s3://bucket/a.fastq.gz", "token-1"));
            EMULATOR.advanceClock(OmicsEmulator.DEFAULT_SUBMITTED_DURATION);

            StartReadSetImportJobResponse replay = omics.startReadSetImportJob(request("s3://bucket/a.fastq.gz", "token-1"));

            assertEquals(first.id(), replay.id());
            assertEquals(first.creationTime(), replay.creationTime());
            assertEquals(1, EMULATOR.state().jobs().size());
        }
    }

    @Test
    void theSameTokenWithADifferentRequestIsAValidationException() {
        try (OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint())) {
            String id = omics.startReadSetImportJob(request("s3://bucket/a.fastq.gz", "token-1")).id();

            ValidationException e = assertThrows(ValidationException.class,
                    () -> omics.startReadSetImportJob(request("s3://bucket/b.fastq.gz", "token-1")));

            assertEquals(400, e.statusCode());
            assertEquals("clientToken 'token-1' was already used for import job " + id + " with a different request",
                    e.awsErrorDetails().errorMessage());
            assertEquals(1, EMULATOR.state().jobs().size());
        }
    }

    @Test
    void afterTheTokensAreForgottenTheSameTokenStartsANewJob() {
        try (OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint())) {
            String first = omics.startReadSetImportJob(request("s3://bucket/a.fastq.gz", "token-1")).id();

            assertEquals(1, EMULATOR.forgetClientTokens());
            String again = omics.startReadSetImportJob(request("s3://bucket/a.fastq.gz", "token-1")).id();

            assertNotEquals(first, again);
            assertEquals(2, EMULATOR.state().jobs().size());
            assertNull(EMULATOR.state().job(EMULATOR.sequenceStoreId(), first).orElseThrow().clientToken(),
                    "the first job no longer knows its token");
        }
    }

    @Test
    void theAdminCallForgetsTheTokensToo() throws Exception {
        try (OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint())) {
            String first = omics.startReadSetImportJob(request("s3://bucket/a.fastq.gz", "token-1")).id();

            HttpResponse<String> forgotten = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(EMULATOR.endpoint() + "/_emulator/client-tokens/forget"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, forgotten.statusCode());
            assertEquals("{\"forgotten\":1}", forgotten.body());
            assertNotEquals(first, omics.startReadSetImportJob(request("s3://bucket/a.fastq.gz", "token-1")).id());
        }
    }

    @Test
    void aRetryAfterADroppedResponseWithATokenCreatesOneJob() {
        EMULATOR.faults().dropResponsesAfterStart(1);
        try (OmicsClient omics = OmicsClients.withRetries(EMULATOR.endpoint())) {
            StartReadSetImportJobResponse job = omics.startReadSetImportJob(request("s3://bucket/a.fastq.gz", "token-1"));

            assertEquals(1, EMULATOR.state().jobs().size());
            assertEquals(EMULATOR.state().jobs().get(0).id(), job.id());
        }
    }

    @Test
    void aRetryAfterADroppedResponseWithoutATokenCreatesADuplicate() {
        EMULATOR.faults().dropResponsesAfterStart(1);
        try (OmicsClient omics = OmicsClients.withRetries(EMULATOR.endpoint())) {
            omics.startReadSetImportJob(OmicsClients.start(EMULATOR.sequenceStoreId(), fastq("s3://bucket/a.fastq.gz")));

            assertEquals(2, EMULATOR.state().jobs().size());
        }
    }
}
