package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.CreationType;
import software.amazon.awssdk.services.omics.model.ETagAlgorithm;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.ListReadSetsResponse;
import software.amazon.awssdk.services.omics.model.ReadSetListItem;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Read sets made by finished sources, seen through GetReadSetMetadata and ListReadSets. */
class ReadSetsTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = new OmicsEmulatorExtension();

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());

    /** Imports one FASTQ per sample (10 reads of 50 bases) and finishes the job. */
    private String importSamples(String... samples) {
        StartReadSetImportJobSourceItem[] sources = new StartReadSetImportJobSourceItem[samples.length];
        for (int i = 0; i < samples.length; i++) {
            String uri = "s3://bucket/" + samples[i] + ".fastq.gz";
            EMULATOR.s3().putFastq(uri, 10, 50);
            sources[i] = fastq(uri).toBuilder().sampleId(samples[i]).name("reads of " + samples[i])
                    .generatedFrom("lab").build();
        }
        String jobId = omics.startReadSetImportJob(OmicsClients.start(EMULATOR.sequenceStoreId(), sources)).id();
        EMULATOR.finishImports();
        return jobId;
    }

    @Test
    void theMetadataOfAnImportedReadSetDescribesItsSourceAndJob() {
        String jobId = importSamples("s1");

        GetReadSetMetadataResponse readSet = omics.getReadSetMetadata(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .id("5000000001"));

        assertEquals("arn:aws:omics:us-east-1:123456789012:sequenceStore/1234567890/readSet/5000000001", readSet.arn());
        assertEquals(ReadSetStatus.ACTIVE, readSet.status());
        assertEquals(FileType.FASTQ, readSet.fileType());
        assertEquals(CreationType.IMPORT, readSet.creationType());
        assertEquals(jobId, readSet.creationJobId());
        assertEquals("s1", readSet.sampleId());
        assertEquals("subject-1", readSet.subjectId());
        assertEquals("reads of s1", readSet.name());
        assertEquals(10L, readSet.sequenceInformation().totalReadCount());
        assertEquals(500L, readSet.sequenceInformation().totalBaseCount());
        assertEquals("lab", readSet.sequenceInformation().generatedFrom());
        assertTrue(readSet.files().source1().contentLength() > 0);
        assertNull(readSet.files().source2());
        assertEquals(OmicsEmulatorExtension.DEFAULT_START.plus(Duration.ofSeconds(6)), readSet.creationTime());
    }

    @Test
    void aFastqReadSetIsUnalignedInPartsOf100MibWithTheMd5OfTheUncompressedFastqAsItsEtag() throws Exception {
        importSamples("s1");
        Path file = EMULATOR.s3().resolve("s3://bucket/s1.fastq.gz");

        GetReadSetMetadataResponse readSet = omics.getReadSetMetadata(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .id("5000000001"));

        assertEquals("UNALIGNED", readSet.sequenceInformation().alignment());
        assertEquals(104_857_600L, readSet.files().source1().partSize());
        assertEquals(1, readSet.files().source1().totalParts());
        assertEquals(Files.size(file), readSet.files().source1().contentLength());
        assertEquals(ETagAlgorithm.FASTQ_MD5_UP, readSet.etag().algorithm());
        assertEquals(AwsCliTest.md5OfUncompressed(file), readSet.etag().source1());
        assertNull(readSet.etag().source2());
    }

    @Test
    void aCramOfMoreThanAPartIsAlignedAndCountsItsParts() throws Exception {
        Path cram = EMULATOR.s3().putCram("s3://bucket/big.cram");
        try (RandomAccessFile file = new RandomAccessFile(cram.toFile(), "rw")) {
            file.setLength(2 * 104_857_600L + 1); // sparse: two full parts and one byte
        }
        startAndFinish(OmicsClients.fastq("s3://bucket/big.cram").toBuilder().sourceFileType(FileType.CRAM)
                .referenceArn(OmicsClients.REFERENCE_ARN).build());

        GetReadSetMetadataResponse readSet = omics.getReadSetMetadata(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .id("5000000001"));

        assertEquals("ALIGNED", readSet.sequenceInformation().alignment());
        assertEquals(3, readSet.files().source1().totalParts());
        assertEquals(104_857_600L, readSet.files().source1().partSize());
        assertEquals(2 * 104_857_600L + 1, readSet.files().source1().contentLength());
        assertEquals(ETagAlgorithm.CRAM_MD5_UP, readSet.etag().algorithm());
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (InputStream in = new DigestInputStream(Files.newInputStream(cram), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        assertEquals(HexFormat.of().formatHex(md5.digest()), readSet.etag().source1());
    }

    @Test
    void aUbamIsUnalignedWithABamEtagOfItsUncompressedContent() throws Exception {
        EMULATOR.s3().putBam("s3://bucket/u.bam");
        startAndFinish(OmicsClients.fastq("s3://bucket/u.bam").toBuilder().sourceFileType(FileType.UBAM).build());

        ReadSetListItem readSet = omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())).readSets().get(0);

        assertEquals("UNALIGNED", readSet.sequenceInformation().alignment());
        assertEquals(ETagAlgorithm.BAM_MD5_UP, readSet.etag().algorithm());
        assertEquals(hex("MD5", new byte[] {'B', 'A', 'M', 1}), readSet.etag().source1());
    }

    @Test
    void theEtagFollowsTheStoresAlgorithmFamily() throws Exception {
        try (OmicsEmulator sha256 = OmicsEmulator.builder().eTagAlgorithmFamily("SHA256up")
                .submittedDuration(Duration.ZERO).importDuration(Duration.ZERO).build().start();
             OmicsClient client = OmicsClients.withoutRetries(sha256.endpoint())) {
            Path r1 = sha256.s3().putFastq("s3://bucket/r1.fastq.gz", 3, 30);
            Path r2 = sha256.s3().putFastq("s3://bucket/r2.fastq.gz", 4, 30);
            client.startReadSetImportJob(OmicsClients.start(sha256.sequenceStoreId(), OmicsClients.fastq("s3://bucket/r1.fastq.gz")
                    .toBuilder().sourceFiles(f -> f.source1("s3://bucket/r1.fastq.gz").source2("s3://bucket/r2.fastq.gz"))
                    .build()));
            client.getReadSetImportJob(r -> r.sequenceStoreId(sha256.sequenceStoreId()).id("4000000001"));

            GetReadSetMetadataResponse readSet = client.getReadSetMetadata(r -> r.sequenceStoreId(sha256.sequenceStoreId())
                    .id("5000000001"));

            assertEquals(ETagAlgorithm.FASTQ_SHA256_UP, readSet.etag().algorithm());
            assertEquals(hex("SHA-256", gunzip(r1)), readSet.etag().source1());
            assertEquals(hex("SHA-256", gunzip(r2)), readSet.etag().source2());
        }
    }

    private void startAndFinish(StartReadSetImportJobSourceItem source) {
        omics.startReadSetImportJob(OmicsClients.start(EMULATOR.sequenceStoreId(), source));
        EMULATOR.finishImports();
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }

    private static byte[] gunzip(Path file) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    @Test
    void anUnknownReadSetIsNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> omics.getReadSetMetadata(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).id("5999999999")));

        assertEquals(404, e.statusCode());
        assertEquals("Read set 5999999999 not found in sequence store 1234567890", e.awsErrorDetails().errorMessage());
    }

    @Test
    void noReadSetExistsBeforeTheJobHasFinished() {
        EMULATOR.s3().putFastq("s3://bucket/s1.fastq.gz", 1, 10);
        omics.startReadSetImportJob(OmicsClients.start(EMULATOR.sequenceStoreId(), fastq("s3://bucket/s1.fastq.gz")));

        ListReadSetsResponse response = omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()));

        assertTrue(response.readSets().isEmpty());
        assertNull(response.nextToken());
    }

    @Test
    void listReadSetsFiltersBySample() {
        importSamples("s1", "s2", "s3");

        List<ReadSetListItem> readSets = omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .filter(f -> f.sampleId("s2"))).readSets();

        assertEquals(1, readSets.size());
        assertEquals("s2", readSets.get(0).sampleId());
        assertEquals(ReadSetStatus.ACTIVE, readSets.get(0).status());
        assertEquals(FileType.FASTQ, readSets.get(0).fileType());
        assertEquals(CreationType.IMPORT, readSets.get(0).creationType());
    }

    @Test
    void anEmptyReferenceArnFilterFindsReadSetsWithoutAReference() {
        importSamples("s1");

        assertEquals(1, omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .filter(f -> f.referenceArn(""))).readSets().size());
        assertEquals(0, omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .filter(f -> f.referenceArn(OmicsClients.REFERENCE_ARN))).readSets().size());
    }

    @Test
    void listReadSetsPagesThroughEveryReadSetOnce() {
        importSamples("s1", "s2", "s3", "s4", "s5");

        ListReadSetsResponse first = omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).maxResults(2));
        List<String> all = omics.listReadSetsPaginator(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).maxResults(2))
                .readSets().stream().map(ReadSetListItem::sampleId).toList();

        assertEquals(2, first.readSets().size());
        assertNotNull(first.nextToken());
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), all);
    }
}
