package io.github.camelomics.examples.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a GET of /actuator/prometheus answered, read as Prometheus' text format: each family's type (# TYPE) and each
 * sample with its labels. Only what the tests ask of it: no escapes in label values (the component's are plain).
 */
record PrometheusScrape(Map<String, String> types, List<Sample> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static PrometheusScrape parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            } else if (!line.startsWith("#") && !line.isBlank()) {
                Matcher sample = SAMPLE.matcher(line);
                if (!sample.find()) {
                    throw new IllegalArgumentException("not a sample: " + line);
                }
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
            }
        }
        return new PrometheusScrape(types, samples);
    }

    /** The names of every sample: what a PromQL query can select. */
    Set<String> sampleNames() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The family of a meter, by its Micrometer name: dots as underscores, a unit suffix and _total allowed. */
    String familyType(String meter) {
        Pattern family = Pattern.compile(Pattern.quote(meter.replace('.', '_')) + "(_seconds|_bytes)?(_total)?");
        return types.entrySet().stream().filter(t -> family.matcher(t.getKey()).matches()).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The samples of this name whose labels include these (name, value, name, value...). */
    List<Sample> find(String name, String... labels) {
        Predicate<Sample> matches = s -> s.name().equals(name);
        for (int i = 0; i < labels.length; i += 2) {
            String key = labels[i];
            String value = labels[i + 1];
            matches = matches.and(s -> value.equals(s.labels().get(key)));
        }
        return samples.stream().filter(matches).toList();
    }

    /** The sum of the samples of this name whose labels include these; 0 when there are none. */
    double sum(String name, String... labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }
}
