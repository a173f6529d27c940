package io.github.camelomics.aws2.omics.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/** Writes responses in the service's rest-json form. */
final class Responses {

    private Responses() {
    }

    static void json(HttpExchange exchange, ObjectMapper mapper, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A modeled error: status, {@code x-amzn-ErrorType: <Shape>} and {@code {"__type","message"}}. */
    static void error(HttpExchange exchange, ObjectMapper mapper, ApiException error) throws IOException {
        error(exchange, mapper, error.error().httpStatus(), error.error().shapeName(), error.getMessage());
    }

    static void error(HttpExchange exchange, ObjectMapper mapper, int status, String shape, String message)
            throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", shape);
        json(exchange, mapper, status, mapper.createObjectNode().put("__type", shape).put("message", message));
    }
}
