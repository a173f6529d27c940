package io.github.camelomics.examples.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM of its own on this JVM's class path, its output in a log file: an emulator or a replica, as a user would run
 * them with {@code java -cp ...}. Stopped by its own pid only: SIGTERM (a graceful stop), or SIGKILL to play a replica
 * that dies.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(String name, Path log, Map<String, String> environment, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // small heaps: five JVMs share the machine
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Files.createDirectories(log.getParent());
        return new ChildJvm(name, builder.start(), log);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for a line of the log that matches, and returns its match; fails with the log's tail after timeout. */
    Matcher awaitLine(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        try {
            return Await.awaitValue(timeout, Duration.ofMillis(100), () -> {
                Optional<Matcher> found = Files.readAllLines(log).stream().map(pattern::matcher).filter(Matcher::find)
                        .findFirst();
                if (found.isEmpty() && !process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
                }
                return found.orElse(null);
            }, name + " to log /" + pattern + "/");
        } catch (Await.TimedOut e) {
            throw new IllegalStateException(e.getMessage() + ":\n" + tail(), e);
        }
    }

    /** The log's lines so far. */
    List<String> lines() throws IOException {
        return Files.readAllLines(log);
    }

    /** Whether a line of the log matches now. */
    boolean logs(Pattern pattern) throws IOException {
        return Files.readAllLines(log).stream().anyMatch(line -> pattern.matcher(line).find());
    }

    /** SIGKILL: the JVM gets no chance to finish anything, as when a node is lost. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
