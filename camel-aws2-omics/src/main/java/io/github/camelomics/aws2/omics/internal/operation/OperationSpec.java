package io.github.camelomics.aws2.omics.internal.operation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.camelomics.aws2.omics.InvalidRequestException;
import io.github.camelomics.aws2.omics.Omics2Operations;
import io.github.camelomics.aws2.omics.internal.request.RequestValues;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.OmicsRequest;

import static io.github.camelomics.aws2.omics.Omics2Constants.NEXT_TOKEN;
import static io.github.camelomics.aws2.omics.Omics2Constants.SEQUENCE_STORE_ID;

/**
 * One HealthOmics operation, declared as data: how a message becomes its request, which members must then be set, and
 * the call with what it answers. Every operation runs through {@link #run}, so reading the body, applying headers and
 * options, the checks and the answer are written once.
 *
 * @param operation    the operation
 * @param emptyRequest the request with nothing set; its class is the request type
 * @param bodyReader   the request a body that is not the request object describes
 * @param binder       headers and options applied over the body's request, by the precedence rule
 * @param checks       what the bound request must meet
 * @param invocation   the call and the answer
 * @param <R>          the SDK request type
 */
public record OperationSpec<R extends OmicsRequest>(
        Omics2Operations operation,
        R emptyRequest,
        Function<RequestValues, R> bodyReader,
        BiFunction<RequestValues, R, R> binder,
        List<Check<R>> checks,
        Invocation<R> invocation) {

    private static final Logger LOG = LoggerFactory.getLogger(OperationSpec.class);

    /** An operation whose body, unless it is the request object, gives nothing: headers and options say it all. */
    static <R extends OmicsRequest> OperationSpec<R> withoutBody(
            Omics2Operations operation, R emptyRequest, BiFunction<RequestValues, R, R> binder, List<Check<R>> checks,
            Invocation<R> invocation) {
        return new OperationSpec<>(operation, emptyRequest, in -> emptyRequest, binder, checks, invocation);
    }

    /** What the operation does with its request: call HealthOmics and answer on the message. */
    @FunctionalInterface
    public interface Invocation<R> {
        /**
         * @return true when the message is answered; false when the call waits for import jobs and answers later,
         *         through the call's {@link Waiting}
         */
        boolean invoke(R request, Call call);

        /** One call, its response as the body, and result headers from it. */
        static <R, S> Invocation<R> respond(BiFunction<OmicsClient, R, S> operation, BiConsumer<S, Message> results) {
            return (request, call) -> {
                S response = operation.apply(call.client(), request);
                call.message().setBody(response);
                results.accept(response, call.message());
                return true;
            };
        }

        /** One page of a listing: the response as the body, and header NextToken while more pages follow. */
        static <R, S> Invocation<R> page(BiFunction<OmicsClient, R, S> operation, Function<S, String> nextToken) {
            return respond(operation, (response, out) -> ResultHeaders.setOrRemove(out, NEXT_TOKEN, nextToken.apply(response)));
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

        /** The sequence store, which every operation needs. */
        static <R> Check<R> sequenceStore(Function<R, Object> value) {
            return required("sequenceStoreId", value,
                    "header " + SEQUENCE_STORE_ID + ", the body's sequenceStoreId or option sequenceStoreId");
        }
    }

    /**
     * Builds the request from the call's values, checks it, and invokes the operation.
     *
     * @return true when the message is answered; false when it will be, once the jobs it waits for have ended
     */
    public boolean run(Call call) {
        R request = request(call.values());
        LOG.debug("Calling HealthOmics {}: {}", operation, request);
        return invocation.invoke(request, call);
    }

    /**
     * The request the message describes.
     *
     * @throws InvalidRequestException listing every problem found, before anything is sent
     */
    public R request(RequestValues values) {
        R request = binder.apply(values, readBody(values));
        if (values.problems().isEmpty()) { // a body or header that could not be read would only echo here as "missing"
            for (Check<R> check : checks) {
                check.check(request, values::problem);
            }
            if (values.options().isValidate()) {
                values.validate(request);
            }
        }
        if (!values.problems().isEmpty() || !values.separateProblems().isEmpty()) {
            List<String> all = new ArrayList<>(values.separateProblems());
            all.addAll(values.problems());
            throw new InvalidRequestException(operation, all);
        }
        return request;
    }

    private R readBody(RequestValues values) {
        Object body = values.body();
        Class<? extends OmicsRequest> requestType = emptyRequest.getClass();
        if (requestType.isInstance(body)) {
            @SuppressWarnings("unchecked")
            R request = (R) body;
            return request;
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
