package io.github.camelomics.aws2.omics.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelomics.aws2.omics.emulator.faults.Faults;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.model.OperationBinding;
import io.github.camelomics.aws2.omics.emulator.model.ServiceModel;
import io.github.camelomics.aws2.omics.emulator.model.StreamedPayload;
import io.github.camelomics.aws2.omics.emulator.operations.ServiceApi;
import io.github.camelomics.aws2.omics.emulator.quota.RateLimiter;
import io.github.camelomics.aws2.omics.model.Digests;
import io.github.camelomics.aws2.omics.model.ReadSetRules;
import io.github.camelomics.aws2.omics.model.ShapeValidator;
import io.github.camelomics.aws2.omics.model.Violation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one path every API request takes: route (method + path template from the model) → body → added
 * latency → signature → rate quota → injected failure → input assembly and validation against the
 * model → the operation's handler → response (or a dropped connection, when a fault asks for it).
 * Nothing changes state before the handler runs, so a rejected request leaves no trace.
 * <p>
 * A body the model declares a stream (the bytes of an uploaded part) is written to a file under {@code incomingDir}
 * as it arrives, with its SHA-256 taken on the way, so a part of 100 MB never sits in memory; the handler moves the
 * file into place, and whatever is left is deleted after the request.
 */
public final class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    /** The user guide's rules the model cannot state, checked after the model's, by operation. */
    private static final Map<Operation, Function<JsonNode, List<Violation>>> RULES = Map.of(
            Operation.START_READ_SET_IMPORT_JOB, ReadSetRules::check,
            Operation.CREATE_MULTIPART_READ_SET_UPLOAD, ReadSetRules::checkUpload,
            Operation.START_READ_SET_ACTIVATION_JOB, ReadSetRules::checkReadSetJob,
            Operation.START_READ_SET_EXPORT_JOB, ReadSetRules::checkReadSetJob);

    private final Router<OperationBinding> router = new Router<>();
    private final InputAssembler inputs;
    private final ShapeValidator validator;
    private final ServiceApi operations;
    private final Path incomingDir;
    private final Faults faults;
    private final RateLimiter rateLimiter;
    private final SigV4Verifier verifier;
    private final ObjectMapper mapper;
    private final RequestCounts counts;

    /**
     * @param operations what each operation does
     * @param verifier the signature check, or {@code null} to accept unsigned requests
     * @param counts   where each request routed to an operation is counted
     * @param incomingDir where streamed bodies are written as they arrive
     */
    public ApiHandler(ServiceModel model, ObjectMapper mapper, ServiceApi operations, Faults faults,
                      RateLimiter rateLimiter, SigV4Verifier verifier, RequestCounts counts, Path incomingDir) {
        model.bindings().forEach(b -> router.add(b.method(), b.uriTemplate(), b));
        this.inputs = new InputAssembler(model, mapper);
        this.validator = new ShapeValidator(model.omics());
        this.operations = operations;
        this.incomingDir = incomingDir;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.verifier = verifier;
        this.mapper = mapper;
        this.counts = counts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        StreamedPayload payload = null;
        try {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<Router.Match<OperationBinding>> route = router.match(method, rawPath);
            if (route.isEmpty()) {
                read(exchange, null);
                Responses.error(exchange, mapper, 404, "UnknownOperationException",
                        "No operation matches " + method + " " + rawPath);
                return;
            }
            OperationBinding binding = route.get().target();
            counts.count(binding.operation());
            if (binding.streamsPayload() && faults.takeBodyDrop(binding.operation())) {
                cutOffHalfway(exchange, binding.operation());
                return; // no headers sent: closing the exchange closes the connection
            }
            payload = binding.streamsPayload() ? receive(exchange) : null;
            IncomingRequest request = read(exchange, payload);
            ObjectNode response = process(binding, route.get().pathVariables(), request);
            if (faults.takeDrop(binding.operation())) {
                LOG.log(System.Logger.Level.INFO, "dropping the response of {0} as a fault asked", binding.operation());
                return; // closing an exchange that sent no headers closes the connection: the client gets nothing
            }
            Responses.json(exchange, mapper, binding.responseCode(), response);
        } catch (ApiException e) {
            Responses.error(exchange, mapper, e);
        } catch (AuthenticationFailure e) {
            Responses.error(exchange, mapper, AuthenticationFailure.HTTP_STATUS, e.reason().code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "emulator failure", e);
            Responses.error(exchange, mapper, new ApiException(ErrorShape.INTERNAL_SERVER,
                    "Internal error in the emulator: " + e.getClass().getSimpleName()));
        } finally {
            exchange.close();
            if (payload != null) {
                Files.deleteIfExists(payload.file()); // still there when the request was refused
            }
        }
    }

    /** The operation a request asks for, by its model name, or its method and path when none matches. */
    public String describe(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        return router.match(exchange.getRequestMethod(), path).map(match -> match.target().operation().modelName())
                .orElse(exchange.getRequestMethod() + " " + path);
    }

    private ObjectNode process(OperationBinding binding, Map<String, String> pathVariables, IncomingRequest request) {
        Operation operation = binding.operation();
        pause(faults.latencyFor(operation));
        if (verifier != null) {
            verifier.verify(request);
        }
        if (!rateLimiter.tryAcquire(operation)) {
            throw new ApiException(ErrorShape.THROTTLING, "Rate exceeded for " + operation.modelName()
                    + " (" + rateLimiter.describeRate(operation) + " requests per second)");
        }
        Optional<ApiException> injected = faults.takeFailure(operation);
        if (injected.isPresent()) {
            throw injected.get();
        }
        ObjectNode input = inputs.assemble(binding, pathVariables, request.rawQuery(), request.body());
        if (request.payload() != null && request.payload().size() > 0) {
            input.put(binding.payloadMember(), request.payload().size()); // present for validation; bytes on disk
        }
        List<Violation> violations = new ArrayList<>(validator.validate(binding.inputShape(), input));
        if (violations.isEmpty() && RULES.containsKey(operation)) {
            violations.addAll(RULES.get(operation).apply(input));
        }
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorShape.VALIDATION, describe(violations));
        }
        return operations.handle(operation, input, request.payload());
    }

    private static String describe(List<Violation> violations) {
        String count = violations.size() == 1 ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        return count + violations.stream().map(Violation::describe).collect(Collectors.joining("; "));
    }

    /** The request; its body read into memory unless it was streamed to a file already. */
    private static IncomingRequest read(HttpExchange exchange, StreamedPayload payload) throws IOException {
        byte[] body = new byte[0];
        if (payload == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body, payload);
    }

    /** Writes the body to a new file under incomingDir, taking its size and SHA-256 on the way. */
    private StreamedPayload receive(HttpExchange exchange) throws IOException {
        Files.createDirectories(incomingDir);
        Path file = Files.createTempFile(incomingDir, "part-", ".bin");
        MessageDigest sha256 = Digests.sha256();
        long size;
        try (InputStream in = exchange.getRequestBody();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            size = in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new StreamedPayload(file, size, Digests.hex(sha256));
    }

    /** Reads half the declared body (64 KiB when no length is declared), then gives up on the connection. */
    private static void cutOffHalfway(HttpExchange exchange, Operation operation) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long half = length == null ? 65_536 : Long.parseLong(length.trim()) / 2;
        exchange.getRequestBody().readNBytes((int) Math.min(half, Integer.MAX_VALUE));
        LOG.log(System.Logger.Level.INFO, "dropping the connection halfway through the body of {0} as a fault asked",
                operation);
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
