package io.github.camelomics.examples.javadsl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;

/**
 * The README's main job: an import, end to end. It starts the HealthOmics emulator in this JVM, puts the two FASTQ
 * files of the sample into its local S3, runs {@link ImportRoute} on camel-main and exits when the job has ended.
 */
public final class ImportExample {

    static final String ACCESS_KEY = "AKIDEMULATOR";
    static final String SECRET_KEY = "emulator-secret-key";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/OmicsImportRole";
    static final String SOURCE1 = "s3://lab-bucket/NA12878/NA12878_R1.fastq.gz";
    static final String SOURCE2 = "s3://lab-bucket/NA12878/NA12878_R2.fastq.gz";

    /** What the route saw when the job ended. */
    public record Outcome(String jobId, String status, List<String> readSetIds) {
    }

    public static void main(String[] args) throws Exception {
        Outcome outcome = run();
        System.exit("COMPLETED".equals(outcome.status()) ? 0 : 1);
    }

    public static Outcome run() throws Exception {
        try (OmicsEmulator emulator = OmicsEmulator.builder()
                .port(0)
                .dataDir(Files.createTempDirectory("omics-emulator"))
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build()
                .start()) {
            emulator.s3().put(SOURCE1, resource("/samples/NA12878_R1.fastq.gz"));
            emulator.s3().put(SOURCE2, resource("/samples/NA12878_R2.fastq.gz"));
            System.out.println("HealthOmics emulator running at " + emulator.endpoint());
            return runRoute(emulator);
        }
    }

    private static Outcome runRoute(OmicsEmulator emulator) throws Exception {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Main main = new Main();
        main.configure().addRoutesBuilder(new ImportRoute(e -> outcome.set(outcome(e))));
        main.addInitialProperty("camel.component.aws2-omics.region", emulator.region());
        main.addInitialProperty("camel.component.aws2-omics.overrideEndpoint", "true");
        main.addInitialProperty("camel.component.aws2-omics.uriEndpointOverride", emulator.endpoint().toString());
        // secrets as placeholders, as Camel recommends; against AWS they would be {{env:...}} or a vault
        main.addInitialProperty("emulator.accessKey", ACCESS_KEY);
        main.addInitialProperty("emulator.secretKey", SECRET_KEY);
        main.addInitialProperty("camel.component.aws2-omics.accessKey", "{{emulator.accessKey}}");
        main.addInitialProperty("camel.component.aws2-omics.secretKey", "{{emulator.secretKey}}");
        main.addInitialProperty("camel.component.aws2-omics.sequenceStoreId", emulator.sequenceStoreId());
        main.addInitialProperty("camel.component.aws2-omics.roleArn", ROLE_ARN);
        main.addInitialProperty("example.source1", SOURCE1);
        main.addInitialProperty("example.source2", SOURCE2);
        main.addInitialProperty("camel.main.durationMaxMessages", "1"); // stop once the import exchange is done
        main.run();
        if (outcome.get() == null) {
            throw new IllegalStateException("the import route did not finish");
        }
        return outcome.get();
    }

    @SuppressWarnings("unchecked")
    private static Outcome outcome(Exchange e) {
        return new Outcome(e.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID, String.class),
                e.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS, String.class),
                e.getMessage().getHeader(Omics2Constants.READ_SET_IDS, List.class));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportExample.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private ImportExample() {
    }
}
