package io.github.camelomics.examples.camelk;

import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;

/**
 * A Pipe as camel-main runs it without Camel K: {@code from("kamelet:<source>?...").to("kamelet:<sink>?...")}, route id
 * the Pipe's name, each property passed as is (RAW), placeholders such as {@code {{aws.accessKey}}} left to the
 * properties.
 */
public class PipeRoute extends RouteBuilder {

    private final Manifest pipe;

    public PipeRoute(Manifest pipe) {
        this.pipe = pipe;
    }

    @Override
    public void configure() {
        from(kameletUri(pipe.spec().path("source"))).routeId(pipe.root().path("metadata").path("name").asText())
                .to(kameletUri(pipe.spec().path("sink")));
    }

    static String kameletUri(JsonNode endpoint) {
        Map<String, String> properties = Manifest.properties(endpoint);
        String query = properties.entrySet().stream()
                .map(p -> p.getKey() + "=RAW(" + p.getValue() + ")")
                .collect(Collectors.joining("&"));
        String name = endpoint.path("ref").path("name").asText();
        return "kamelet:" + name + (query.isEmpty() ? "" : "?" + query);
    }
}
