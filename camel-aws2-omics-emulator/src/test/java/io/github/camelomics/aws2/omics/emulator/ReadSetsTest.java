package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.CreationType;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.ListReadSetsResponse;
import software.amazon.awssdk.services.omics.model.ReadSetListItem;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import java.time.Duration;
import java.util.List;

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
