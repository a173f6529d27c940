package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import java.util.ArrayList;
import java.util.List;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;

/**
 * Read sets made the way a client makes them, for the tests of what becomes of them: one gzip FASTQ per sample (10
 * reads of 50 bases, or a pair) in the local S3, imported through the SDK and finished on the test clock.
 */
final class StoredReadSets {

    private final OmicsEmulatorExtension emulator;
    private final OmicsClient omics;

    StoredReadSets(OmicsEmulatorExtension emulator, OmicsClient omics) {
        this.emulator = emulator;
        this.omics = omics;
    }

    /** Imports one FASTQ per sample ({@code s3://bucket/<sample>.fastq.gz}) in one job; the read set ids in order. */
    List<String> imported(String... samples) {
        StartReadSetImportJobSourceItem[] sources = new StartReadSetImportJobSourceItem[samples.length];
        for (int i = 0; i < samples.length; i++) {
            String uri = "s3://bucket/" + samples[i] + ".fastq.gz";
            emulator.s3().putFastq(uri, 10, 50);
            sources[i] = fastq(uri).toBuilder().sampleId(samples[i]).build();
        }
        return finish(omics.startReadSetImportJob(OmicsClients.start(emulator.sequenceStoreId(), sources)).id());
    }

    /** Imports a FASTQ pair ({@code s3://bucket/<sample>_R1.fastq.gz}, {@code _R2}); the read set's id. */
    String importedPair(String sample) {
        String r1 = "s3://bucket/" + sample + "_R1.fastq.gz";
        String r2 = "s3://bucket/" + sample + "_R2.fastq.gz";
        emulator.s3().putFastq(r1, 10, 50);
        emulator.s3().putFastq(r2, 10, 50);
        StartReadSetImportJobSourceItem pair = fastq(r1).toBuilder()
                .sourceFiles(SourceFiles.builder().source1(r1).source2(r2).build()).sampleId(sample).build();
        return finish(omics.startReadSetImportJob(OmicsClients.start(emulator.sequenceStoreId(), pair)).id()).get(0);
    }

    /** Imports one FASTQ per sample and archives the read sets; their ids in order. */
    List<String> archived(String... samples) {
        List<String> ids = imported(samples);
        emulator.state().archiveReadSets(emulator.sequenceStoreId(), ids);
        return ids;
    }

    /** An archived read set (imported with a client of its own) and the bucket {@code exports}, for another client. */
    static String archivedReadSetAndExportBucket(OmicsEmulatorExtension emulator) {
        try (OmicsClient omics = OmicsClients.withoutRetries(emulator.endpoint())) {
            emulator.s3().createBucket("exports");
            return new StoredReadSets(emulator, omics).archived("s1").get(0);
        }
    }

    GetReadSetMetadataResponse metadata(String readSetId) {
        return omics.getReadSetMetadata(r -> r.sequenceStoreId(emulator.sequenceStoreId()).id(readSetId));
    }

    ReadSetStatus status(String readSetId) {
        return metadata(readSetId).status();
    }

    private List<String> finish(String importJobId) {
        emulator.finishImports();
        List<String> ids = new ArrayList<>();
        omics.getReadSetImportJob(r -> r.sequenceStoreId(emulator.sequenceStoreId()).id(importJobId)).sources()
                .forEach(source -> ids.add(source.readSetId()));
        return ids;
    }
}
