package io.github.camelomics.aws2.omics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The figures of the reliability suite: each test writes its row to {@code target/reliability/<name>.txt} and prints
 * it; {@link ReliabilitySummaryListener} prints every row once the run ends, so {@code mvn -B verify} shows the table.
 * Files rather than memory because the secrets test runs in a JVM of its own (its logging is at TRACE).
 */
public final class ReliabilityReport {

    static final Path DIR = Path.of("target", "reliability");
    static final String HEADER = "| Check | Exchanges / cases | Completed | Jobs created | Duplicates | Lost | Unexpected | Sent when invalid | Leaks / errors | Time |";

    private ReliabilityReport() {
    }

    /** One row of the table, written under {@code name} (sorted by it in the summary). */
    public static void row(String name, String check, long exchanges, Object completed, Object jobs, Object duplicates,
                           Object lost, Object unexpected, Object sentWhenInvalid, Object leaksOrErrors, long millis) {
        String row = "| " + check + " | " + exchanges + " | " + completed + " | " + jobs + " | " + duplicates + " | "
                     + lost + " | " + unexpected + " | " + sentWhenInvalid + " | " + leaksOrErrors + " | "
                     + String.format("%.1f s", millis / 1000.0) + " |";
        System.out.println("RELIABILITY " + row);
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(name + ".txt"), row + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> rows() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().map(f -> {
                try {
                    return Files.readString(f).strip();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList().stream();
        }
    }
}
