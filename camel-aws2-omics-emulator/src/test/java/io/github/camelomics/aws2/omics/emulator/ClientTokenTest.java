package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ValidationException;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
