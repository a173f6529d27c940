package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.CompleteReadSetUploadPartListItem;
import software.amazon.awssdk.services.omics.model.CreateMultipartReadSetUploadResponse;
import software.amazon.awssdk.services.omics.model.CreationType;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.ReadSetPartSource;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;
import software.amazon.awssdk.services.omics.model.ReadSetUploadPartListItem;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;
import software.amazon.awssdk.services.omics.model.ValidationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The six operations of a multipart read set upload, through the real SDK over HTTP with signatures checked (the
 * part's bytes are signed as the SDK signs them over plain HTTP): parts kept as sent, replaced, listed, checked on
 * Complete; the read set PROCESSING_UPLOAD, then ACTIVE with its reads counted or UPLOAD_FAILED; abort; the rules.
 */
class MultipartUploadTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.credentials(ACCESS_KEY, SECRET_KEY));

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());

    private CreateMultipartReadSetUploadResponse create(FileType type) {
        return omics.createMultipartReadSetUpload(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId())
                .sourceFileType(type).subjectId("subject-1").sampleId("sample-1").name("NA12878 lane 1")
                .referenceArn(type == FileType.BAM ? OmicsClients.REFERENCE_ARN : null));
    }

    private String upload(String uploadId, ReadSetPartSource source, int number, byte[] bytes) {
        return omics.uploadReadSetPart(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId()).uploadId(uploadId)
                .partSource(source).partNumber(number), RequestBody.fromBytes(bytes)).checksum();
    }

    private static CompleteReadSetUploadPartListItem part(ReadSetPartSource source, int number, String checksum) {
        return CompleteReadSetUploadPartListItem.builder().partSource(source).partNumber(number).checksum(checksum)
                .build();
    }

    private String complete(String uploadId, CompleteReadSetUploadPartListItem... parts) {
        return omics.completeMultipartReadSetUpload(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId())
                .uploadId(uploadId).parts(parts)).readSetId();
    }

    private GetReadSetMetadataResponse readSet(String id) {
        return omics.getReadSetMetadata(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId()).id(id));
    }

    @Test
    void pairedFastqInPartsBecomesAnActiveReadSetWithItsReadsCounted() throws IOException {
        byte[] r1 = fastq(40, 100);
        byte[] r2 = fastq(40, 100);
        byte[] r1a = Arrays.copyOfRange(r1, 0, r1.length / 3); // a part ends anywhere, even inside a gzip block
        byte[] r1b = Arrays.copyOfRange(r1, r1.length / 3, r1.length);
        String uploadId = create(FileType.FASTQ).uploadId();

        String c1 = upload(uploadId, ReadSetPartSource.SOURCE1, 1, r1a);
        String c2 = upload(uploadId, ReadSetPartSource.SOURCE1, 2, r1b);
        String c3 = upload(uploadId, ReadSetPartSource.SOURCE2, 1, r2);

        assertEquals(sha256(r1a), c1, "the emulator's checksum is the part's SHA-256");
        List<ReadSetUploadPartListItem> listed = omics.listReadSetUploadParts(b -> b
                .sequenceStoreId(EMULATOR.sequenceStoreId()).uploadId(uploadId).partSource(ReadSetPartSource.SOURCE1))
                .parts();
        assertEquals(List.of(1, 2), listed.stream().map(ReadSetUploadPartListItem::partNumber).toList());
        assertEquals(List.of((long) r1a.length, (long) r1b.length),
                listed.stream().map(ReadSetUploadPartListItem::partSize).toList());
        assertEquals(List.of(c1, c2), listed.stream().map(ReadSetUploadPartListItem::checksum).toList());
        assertArrayEquals(r1b, Files.readAllBytes(EMULATOR.dataDir().resolve(".omics-emulator/uploads/" + uploadId
                + "/SOURCE1/2.part")), "the bytes kept are the bytes sent");

        String readSetId = complete(uploadId, part(ReadSetPartSource.SOURCE1, 1, c1),
                part(ReadSetPartSource.SOURCE1, 2, c2), part(ReadSetPartSource.SOURCE2, 1, c3));

        GetReadSetMetadataResponse processing = readSet(readSetId);
        assertEquals(ReadSetStatus.PROCESSING_UPLOAD, processing.status());
        assertEquals(CreationType.UPLOAD, processing.creationType());
        EMULATOR.finishImports();
        GetReadSetMetadataResponse active = readSet(readSetId);
        assertEquals(ReadSetStatus.ACTIVE, active.status());
        assertEquals(80L, active.sequenceInformation().totalReadCount());
        assertEquals(8000L, active.sequenceInformation().totalBaseCount());
        assertEquals((long) r1.length, active.files().source1().contentLength());
        assertEquals((long) r2.length, active.files().source2().contentLength());
        assertEquals("NA12878 lane 1", active.name());
        assertNull(active.creationJobId());
        assertTrue(omics.listMultipartReadSetUploads(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId())).uploads()
                .isEmpty(), "a completed upload is no longer listed");
    }

    @Test
    void aPartUploadedAgainReplacesTheFirstAndOnlyItsChecksumCompletes() {
        String uploadId = create(FileType.FASTQ).uploadId();
        String first = upload(uploadId, ReadSetPartSource.SOURCE1, 1, "not what was meant".getBytes(StandardCharsets.UTF_8));
        byte[] good = fastq(5, 50);
        String second = upload(uploadId, ReadSetPartSource.SOURCE1, 1, good);

        assertNotEquals(first, second);
        List<ReadSetUploadPartListItem> parts = omics.listReadSetUploadParts(b -> b
                .sequenceStoreId(EMULATOR.sequenceStoreId()).uploadId(uploadId).partSource(ReadSetPartSource.SOURCE1))
                .parts();
        assertEquals(1, parts.size());
        assertEquals(second, parts.get(0).checksum());
        assertEquals((long) good.length, parts.get(0).partSize());

        ValidationException stale = assertThrows(ValidationException.class,
                () -> complete(uploadId, part(ReadSetPartSource.SOURCE1, 1, first)));
        assertTrue(stale.awsErrorDetails().errorMessage().contains(
                "parts[0].checksum: does not match SOURCE1 part 1 as uploaded"), stale.getMessage());
        String readSetId = complete(uploadId, part(ReadSetPartSource.SOURCE1, 1, second));
        EMULATOR.finishImports();
        assertEquals(5L, readSet(readSetId).sequenceInformation().totalReadCount());
    }

    @Test
    void completeNamesAPartThatWasNotUploadedAndAGapInTheNumbers() {
        String uploadId = create(FileType.FASTQ).uploadId();
        String c1 = upload(uploadId, ReadSetPartSource.SOURCE1, 1, fastq(2, 10));

        ValidationException e = assertThrows(ValidationException.class, () -> complete(uploadId,
                part(ReadSetPartSource.SOURCE1, 1, c1), part(ReadSetPartSource.SOURCE1, 3, c1),
                part(ReadSetPartSource.SOURCE2, 1, c1)));

        String message = e.awsErrorDetails().errorMessage();
        assertTrue(message.contains("parts[1]: expected SOURCE1 part 2"), message);
        assertTrue(message.contains("parts[2]: SOURCE2 part 1 was not uploaded"), message);
        assertTrue(EMULATOR.state().readSets().isEmpty(), "a refused Complete makes no read set");
    }

    @Test
    void partsThatAreNotAValidFastqEndUploadFailedWithTheReason() {
        String uploadId = create(FileType.FASTQ).uploadId();
        String c1 = upload(uploadId, ReadSetPartSource.SOURCE1, 1, "plain text".getBytes(StandardCharsets.UTF_8));
        String readSetId = complete(uploadId, part(ReadSetPartSource.SOURCE1, 1, c1));

        EMULATOR.finishImports();

        GetReadSetMetadataResponse failed = readSet(readSetId);
        assertEquals(ReadSetStatus.UPLOAD_FAILED, failed.status());
        assertEquals("source1 is not gzip-compressed (FASTQ must be gzip): upload " + uploadId, failed.statusMessage());
    }

    @Test
    void completingTwiceWithTheSamePartsAnswersTheSameReadSet() {
        String uploadId = create(FileType.FASTQ).uploadId();
        String c1 = upload(uploadId, ReadSetPartSource.SOURCE1, 1, fastq(3, 20));

        String first = complete(uploadId, part(ReadSetPartSource.SOURCE1, 1, c1));
        String again = complete(uploadId, part(ReadSetPartSource.SOURCE1, 1, c1));

        assertEquals(first, again);
        assertEquals(1, EMULATOR.state().readSets().size());
        assertThrows(ValidationException.class, () -> upload(uploadId, ReadSetPartSource.SOURCE1, 2, fastq(1, 10)),
                "a completed upload takes no more parts");
    }

    @Test
    void anAbortedUploadAndItsPartsAreGone() {
        String uploadId = create(FileType.FASTQ).uploadId();
        upload(uploadId, ReadSetPartSource.SOURCE1, 1, fastq(2, 10));
        assertEquals(List.of(uploadId), omics.listMultipartReadSetUploads(b -> b
                .sequenceStoreId(EMULATOR.sequenceStoreId())).uploads().stream().map(u -> u.uploadId()).toList());

        omics.abortMultipartReadSetUpload(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId()).uploadId(uploadId));

        assertThrows(ResourceNotFoundException.class, () -> omics.listReadSetUploadParts(b -> b
                .sequenceStoreId(EMULATOR.sequenceStoreId()).uploadId(uploadId).partSource(ReadSetPartSource.SOURCE1)));
        assertTrue(Files.notExists(EMULATOR.dataDir().resolve(".omics-emulator/uploads/" + uploadId)));
    }

    @Test
    void theGuidesRulesAreCheckedOnCreateAndOnParts() {
        ValidationException noReference = assertThrows(ValidationException.class, () -> omics
                .createMultipartReadSetUpload(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId())
                        .sourceFileType(FileType.CRAM).subjectId("s").sampleId("s").name("n")));
        assertTrue(noReference.awsErrorDetails().errorMessage().contains("referenceArn"), noReference.getMessage());

        String bam = create(FileType.BAM).uploadId();
        ValidationException source2 = assertThrows(ValidationException.class,
                () -> upload(bam, ReadSetPartSource.SOURCE2, 1, new byte[] {1}));
        assertTrue(source2.awsErrorDetails().errorMessage().contains("SOURCE2 is only allowed"), source2.getMessage());
    }

    @Test
    void aConnectionCutInTheMiddleOfAPartIsRetriedAndKeepsOnePart() {
        try (OmicsClient retrying = OmicsClients.withRetries(EMULATOR.endpoint())) {
            String uploadId = create(FileType.FASTQ).uploadId();
            byte[] bytes = new byte[4 * 1024 * 1024];
            new java.util.Random(7).nextBytes(bytes);
            EMULATOR.faults().dropConnectionsDuringPart(1);

            String checksum = retrying.uploadReadSetPart(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId())
                    .uploadId(uploadId).partSource(ReadSetPartSource.SOURCE1).partNumber(1),
                    RequestBody.fromBytes(bytes)).checksum();

            assertEquals(sha256(bytes), checksum);
            assertEquals(2, EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART), "cut off once, then sent again");
            assertEquals(1, EMULATOR.state().uploads().get(0).parts().size());
        }
    }

    @Test
    void aCompleteThatFailsOnceOrLosesItsAnswerStillMakesOneReadSet() {
        try (OmicsClient retrying = OmicsClients.withRetries(EMULATOR.endpoint())) {
            String uploadId = create(FileType.FASTQ).uploadId();
            String c1 = upload(uploadId, ReadSetPartSource.SOURCE1, 1, fastq(3, 20));
            EMULATOR.faults().failNext(1, Operation.COMPLETE_MULTIPART_READ_SET_UPLOAD, ErrorShape.INTERNAL_SERVER);
            EMULATOR.faults().dropResponses(1, Operation.COMPLETE_MULTIPART_READ_SET_UPLOAD);

            String readSetId = retrying.completeMultipartReadSetUpload(b -> b.sequenceStoreId(EMULATOR.sequenceStoreId())
                    .uploadId(uploadId).parts(part(ReadSetPartSource.SOURCE1, 1, c1))).readSetId();

            assertEquals(3, EMULATOR.requestCounts().of(Operation.COMPLETE_MULTIPART_READ_SET_UPLOAD));
            assertEquals(List.of(readSetId), EMULATOR.state().readSets().stream().map(r -> r.id()).toList());
        }
    }

    /** A gzip FASTQ of {@code reads} reads of {@code length} bases. */
    static byte[] fastq(int reads, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < reads; i++) {
            text.append("@r").append(i).append('\n').append("ACGT".repeat(length / 4 + 1), 0, length)
                    .append("\n+\n").append("F".repeat(length)).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
