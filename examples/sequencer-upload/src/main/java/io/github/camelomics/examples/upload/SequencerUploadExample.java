package io.github.camelomics.examples.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.examples.support.SampleEmulator;
import org.apache.camel.main.Main;

/**
 * The sequencer example: on the embedded emulator (the default), a sequencer output folder in
 * {@code target/sequencer-output} gets the sample pair NA12878, and the route uploads it and waits for the read set,
 * then camel-main stops after that one sample. Against AWS ({@code -Dexample.emulator=false}): set
 * camel.component.aws2-omics.* (region, credentials, sequenceStoreId) and example.sequencerDir, and it runs until
 * stopped, uploading every sample that finishes.
 */
public final class SequencerUploadExample {

    private SequencerUploadExample() {
    }

    public static void main(String[] args) throws Exception {
        boolean onEmulator = Boolean.parseBoolean(System.getProperty("example.emulator",
                System.getenv().getOrDefault("EXAMPLE_EMULATOR", "true")));
        if (!onEmulator) {
            Main main = new Main();
            main.configure().addRoutesBuilder(new SequencerUploadRoute());
            main.run(args);
            return;
        }
        Path folder = Path.of("target", "sequencer-output");
        try (OmicsEmulator emulator = startEmulator()) {
            System.out.println("HealthOmics emulator running at " + emulator.endpoint());
            run(emulator, folder, Path.of("target", "upload-ledger"), 1);
        }
    }

    /** The emulator the example uploads to: signatures checked, read sets processed in a second. */
    public static OmicsEmulator startEmulator() {
        return OmicsEmulator.builder().port(0).credentials(SampleEmulator.ACCESS_KEY, SampleEmulator.SECRET_KEY)
                .importDuration(Duration.ofSeconds(1)).build().start();
    }

    /**
     * Puts the sample pair in {@code folder} as a sequencer would (unless it is there), and runs the route until {@code samples} samples
     * were uploaded.
     */
    public static void run(OmicsEmulator emulator, Path folder, Path ledger, int samples) throws Exception {
        Files.createDirectories(folder);
        copy("/samples/NA12878_R2.fastq.gz", folder.resolve("NA12878_R2.fastq.gz")); // the mate first: R1 is the signal
        copy("/samples/NA12878_R1.fastq.gz", folder.resolve("NA12878_R1.fastq.gz"));
        Main main = new Main();
        main.configure().addRoutesBuilder(new SequencerUploadRoute());
        main.configure().setDurationMaxMessages(samples);
        main.addInitialProperty("example.sequencerDir", folder.toAbsolutePath().toString());
        main.addInitialProperty("example.subjectId", "NA12878");
        main.addInitialProperty("camel.component.aws2-omics.region", emulator.region());
        main.addInitialProperty("camel.component.aws2-omics.overrideEndpoint", "true");
        main.addInitialProperty("camel.component.aws2-omics.uriEndpointOverride", emulator.endpoint().toString());
        main.addInitialProperty("camel.component.aws2-omics.accessKey", SampleEmulator.ACCESS_KEY);
        main.addInitialProperty("camel.component.aws2-omics.secretKey", SampleEmulator.SECRET_KEY);
        main.addInitialProperty("camel.component.aws2-omics.sequenceStoreId", emulator.sequenceStoreId());
        main.addInitialProperty("camel.component.aws2-omics.pollInterval", "200");
        main.addInitialProperty("camel.component.aws2-omics.uploadLedgerDirectory", ledger.toAbsolutePath().toString());
        main.run();
    }

    /** Writes the sample file unless an earlier run did (a rewritten file would be a new file to upload). */
    private static void copy(String resource, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try (InputStream in = SampleEmulator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + resource);
            }
            Files.copy(in, target);
        }
    }
}
