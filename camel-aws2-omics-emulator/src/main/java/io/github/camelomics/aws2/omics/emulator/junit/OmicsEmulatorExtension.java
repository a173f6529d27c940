package io.github.camelomics.aws2.omics.emulator.junit;

import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.SettableClock;
import io.github.camelomics.aws2.omics.emulator.faults.Faults;
import io.github.camelomics.aws2.omics.emulator.http.RequestCounts;
import io.github.camelomics.aws2.omics.emulator.s3.LocalS3;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;
import io.github.camelomics.aws2.omics.emulator.state.JobTimeline;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs an {@link OmicsEmulator} for a test class: a free port, a temporary data dir, a
 * {@link SettableClock} and a clean state, fault set and rate quota before every test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.credentials("AK", "SK"));
 *
 * @Test
 * void importsAFastq() {
 *     EMULATOR.s3().putFastq("s3://bucket/sample_R1.fastq.gz", 10, 100);
 *     ... start a job against EMULATOR.endpoint() ...
 *     EMULATOR.finishImports();
 * }
 * }</pre>
 *
 * A static field shares one emulator across the class; an instance field, or
 * {@code @ExtendWith(OmicsEmulatorExtension.class)}, works too (an instance field gets an emulator per
 * test). Test methods can take {@link OmicsEmulator}, {@link SettableClock}, {@link Faults},
 * {@link EmulatorState} or {@link LocalS3} parameters.
 *
 * <p>Defaults differ from the builder's in two ways that suit tests: the clock stands still at
 * {@link #DEFAULT_START} until moved, and the rate limit is off (configure it to test throttling).
 */
public final class OmicsEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    /** Where the test clock starts, and is put back to before each test. */
    public static final Instant DEFAULT_START = Instant.parse("2025-06-01T12:00:00Z");

    private final Consumer<OmicsEmulator.Builder> customizer;
    private SettableClock clock;
    private OmicsEmulator emulator;
    private boolean perTest;

    /** An emulator with the test defaults (used by {@code @ExtendWith}). */
    public OmicsEmulatorExtension() {
        this(builder -> {
        });
    }

    private OmicsEmulatorExtension(Consumer<OmicsEmulator.Builder> customizer) {
        this.customizer = customizer;
    }

    /** An emulator with the test defaults changed by {@code customizer}; the clock is always the extension's {@link SettableClock}. */
    public static OmicsEmulatorExtension configure(Consumer<OmicsEmulator.Builder> customizer) {
        return new OmicsEmulatorExtension(customizer);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startEmulator();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopEmulator();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            perTest = true;
            startEmulator();
        }
        emulator.reset();
        clock.set(DEFAULT_START);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stopEmulator();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == OmicsEmulator.class || type == SettableClock.class || type == Faults.class
                || type == EmulatorState.class || type == LocalS3.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == SettableClock.class) {
            return clock;
        }
        if (type == Faults.class) {
            return faults();
        }
        if (type == EmulatorState.class) {
            return state();
        }
        return type == LocalS3.class ? s3() : emulator();
    }

    public OmicsEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only while a test class or test is running");
        }
        return emulator;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return emulator().endpoint();
    }

    public String sequenceStoreId() {
        return emulator().sequenceStoreId();
    }

    public SettableClock clock() {
        return clock;
    }

    public Faults faults() {
        return emulator().faults();
    }

    public EmulatorState state() {
        return emulator().state();
    }

    /** The requests of each operation that reached the emulator in this test (counted from 0 before each). */
    public RequestCounts requestCounts() {
        return emulator().requestCounts();
    }

    public LocalS3 s3() {
        return emulator().s3();
    }

    public Path dataDir() {
        return emulator().dataDir();
    }

    /** Forgets every client token, as a service that no longer remembers them; jobs stay. */
    public int forgetClientTokens() {
        return emulator().forgetClientTokens();
    }

    /** Requests answered ThrottlingException since this test began. */
    public long throttledRequests() {
        return emulator().throttledRequests();
    }

    /** Moves the test clock on. */
    public Instant advanceClock(Duration duration) {
        return clock.advance(duration);
    }

    /** Moves the clock past the whole import job timeline, so every import job started so far is finished. */
    public Instant finishImports() {
        return clock.advance(emulator().timeline().total());
    }

    /**
     * Moves the clock past the longest job timeline (import, activation, export), so every job started so far is
     * finished, and brings the jobs up to it at once ({@link EmulatorState#catchUp()}): an export's files are in the
     * local S3 when this returns, before any request.
     */
    public Instant finishJobs() {
        OmicsEmulator running = emulator();
        Instant now = clock.advance(Stream.of(running.timeline(), running.activationTimeline(),
                running.exportTimeline()).map(JobTimeline::total).max(Duration::compareTo).orElseThrow());
        running.state().catchUp();
        return now;
    }

    private void startEmulator() {
        clock = new SettableClock(DEFAULT_START);
        // no data dir: the emulator makes a temporary one and deletes it on close
        OmicsEmulator.Builder builder = OmicsEmulator.builder().port(0).rateLimitPerSecond(0);
        customizer.accept(builder);
        emulator = builder.clock(clock).build().start();
    }

    private void stopEmulator() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
