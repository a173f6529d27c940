package io.github.camelomics.examples.springboot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PromQL of a Grafana dashboard: every panel target's expression and every template variable's query, and the
 * metric names they select. A name is an identifier left once label matchers, ranges, groupings, strings, numbers,
 * variables, functions and keywords are taken out.
 */
final class DashboardQueries {

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,)]+)");
    private static final Pattern NOT_NAMES = Pattern.compile(
            "\"[^\"]*\"|\\{[^}]*}|\\[[^]]*]|\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)"
            + "|\\$\\w+|\\b\\d+(\\.\\d+)?(e\\d+)?\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "group_left", "group_right");

    private DashboardQueries() {
    }

    /** Every query of the dashboard, panels' first, in their order. */
    static List<String> of(Path dashboard) throws IOException {
        JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : root.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : root.path("templating").path("list")) {
            queries.add(variable.path("query").asText());
        }
        return queries;
    }

    /** The metric names a query selects. */
    static Set<String> metricNames(String query) {
        Set<String> names = new TreeSet<>();
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.find()) { // label_values(selector, label): only the selector names a metric
            query = labelValues.group(1);
        }
        Matcher identifier = IDENTIFIER.matcher(NOT_NAMES.matcher(query).replaceAll(" "));
        while (identifier.find()) {
            if (identifier.group(1) == null && !KEYWORDS.contains(identifier.group())) {
                names.add(identifier.group());
            }
        }
        return names;
    }
}
