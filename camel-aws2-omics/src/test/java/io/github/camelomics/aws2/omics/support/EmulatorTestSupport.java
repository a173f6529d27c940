package io.github.camelomics.aws2.omics.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.Omics2Endpoint;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.WaitTimer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A Camel context whose aws2-omics component talks, through the real AWS SDK over HTTP with SigV4, to the project's
 * HealthOmics emulator. Subclasses declare the emulator with {@link #emulator(Consumer)} in a static field and hand it
 * to this class's constructor.
 */
public abstract class EmulatorTestSupport extends CamelTestSupport {

    public static final String ACCESS_KEY = "AKIDCAMELTEST";
    public static final String SECRET_KEY = "camel-test-secret-key";
    public static final String ROLE = "arn:aws:iam::123456789012:role/OmicsImport";

    protected static OmicsEmulatorExtension emulator(Consumer<OmicsEmulator.Builder> settings) {
        return emulatorFor(settings);
    }

    /** The emulator, checking signatures with the test key, for tests that make their own Camel contexts. */
    public static OmicsEmulatorExtension emulatorFor(Consumer<OmicsEmulator.Builder> settings) {
        return OmicsEmulatorExtension.configure(b -> {
            b.credentials(ACCESS_KEY, SECRET_KEY);
            settings.accept(b);
        });
    }

    private final OmicsEmulatorExtension emulator;

    /** @param emulator the emulator of the test class: its static {@code @RegisterExtension} field */
    protected EmulatorTestSupport(OmicsEmulatorExtension emulator) {
        this.emulator = emulator;
    }

    /** The emulator of this test class. */
    protected final OmicsEmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        pointAtEmulator(context, emulator());
        return context;
    }

    /**
     * Points the aws2-omics component of any context at the emulator: region, credentials, endpoint, store and role;
     * client pacing off. For tests that build and stop contexts of their own.
     */
    public static void pointAtEmulator(CamelContext context, OmicsEmulatorExtension emulator) {
        Omics2Configuration config = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
        config.setRegion(emulator.emulator().region());
        config.setAccessKey(ACCESS_KEY);
        config.setSecretKey(SECRET_KEY);
        config.setOverrideEndpoint(true);
        config.setUriEndpointOverride(emulator.endpoint().toString());
        config.setSequenceStoreId(emulator.sequenceStoreId());
        config.setRoleArn(ROLE);
        // emulated hours of polling would otherwise take real seconds at 5 requests/s; the throttling tests set it
        config.setRequestsPerSecond(0);
    }

    /** The emulator's clock, for what only reads the time (the consumer's option since); it never pauses. */
    public static WaitTimer clockOf(OmicsEmulatorExtension emulator) {
        return new WaitTimer() {
            @Override
            public Instant now() {
                return emulator.clock().instant();
            }

            @Override
            public boolean pause(Duration duration, BooleanSupplier keepWaiting) {
                throw new UnsupportedOperationException("this clock is only read");
            }
        };
    }

    /**
     * An uploadReadSet endpoint: parts of {@code partSize}, 3 in flight unless {@code extra} says otherwise, the
     * upload ledger in {@code ledgerDirectory}, then the {@code extra} options ({@code &name=value...}).
     */
    protected static String uploadUri(int partSize, Path ledgerDirectory, String extra) {
        String inFlight = extra.contains("partsInFlight") ? "" : "&partsInFlight=3";
        return "aws2-omics:uploadReadSet?partSize=" + partSize + inFlight + "&uploadLedgerDirectory=" + ledgerDirectory
               + extra;
    }

    /** Uploads the body's file(s) as a FASTQ of subject NA12878, sample NA12878-run7, with these headers besides. */
    protected Exchange upload(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(Omics2Constants.SOURCE_FILE_TYPE, "FASTQ");
            e.getMessage().setHeader(Omics2Constants.SUBJECT_ID, "NA12878");
            e.getMessage().setHeader(Omics2Constants.SAMPLE_ID, "NA12878-run7");
            e.getMessage().getHeaders().putAll(headers);
        });
    }

    /** The endpoint, started, with job waiting on the emulator's clock: an hour of polling takes milliseconds. */
    protected Omics2Endpoint onEmulatedTime(String uri) {
        Omics2Endpoint endpoint = context.getEndpoint(uri, Omics2Endpoint.class);
        endpoint.setWaitTimer(new WaitTimer() {
            @Override
            public Instant now() {
                return emulator().clock().instant();
            }

            @Override
            public boolean pause(Duration duration, BooleanSupplier keepWaiting) {
                emulator().advanceClock(duration);
                return keepWaiting.getAsBoolean();
            }
        });
        return endpoint;
    }
}
