package io.github.camelomics.aws2.omics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service goes away mid-run and comes back with its state (a second emulator on the same port and data dir, with
 * persistence): exchanges in flight fail to connect, are retried by the SDK and redelivered by Camel, and every one
 * ends with exactly one job.
 */
class EmulatorRestartTest extends EmulatorTestSupport {

    /** Given, not temporary: an emulator deletes a temporary data dir when it closes, and this one must survive. */
    static final Path DATA_DIR = tempDir();

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> b.dataDir(DATA_DIR).persistence(true)
            .maxActiveJobs(1_000_000));

    private volatile OmicsEmulator restarted;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("omics-restart");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteDataDir() throws IOException {
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    EmulatorRestartTest() {
        super(EMULATOR);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                RecommendedRedelivery.configure(this, 20);
                from("direct:import").to(RecommendedRedelivery.startEndpoint(1000));
            }
        };
    }

    private List<ImportJob> jobs() {
        OmicsEmulator current = restarted != null ? restarted : EMULATOR.emulator();
        return current.state().jobs(EMULATOR.sequenceStoreId());
    }

    @Test
    void restartMidRun() throws Exception {
        int port = EMULATOR.emulator().port();
        try {
            FaultToleranceTest.run(new FaultToleranceTest.CamelTestSupportAccess() {
                @Override
                public Exchange send(int index) {
                    return template.send("direct:import",
                            e -> e.getMessage().setBody(List.of(FaultToleranceTest.source(index))));
                }

                @Override
                public List<ImportJob> jobs() {
                    return EmulatorRestartTest.this.jobs();
                }
            }, "14-faults-restart", "emulator restarted mid-run (state persisted)", () -> {
                try {
                    while (jobs().size() < FaultToleranceTest.EXCHANGES / 3) {
                        TimeUnit.MILLISECONDS.sleep(2);
                    }
                    EMULATOR.emulator().close();
                    TimeUnit.MILLISECONDS.sleep(300); // down for a while: connections are refused
                    restarted = OmicsEmulator.builder().port(port).dataDir(EMULATOR.dataDir()).persistence(true)
                            .credentials(ACCESS_KEY, SECRET_KEY).rateLimitPerSecond(0).maxActiveJobs(1_000_000)
                            .clock(EMULATOR.clock()).sequenceStoreIds(EMULATOR.sequenceStoreId())
                            .region(EMULATOR.emulator().region())
                            .build().start();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).assertNothingLostOrDoubled();
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }
}
