package io.github.camelomics.aws2.omics.operation;

import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.camelomics.aws2.omics.InvalidRequestException;
import io.github.camelomics.aws2.omics.Omics2Operations;
import io.github.camelomics.aws2.omics.request.RequestValidator;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.OmicsRequest;

/**
 * One HealthOmics operation, declared as data: how a message becomes its request, which members must then be set, the
 * call, and what it answers. The producer runs every operation through {@link #request} and its {@link Invocation},
 * so header mapping, checks and result handling are written once.
 *
 * @param <R> the SDK request type
 */
public record OperationSpec<R extends OmicsRequest>(
        Omics2Operations operation,
        Class<R> requestType,
        R emptyRequest,
        Function<RequestValues, R> bodyReader,
        BiFunction<RequestValues, R, R> binder,
        List<Check<R>> checks,
        Invocation<R> invocation) {

    /** What the operation does with its request: call HealthOmics and answer on the message. */
    @FunctionalInterface
    public interface Invocation<R> {
        void invoke(R request, OperationContext context);

        /** One call, its response as the body, and result headers from it. */
        static <R, S> Invocation<R> respond(BiFunction<OmicsClient, R, S> call, BiConsumer<S, Message> results) {
            return (request, context) -> {
                S response = call.apply(context.client(), request);
                context.message().setBody(response);
                results.accept(response, context.message());
            };
        }
    }

    /** A rule the request must meet once headers, body and options are applied; it reports each breach. */
    @FunctionalInterface
    public interface Check<R> {
        void check(R request, Consumer<String> problems);

        /** The member must be set (not blank, not an empty list); the problem says how a user sets it. */
        static <R> Check<R> required(String member, Function<R, Object> value, String howToSet) {
            return (request, problems) -> {
                Object v = value.apply(request);
                if (v == null || v instanceof String s && s.isBlank() || v instanceof Collection<?> c && c.isEmpty()) {
                    problems.accept(member + ": required, got " + (v == null ? "none" : "an empty value") + "; set "
                                    + howToSet);
                }
            };
        }
    }

    /**
     * The request the message describes.
     *
     * @throws InvalidRequestException listing every problem found, before anything is sent
     */
    public R request(RequestValues values) {
        R fromBody = readBody(values);
        R request = binder.apply(values, fromBody);
        if (values.problems().isEmpty()) { // a body or header that could not be read would only echo here as "missing"
            checks.forEach(check -> check.check(request, values::problem));
            if (values.options().isValidate()) {
                RequestValidator.check(request, values.wire(request), values::problem);
            }
        }
        if (!values.problems().isEmpty()) {
            throw new InvalidRequestException(operation, values.problems());
        }
        return request;
    }

    private R readBody(RequestValues values) {
        Object body = values.body();
        if (requestType.isInstance(body)) {
            return requestType.cast(body);
        }
        if (values.options().isPojoRequest()) {
            values.problem("body: pojoRequest=true needs a " + requestType.getSimpleName() + ", got "
                           + (body == null ? "null" : "a " + body.getClass().getName()));
            return emptyRequest;
        }
        if (body instanceof OmicsRequest other) {
            values.problem("body: expected a " + requestType.getSimpleName() + " or no request object, got a "
                           + other.getClass().getSimpleName() + " (the request of another operation)");
            return emptyRequest;
        }
        return bodyReader.apply(values);
    }
}
