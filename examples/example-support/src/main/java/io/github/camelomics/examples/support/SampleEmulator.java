package io.github.camelomics.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;

/**
 * The embedded HealthOmics emulator with the example's paired FASTQ sample in its local S3, and the properties that
 * point the component (and the omics Kamelets) at it. Signatures are checked, so the credentials the examples pass
 * really are used.
 */
public final class SampleEmulator implements AutoCloseable {

    public static final String ACCESS_KEY = "AKIDEMULATOR";
    public static final String SECRET_KEY = "emulator-secret-key";
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/OmicsImportRole";
    public static final String SOURCE1 = "s3://lab-bucket/NA12878/NA12878_R1.fastq.gz";
    public static final String SOURCE2 = "s3://lab-bucket/NA12878/NA12878_R2.fastq.gz";

    /** The Kamelets of the component jar, which set the connection options on their endpoints themselves. */
    private static final String[] OMICS_KAMELETS = { "aws-omics-read-set-import-sink", "aws-omics-import-job-source" };

    private static final String POLL_MILLIS = "200";
    private static final Pattern FASTQ = Pattern.compile("(?i)\\.f(ast)?q(\\.gz)?$");
    private static final Pattern FASTQ_READ_2 = Pattern.compile("(?i)[._]R?2(_\\d{3})?\\.f(ast)?q(\\.gz)?$");

    private final OmicsEmulator emulator;

    private SampleEmulator(OmicsEmulator emulator) {
        this.emulator = emulator;
    }

    /**
     * Starts an emulator on a free port whose jobs stay SUBMITTED for {@code submitted} and IN_PROGRESS for
     * {@code importing}, and puts the sample's two files at {@link #SOURCE1} and {@link #SOURCE2}.
     */
    public static SampleEmulator start(Duration submitted, Duration importing) {
        OmicsEmulator emulator = OmicsEmulator.builder()
                .port(0)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .submittedDuration(submitted)
                .importDuration(importing)
                .build()
                .start();
        emulator.s3().put(SOURCE1, resource("/samples/NA12878_R1.fastq.gz"));
        emulator.s3().put(SOURCE2, resource("/samples/NA12878_R2.fastq.gz"));
        return new SampleEmulator(emulator);
    }

    /**
     * Puts a file of a run folder into the local S3, so a listing of the run points at files that exist: a FASTQ file
     * gets the sample's read 2 when its name marks read 2 ({@code _R2}, {@code _2}, {@code .R2}, {@code .2}), else its
     * read 1; any other file (a checksum, an index) a few bytes.
     */
    public void putRunFile(String uri) {
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        if (FASTQ_READ_2.matcher(name).find()) {
            emulator.s3().put(uri, resource("/samples/NA12878_R2.fastq.gz"));
        } else if (FASTQ.matcher(name).find()) {
            emulator.s3().put(uri, resource("/samples/NA12878_R1.fastq.gz"));
        } else {
            emulator.s3().put(uri, (name + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    public URI endpoint() {
        return emulator.endpoint();
    }

    public String sequenceStoreId() {
        return emulator.sequenceStoreId();
    }

    /**
     * What to override in the example's configuration so that it runs here: the component options, the same options
     * as defaults of the omics Kamelets ({@code camel.kamelet.<name>.<option>}), and the sample's S3 locations
     * ({@code example.source1}, {@code example.source2}). Secrets are given as placeholders, as against AWS.
     */
    public Map<String, String> properties() {
        Map<String, String> connection = new LinkedHashMap<>();
        connection.put("region", emulator.region());
        connection.put("overrideEndpoint", "true");
        connection.put("uriEndpointOverride", emulator.endpoint().toString());
        connection.put("useDefaultCredentialsProvider", "false");
        connection.put("accessKey", "{{example.emulator.accessKey}}");
        connection.put("secretKey", "{{example.emulator.secretKey}}");

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("example.emulator.accessKey", ACCESS_KEY);
        properties.put("example.emulator.secretKey", SECRET_KEY);
        connection.forEach((option, value) -> properties.put("camel.component.aws2-omics." + option, value));
        for (String kamelet : OMICS_KAMELETS) {
            connection.forEach((option, value) -> properties.put("camel.kamelet." + kamelet + "." + option, value));
        }
        properties.put("camel.component.aws2-omics.sequenceStoreId", emulator.sequenceStoreId());
        properties.put("camel.component.aws2-omics.roleArn", ROLE_ARN);
        // jobs here take seconds, not hours: wait and poll accordingly
        properties.put("camel.component.aws2-omics.pollInterval", POLL_MILLIS);
        properties.put("camel.kamelet.aws-omics-read-set-import-sink.pollInterval", POLL_MILLIS);
        properties.put("camel.kamelet.aws-omics-import-job-source.delay", POLL_MILLIS);
        properties.put("example.source1", SOURCE1);
        properties.put("example.source2", SOURCE2);
        return properties;
    }

    @Override
    public void close() {
        emulator.close();
    }

    private static byte[] resource(String name) {
        try (InputStream in = SampleEmulator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
