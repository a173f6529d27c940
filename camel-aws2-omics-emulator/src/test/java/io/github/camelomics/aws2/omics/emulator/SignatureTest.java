package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.OmicsException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.SECRET_KEY;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With credentials configured, every request must carry a SigV4 signature made with them; a refusal is 403 with the
 * code AWS's front end uses, which the SDK reports as its generic service exception with that code.
 */
class SignatureTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.credentials(ACCESS_KEY, SECRET_KEY));

    private void startJobWith(String accessKey, String secretKey) {
        try (OmicsClient omics = OmicsClients.client(EMULATOR.endpoint(), accessKey, secretKey, false)) {
            omics.startReadSetImportJob(OmicsClients.start(EMULATOR.sequenceStoreId(), fastq("s3://bucket/a.fastq.gz")));
        }
    }

    @Test
    void aRequestSignedWithTheConfiguredKeyIsServed() {
        startJobWith(ACCESS_KEY, SECRET_KEY);

        assertEquals(1, EMULATOR.state().jobs().size());
    }

    @Test
    void everyOperationSignedWithTheConfiguredKeyIsServedIncludingQueryParameters() {
        EMULATOR.s3().putFastq("s3://bucket/a.fastq.gz", 1, 10);
        try (OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint())) {
            String store = EMULATOR.sequenceStoreId();
            omics.startReadSetImportJob(OmicsClients.start(store, fastq("s3://bucket/a.fastq.gz")));
            omics.startReadSetImportJob(OmicsClients.start(store, fastq("s3://bucket/a.fastq.gz")));
            EMULATOR.finishImports();
            String token = omics.listReadSetImportJobs(r -> r.sequenceStoreId(store).maxResults(1)).nextToken();

            omics.listReadSetImportJobs(r -> r.sequenceStoreId(store).maxResults(1).nextToken(token));
            omics.getReadSetImportJob(r -> r.sequenceStoreId(store).id("4000000001"));
            omics.listReadSets(r -> r.sequenceStoreId(store).maxResults(1).filter(f -> f.sampleId("sample-1")));
            omics.getReadSetMetadata(r -> r.sequenceStoreId(store).id("5000000001"));
        }
    }

    @Test
    void aWrongSecretIsAnInvalidSignatureAndChangesNothing() {
        OmicsException e = assertThrows(OmicsException.class, () -> startJobWith(ACCESS_KEY, "wrong-secret"));

        assertEquals(403, e.statusCode());
        assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("The request signature we calculated does not match "
                + "the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                + "documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n"
                + "/sequencestore/1234567890/importjob\n"), e.awsErrorDetails().errorMessage());
        assertTrue(EMULATOR.state().jobs().isEmpty());
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        OmicsException e = assertThrows(OmicsException.class, () -> startJobWith("AKIAUNKNOWN", SECRET_KEY));

        assertEquals(403, e.statusCode());
        assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void anUnsignedRequestIsAMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(EMULATOR.endpoint() + "/sequencestore/1234567890/readsets"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode());
        assertEquals("MissingAuthenticationTokenException", response.headers().firstValue("x-amzn-ErrorType").orElse(""));
        assertEquals("{\"__type\":\"MissingAuthenticationTokenException\",\"message\":\"Missing Authentication Token\"}",
                response.body());
    }

    @Test
    void theSecretNeverAppearsInTheEmulatorsDescription() {
        assertFalse(EMULATOR.emulator().toString().contains(SECRET_KEY));
    }

    @Test
    void verificationCanBeSwitchedOff() {
        try (OmicsEmulator lenient = OmicsEmulator.builder().credentials(ACCESS_KEY, SECRET_KEY).verifySignatures(false)
                .build().start();
             OmicsClient omics = OmicsClients.client(lenient.endpoint(), "anyone", "anything", false)) {
            omics.listReadSets(r -> r.sequenceStoreId(lenient.sequenceStoreId()));
        }
    }
}
