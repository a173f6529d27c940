package io.github.camelomics.aws2.omics.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.omics.OmicsClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar target/camel-aws2-omics-emulator.jar} as a separate process, exactly as scripts run it:
 * it announces its endpoint on stdout, serves signed requests, and stops on SIGTERM. Runs after
 * packaging (failsafe), because the jar and its {@code lib/} only exist then.
 */
class RunnableJarIT {

    private static final Pattern READY = Pattern.compile("HealthOmics emulator listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void theProcessAnnouncesItsEndpointServesAndStopsOnSigterm() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("emulator.jar", "target/camel-aws2-omics-emulator.jar"),
                "--port", "0", "--data-dir", dataDir.toString(), "--sequence-store-id", "1234567890",
                "--access-key", OmicsClients.ACCESS_KEY, "--secret-key", OmicsClients.SECRET_KEY)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            Matcher ready = READY.matcher(String.valueOf(line));
            assertTrue(ready.matches(), "first line: " + line);

            try (OmicsClient omics = OmicsClients.withoutRetries(URI.create(ready.group(1)))) {
                omics.listReadSetImportJobs(r -> r.sequenceStoreId("1234567890"));
            }

            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stops on SIGTERM");
            assertEquals(143, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }
}
