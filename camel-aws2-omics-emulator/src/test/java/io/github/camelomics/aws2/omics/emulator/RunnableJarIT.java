package io.github.camelomics.aws2.omics.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone jar ({@code target/camel-aws2-omics-emulator-standalone.jar}, installed with the classifier
 * {@code standalone}) as users run it: copied alone into an empty directory and started from there with
 * {@code java -jar}, so nothing from the build can be on its class path. It prints its usage, announces its endpoint
 * on stdout, serves signed requests, logs one line per request on stderr (none with {@code --quiet}) and no SLF4J
 * warning, and stops on SIGTERM. Runs after packaging (failsafe).
 */
class RunnableJarIT {

    private static final Pattern READY = Pattern.compile("HealthOmics emulator listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern REQUEST_LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO \\S+ (\\d{3}|dropped)( \\w+)? \\d+ ms");

    @TempDir
    Path dir;

    /** The jar, copied alone into an empty directory. */
    private Path standaloneJar() throws IOException {
        Path built = Path.of(System.getProperty("emulator.jar", "target/camel-aws2-omics-emulator-standalone.jar"));
        Path alone = Files.createDirectories(dir.resolve("elsewhere"));
        return Files.copy(built, alone.resolve(built.getFileName()));
    }

    private Process start(Path jar, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).directory(jar.getParent().toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    private static URI awaitEndpoint(Process process) throws IOException {
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Matcher ready = READY.matcher(String.valueOf(line));
        assertTrue(ready.matches(), "first line: " + line);
        return URI.create(ready.group(1));
    }

    private List<String> stopAndReadStderr(Process process) throws Exception {
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stops on SIGTERM");
        assertEquals(143, process.exitValue());
        return Files.readAllLines(dir.resolve("stderr.txt"));
    }

    @Test
    void helpPrintsTheUsageNamingTheJar() throws Exception {
        Path jar = standaloneJar();
        Process process = start(jar, "--help");

        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(stdout.startsWith("Usage: java -jar " + jar.getFileName() + " [options]\n"), stdout);
        assertTrue(stdout.contains("--quiet"), stdout);
        assertEquals(List.of(), Files.readAllLines(dir.resolve("stderr.txt")));
    }

    @Test
    void theProcessServesSignedRequestsLogsEachOnOneLineAndStopsOnSigterm() throws Exception {
        Process process = start(standaloneJar(), "--port", "0", "--data-dir", dir.toString(), "--access-key",
                OmicsClients.ACCESS_KEY, "--secret-key", OmicsClients.SECRET_KEY);
        try {
            URI endpoint = awaitEndpoint(process);
            try (OmicsClient omics = OmicsClients.withoutRetries(endpoint)) {
                omics.listReadSetImportJobs(r -> r.sequenceStoreId("1234567890"));
                assertThrows(ResourceNotFoundException.class,
                        () -> omics.getReadSetImportJob(r -> r.sequenceStoreId("1234567890").id("4999999999")));
            }

            List<String> stderr = stopAndReadStderr(process);

            assertFalse(String.join("\n", stderr).contains("SLF4J"), String.join("\n", stderr));
            assertEquals(2, stderr.size(), String.join("\n", stderr));
            assertTrue(REQUEST_LINE.matcher(stderr.get(0)).matches(), stderr.get(0));
            assertTrue(stderr.get(0).contains(" INFO ListReadSetImportJobs 200 "), stderr.get(0));
            assertTrue(stderr.get(1).contains(" INFO GetReadSetImportJob 404 ResourceNotFoundException "), stderr.get(1));
            assertFalse(String.join("\n", stderr).contains(OmicsClients.SECRET_KEY));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void quietLogsNoRequests() throws Exception {
        Process process = start(standaloneJar(), "--data-dir", dir.toString(), "--quiet");
        try {
            try (OmicsClient omics = OmicsClients.withoutRetries(awaitEndpoint(process))) {
                omics.listReadSetImportJobs(r -> r.sequenceStoreId("1234567890"));
            }

            assertEquals(List.of(), stopAndReadStderr(process));
        } finally {
            process.destroyForcibly();
        }
    }
}
