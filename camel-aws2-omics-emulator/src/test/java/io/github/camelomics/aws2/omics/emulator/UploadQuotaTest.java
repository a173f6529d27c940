package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.ReadSetPartSource;
import software.amazon.awssdk.services.omics.model.ThrottlingException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload operations' own quotas, whatever the emulator's rate setting: Create, Complete and Abort 1 per second,
 * UploadReadSetPart 10 per second (a burst of that many, then ThrottlingException).
 */
class UploadQuotaTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.rateLimitPerSecond(5));

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());

    private String create() {
        return omics.createMultipartReadSetUpload(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId())
                .sourceFileType(FileType.FASTQ).subjectId("s").sampleId("s").name("n")).uploadId();
    }

    @Test
    void createIsAllowedOncePerSecond() {
        create();
        ThrottlingException e = assertThrows(ThrottlingException.class, this::create);
        assertTrue(e.awsErrorDetails().errorMessage().contains("CreateMultipartReadSetUpload (1 requests per second)"),
                e.getMessage());
    }

    @Test
    void partsAreAllowedTenPerSecond() {
        String uploadId = create();
        long start = System.nanoTime();
        int accepted = 0;
        while (true) {
            int number = accepted + 1;
            try {
                omics.uploadReadSetPart(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId()).uploadId(uploadId)
                        .partSource(ReadSetPartSource.SOURCE1).partNumber(number), RequestBody.fromBytes(new byte[] {1}));
                accepted++;
            } catch (ThrottlingException e) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // a burst of 10, plus what 10 per second refilled while the parts were sent
        assertTrue(accepted >= 10 && accepted <= 10 + Math.ceil(seconds * 10), accepted + " parts in " + seconds + " s");
        assertEquals(1, EMULATOR.throttledRequests());
    }
}
