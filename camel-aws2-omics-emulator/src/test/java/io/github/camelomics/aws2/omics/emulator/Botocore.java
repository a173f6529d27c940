package io.github.camelomics.aws2.omics.emulator;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * botocore, the library under the AWS CLI and boto3, run as a separate process: an independent SigV4 signer and
 * client for the emulator. It is on the build machines, not on every user's, so a test that needs it is skipped
 * (with the reason logged) where it is missing; the build never requires it.
 *
 * <p>Each process runs isolated from the user's AWS setup (empty config and credentials files, no instance
 * metadata), with the given key pair, region us-east-1 and host-prefix injection off, and is killed when it overruns
 * its time.
 */
final class Botocore {

    private static final System.Logger LOG = System.getLogger(Botocore.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** What a finished process printed, and its exit code. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path workDir;
    private final String accessKey;
    private final String secretKey;
    private final String sessionToken;

    /**
     * @param workDir      where the empty AWS config files and the process output are written
     * @param sessionToken a session token to sign with, or {@code null}
     */
    Botocore(Path workDir, String accessKey, String secretKey, String sessionToken) {
        this.workDir = workDir;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.sessionToken = sessionToken;
    }

    /** Why each command probed so far cannot run ("" when it can), so that each is run once per test JVM. */
    private static final Map<List<String>, String> PROBED = new ConcurrentHashMap<>();

    /** Skips the calling test, saying why, unless {@code command} runs and exits 0 (e.g. {@code aws --version}). */
    static void assumeAvailable(String description, String... command) {
        String missing = PROBED.computeIfAbsent(List.of(command), Botocore::probe);
        if (!missing.isEmpty()) {
            String reason = description + " is not available here, so this test is skipped: `"
                    + String.join(" ", command) + "` " + missing;
            LOG.log(System.Logger.Level.WARNING, reason);
            Assumptions.abort(reason);
        }
    }

    private static String probe(List<String> command) {
        String missing;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            missing = !process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) ? kill(process, "timed out")
                    : process.exitValue() != 0 ? "exited with " + process.exitValue() : null;
        } catch (IOException e) {
            missing = "not found (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            missing = "interrupted";
        }
        return missing == null ? "" : missing;
    }

    /** {@code aws ARGS --endpoint-url ENDPOINT --output json}. */
    Result aws(URI endpoint, String... args) {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint.toString(), "--output", "json"));
        return run(command);
    }

    /** {@code python3 -c SCRIPT ARGS}. */
    Result python(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        return run(command);
    }

    private Result run(List<String> command) {
        try {
            Path empty = Files.writeString(workDir.resolve("empty-aws-config"), "");
            Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
            Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("AWS_"));
            env.put("AWS_CONFIG_FILE", empty.toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", empty.toString());
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_ACCESS_KEY_ID", accessKey);
            env.put("AWS_SECRET_ACCESS_KEY", secretKey);
            if (sessionToken != null) {
                env.put("AWS_SESSION_TOKEN", sessionToken);
            }
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
            env.put("AWS_MAX_ATTEMPTS", "1");
            env.put("AWS_PAGER", "");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(String.join(" ", command.subList(0, 2)) + " " + kill(process, "overran "
                        + TIMEOUT.toSeconds() + " s") + "; stderr: " + Files.readString(stderr));
            }
            return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the process (by its own pid) and its children. */
    private static String kill(Process process, String why) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return why + ", killed (pid " + process.pid() + ")";
    }
}
