package io.github.camelomics.aws2.omics.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelomics.aws2.omics.emulator.SettableClock;
import io.github.camelomics.aws2.omics.emulator.faults.Faults;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The control endpoint under {@code /_emulator/}, for tests and scripts that drive the emulator from
 * outside the JVM (e.g. the runnable jar). It is not signed, rate-limited or subject to faults, and
 * no API path starts with {@code /_emulator}, so the two never mix.
 */
public final class AdminHandler implements HttpHandler {

    public static final String ROOT = "/_emulator/";

    private final Router<Function<JsonNode, JsonNode>> router = new Router<>();
    private final ObjectMapper mapper;

    public AdminHandler(ObjectMapper mapper, EmulatorState state, Faults faults, Clock clock, Runnable reset,
                        RequestCounts requestCounts, LongSupplier throttled) {
        this.mapper = mapper;
        router.add("GET", ROOT + "health", body -> mapper.createObjectNode().put("status", "UP"))
                .add("GET", ROOT + "requests", body -> requests(requestCounts, throttled.getAsLong()))
                .add("GET", ROOT + "state", body -> mapper.valueToTree(state.snapshot()))
                .add("POST", ROOT + "reset", body -> done(reset))
                .add("POST", ROOT + "client-tokens/forget",
                        body -> mapper.createObjectNode().put("forgotten", state.forgetClientTokens()))
                .add("DELETE", ROOT + "faults", body -> done(faults::clear))
                .add("POST", ROOT + "faults/failures", body -> done(() -> faults.failNext(
                        count(body), operation(body), error(body), body.path("message").asText(null))))
                .add("POST", ROOT + "faults/latency", body -> done(() -> faults.addLatency(
                        Duration.ofMillis(required(body, "millis").asLong()), operation(body))))
                .add("POST", ROOT + "faults/drops", body -> done(() -> faults.dropResponses(
                        count(body), operation(body))))
                .add("POST", ROOT + "faults/body-drops", body -> done(() -> faults.dropConnectionsDuringBody(
                        count(body), operation(body))))
                .add("POST", ROOT + "faults/import-failures", body -> done(() -> faults.failImports(
                        required(body, "source").asText(), count(body), body.path("message").asText(null))))
                .add("POST", ROOT + "faults/activation-failures", body -> done(() -> faults.failActivations(
                        required(body, "readSetId").asText(), count(body), body.path("message").asText(null))))
                .add("POST", ROOT + "faults/export-failures", body -> done(() -> faults.failExports(
                        required(body, "readSetId").asText(), count(body), body.path("message").asText(null))))
                .add("POST", ROOT + "read-sets/archive", body -> archive(state, body))
                .add("POST", ROOT + "clock/advance", body -> {
                    if (!(clock instanceof SettableClock settable)) {
                        throw new IllegalArgumentException("the emulator runs on the system clock, which cannot be moved");
                    }
                    String now = settable.advance(Duration.ofMillis(required(body, "millis").asLong())).toString();
                    state.catchUp(); // an export's files are in place when the call returns
                    return mapper.createObjectNode().put("now", now);
                });
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Optional<Router.Match<Function<JsonNode, JsonNode>>> route =
                    router.match(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            if (route.isEmpty()) {
                Responses.json(exchange, mapper, 404, message("no admin action " + exchange.getRequestMethod()
                        + " " + exchange.getRequestURI().getRawPath()));
                return;
            }
            Responses.json(exchange, mapper, 200, route.get().target().apply(readBody(exchange)));
        } catch (IllegalArgumentException e) {
            Responses.json(exchange, mapper, 400, message(e.getMessage()));
        } catch (ApiException e) {
            Responses.json(exchange, mapper, e.error().httpStatus(), message(e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private JsonNode readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return mapper.createObjectNode();
            }
            try {
                return mapper.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalArgumentException("the body must be JSON");
            }
        }
    }

    /** What a test in another process reads to know the calls a workload cost: counts per operation, and refusals. */
    private JsonNode requests(RequestCounts requestCounts, long throttled) {
        ObjectNode answer = mapper.createObjectNode().put("throttled", throttled);
        ObjectNode operations = answer.putObject("operations");
        for (Operation operation : Operation.values()) {
            operations.put(operation.modelName(), requestCounts.of(operation));
        }
        return answer;
    }

    /** Archives the read sets named (every ACTIVE one of the store when none is), in the store named or the first. */
    private JsonNode archive(EmulatorState state, JsonNode body) {
        String store = body.hasNonNull("sequenceStoreId") ? body.path("sequenceStoreId").asText()
                : state.sequenceStoreIds().iterator().next();
        List<String> readSetIds = new ArrayList<>();
        body.path("readSetIds").forEach(id -> readSetIds.add(id.asText()));
        ObjectNode answer = mapper.createObjectNode();
        state.archiveReadSets(store, readSetIds).forEach(answer.putArray("archived")::add);
        return answer;
    }

    private JsonNode done(Runnable action) {
        action.run();
        return mapper.createObjectNode().put("ok", true);
    }

    private JsonNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }

    private static int count(JsonNode body) {
        return body.path("count").asInt(1);
    }

    private static JsonNode required(JsonNode body, String member) {
        if (!body.hasNonNull(member)) {
            throw new IllegalArgumentException("missing member " + member);
        }
        return body.path(member);
    }

    private static Operation operation(JsonNode body) {
        if (!body.hasNonNull("operation")) {
            return null;
        }
        String name = body.path("operation").asText();
        return Operation.parse(name).orElseThrow(() -> new IllegalArgumentException("unknown operation " + name));
    }

    private static ErrorShape error(JsonNode body) {
        String name = required(body, "error").asText();
        return ErrorShape.parse(name).orElseThrow(() -> new IllegalArgumentException("unknown error shape " + name));
    }
}
