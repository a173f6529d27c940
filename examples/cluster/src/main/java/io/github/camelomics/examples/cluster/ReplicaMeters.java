package io.github.camelomics.examples.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meters a replica logged last (route replica-meters: a header line, then one line per meter as Micrometer's
 * SimpleMeterRegistry writes it, e.g.
 * {@code aws2.omics.budget.wait(TIMER)[quota.line='default/us-east-1/StartReadSetImportJob', shared='true']; count=12.0, total_time=0.4 seconds, max=0.1 seconds}).
 */
public record ReplicaMeters(List<Meter> meters) {

    static final String HEADER = "Meters of ";
    private static final Pattern LINE = Pattern.compile("^(aws2\\.omics\\.[a-z.]+)\\((\\w+)\\)\\[(.*)]; (.*)$");
    private static final Pattern TAG = Pattern.compile("([\\w.]+)='([^']*)'");
    private static final Pattern MEASUREMENT = Pattern.compile("(\\w+)=(-?[\\d.]+(?:E-?\\d+)?|NaN)");

    /** One meter: its name, tags, and each statistic's value (count, total_time, max, value). */
    public record Meter(String name, Map<String, String> tags, Map<String, Double> values) {
    }

    /** How many times the log has listed its meters so far. */
    static int dumps(List<String> log) {
        return (int) log.stream().filter(line -> line.contains(HEADER)).count();
    }

    /** The log's n-th listing (from 1); the last when n is 0; empty when there is none. */
    static ReplicaMeters listing(List<String> log, int n) {
        List<Meter> meters = new ArrayList<>();
        int header = -1;
        for (int i = 0, seen = 0; i < log.size(); i++) {
            if (log.get(i).contains(HEADER) && (++seen == n || n == 0)) {
                header = i;
            }
        }
        for (int i = header + 1; header >= 0 && i < log.size(); i++) {
            Matcher line = LINE.matcher(log.get(i));
            if (!line.matches()) {
                break;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (Matcher tag = TAG.matcher(line.group(3)); tag.find(); ) {
                tags.put(tag.group(1), tag.group(2));
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (Matcher value = MEASUREMENT.matcher(line.group(4)); value.find(); ) {
                values.put(value.group(1), Double.parseDouble(value.group(2)));
            }
            meters.add(new Meter(line.group(1), tags, values));
        }
        return new ReplicaMeters(meters);
    }

    /** The sum of a statistic (count, value...) over the meters of this name whose tags include these (key, value...). */
    public double sum(String name, String statistic, String... tags) {
        double sum = 0;
        for (Meter meter : meters) {
            boolean matches = meter.name().equals(name);
            for (int i = 0; matches && i < tags.length; i += 2) {
                matches = tags[i + 1].equals(meter.tags().get(tags[i]));
            }
            sum += matches ? meter.values().getOrDefault(statistic, 0.0) : 0;
        }
        return sum;
    }

    /** HTTP attempts to HealthOmics, every outcome. */
    public double attempts() {
        return sum("aws2.omics.requests", "count");
    }

    /** Waits for a permit of the request budget; shared: from the budget in PostgreSQL, else this JVM's own. */
    public double budgetWaits(boolean shared) {
        return sum("aws2.omics.budget.wait", "count", "shared", String.valueOf(shared));
    }

    /** Status events the replica's consumer emitted. */
    public double events() {
        return sum("aws2.omics.consumer.events", "count");
    }

    /** 1 when its shared budget paces in the JVM because PostgreSQL fails. */
    public double budgetFallback() {
        return sum("aws2.omics.budget.fallback", "value");
    }

    /** One line: attempts, budget waits (shared or not), fallback and events. */
    public String summary() {
        return String.format("attempts=%.0f budgetWaits=%.0f sharedWaits=%.0f fallback=%.0f events=%.0f", attempts(),
                budgetWaits(true) + budgetWaits(false), budgetWaits(true), budgetFallback(), events());
    }
}
