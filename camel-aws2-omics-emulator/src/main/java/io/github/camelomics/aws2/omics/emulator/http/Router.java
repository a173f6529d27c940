package io.github.camelomics.aws2.omics.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route table: HTTP method plus a URI template such as {@code /sequencestore/{sequenceStoreId}/importjob/{id}}
 * leads to a target. Every request goes through the same lookup, whatever the operation.
 *
 * @param <T> what a route leads to
 */
public final class Router<T> {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final List<Route<T>> routes = new ArrayList<>();

    /** A matched route: its target and the decoded path variables. */
    public record Match<T>(T target, Map<String, String> pathVariables) {
    }

    private record Route<T>(String method, Pattern pattern, List<String> variables, T target) {
    }

    public Router<T> add(String method, String uriTemplate, T target) {
        List<String> variables = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher matcher = VARIABLE.matcher(uriTemplate);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(uriTemplate.substring(last, matcher.start()))).append("([^/]+)");
            variables.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(Pattern.quote(uriTemplate.substring(last)));
        routes.add(new Route<>(method, Pattern.compile(regex.toString()), List.copyOf(variables), target));
        return this;
    }

    public Optional<Match<T>> match(String method, String rawPath) {
        for (Route<T> route : routes) {
            Matcher matcher = route.pattern().matcher(rawPath);
            if (route.method().equalsIgnoreCase(method) && matcher.matches()) {
                Map<String, String> variables = new LinkedHashMap<>();
                for (int i = 0; i < route.variables().size(); i++) {
                    variables.put(route.variables().get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
                }
                return Optional.of(new Match<>(route.target(), variables));
            }
        }
        return Optional.empty();
    }

    /** Splits a raw query string into decoded parameters (the first value of a repeated name wins). */
    public static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }
}
