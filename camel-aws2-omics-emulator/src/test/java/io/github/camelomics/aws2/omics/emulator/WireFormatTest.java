package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the emulator puts on the wire, seen both raw and through the SDK. */
class WireFormatTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> {
    });

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());

    @Test
    void startAnswersTheJobAsSubmittedWithAnIsoTimestamp() {
        StartReadSetImportJobResponse job = omics.startReadSetImportJob(
                OmicsClients.start(EMULATOR.sequenceStoreId(), OmicsClients.fastq("s3://bucket/r1.fastq.gz")));

        assertEquals(ReadSetImportJobStatus.SUBMITTED, job.status());
        assertEquals("4000000001", job.id());
        assertEquals(EMULATOR.sequenceStoreId(), job.sequenceStoreId());
        assertEquals(OmicsClients.ROLE_ARN, job.roleArn());
        assertEquals(OmicsEmulatorExtension.DEFAULT_START, job.creationTime());
    }

    @Test
    void errorsCarryTheShapeInHeaderAndBody() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(EMULATOR.endpoint() + "/sequencestore/9999999999/importjob/1234567890")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertEquals("ResourceNotFoundException", response.headers().firstValue("x-amzn-ErrorType").orElse(""));
        assertEquals("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Sequence store 9999999999 not found\"}",
                response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
}
