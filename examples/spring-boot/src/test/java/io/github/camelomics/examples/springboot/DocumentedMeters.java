package io.github.camelomics.examples.springboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The meters the README's "Metrics" table promises: what the scrape is checked against, not a list kept here. */
final class DocumentedMeters {

    /** A row: | `aws2.omics.requests` | counter | ... */
    private static final Pattern ROW = Pattern.compile("^\\| `(aws2\\.omics\\.[a-z.]+)` \\| ([a-z]+)");

    record Meter(String name, String type) {
    }

    private DocumentedMeters() {
    }

    static List<Meter> of(Path readme) throws IOException {
        List<Meter> meters = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Metrics");
            } else if (inSection) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    meters.add(new Meter(row.group(1), row.group(2)));
                }
            }
        }
        if (meters.isEmpty()) {
            throw new IllegalStateException("no meter in the \"Metrics\" table of " + readme);
        }
        return meters;
    }
}
