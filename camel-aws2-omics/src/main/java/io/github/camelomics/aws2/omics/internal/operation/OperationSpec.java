package io.github.camelomics.aws2.omics.internal.operation;

import java.util.Collection;
import java.util.Collections;
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
 * @param payload      what the message carries beside the request for the call (the files of an upload; nothing
 *                     for most operations), and the call with its answer
 * @param <R>          the SDK request type
 */
record OperationSpec<R extends OmicsRequest>(
        Omics2Operations operation,
        R emptyRequest,
        Function<RequestValues, R> bodyReader,
        BiFunction<RequestValues, R, R> binder,
        List<Check<R>> checks,
        Payload<R, ?> payload) {

    private static final Logger LOG = LoggerFactory.getLogger(OperationSpec.class);

    /** An operation whose message carries nothing beside its request. */
    OperationSpec(Omics2Operations operation, R emptyRequest, Function<RequestValues, R> bodyReader,
                         BiFunction<RequestValues, R, R> binder, List<Check<R>> checks, Invocation<R> invocation) {
        this(operation, emptyRequest, bodyReader, binder, checks, Payload.none(invocation));
    }

    /** An operation whose body, unless it is the request object, gives nothing: headers and options say it all. */
    static <R extends OmicsRequest> OperationSpec<R> withoutBody(
            Omics2Operations operation, R emptyRequest, BiFunction<RequestValues, R, R> binder, List<Check<R>> checks,
            Invocation<R> invocation) {
        return new OperationSpec<>(operation, emptyRequest, in -> emptyRequest, binder, checks, invocation);
    }

    /**
     * An operation whose body (or a header standing for it) is not the request but what its call takes beside it, as
     * the files of an upload: headers and options give the request, and the payload is read once, for the checks and
     * the call.
     */
    static <R extends OmicsRequest, P> OperationSpec<R> withPayload(
            Omics2Operations operation, R emptyRequest, BiFunction<RequestValues, R, R> binder, List<Check<R>> checks,
            Payload<R, P> payload) {
        return new OperationSpec<>(operation, emptyRequest, in -> emptyRequest, binder, checks, payload);
    }

    /**
     * What a message carries for its call beside the request.
     *
     * @param reader     reads it from the bound request's message and gives back the request completed from it (an
     *                   upload's default name); its problems go with the request's and leave the checks on, since the
     *                   request's members were read
     * @param invocation the call, with the payload
     * @param <P>        the payload's type
     */
    public record Payload<R, P>(BiFunction<RequestValues, R, Read<R, P>> reader, PayloadInvocation<R, P> invocation) {

        /** Nothing beside the request: the plain invocation. */
        static <R> Payload<R, Void> none(Invocation<R> invocation) {
            return new Payload<>((in, request) -> new Read<>(request, null),
                    (request, nothing, call) -> invocation.invoke(request, call));
        }
    }

    /** The request and the payload read beside it. */
    public record Read<R, P>(R request, P payload) {
    }

    /** What an operation with a payload does with it and its request; answers as {@link Invocation#invoke}. */
    @FunctionalInterface
    public interface PayloadInvocation<R, P> {
        boolean invoke(R request, P payload, Call call);
    }

    /** What the operation does with its request: call HealthOmics and answer on the message. */
    @FunctionalInterface
    public interface Invocation<R> {
        /**
         * @return true when the message is answered; false when the call waits for import jobs and answers later,
         *         once they have ended (the call's resume)
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
     * Builds the request (and its payload) from the call's values, checks it, and invokes the operation.
     *
     * @return true when the message is answered; false when it will be, once the jobs it waits for have ended
     */
    public boolean run(Call call) {
        return run(payload, call);
    }

    private <P> boolean run(Payload<R, P> payload, Call call) {
        Read<R, P> read = read(call.values(), payload);
        LOG.debug("Calling HealthOmics {}: {}", operation, read.request());
        return payload.invocation().invoke(read.request(), read.payload(), call);
    }

    /**
     * The request the message describes.
     *
     * @throws InvalidRequestException listing every problem found, before anything is sent
     */
    public R request(RequestValues values) {
        return read(values, payload).request();
    }

    private <P> Read<R, P> read(RequestValues values, Payload<R, P> payload) {
        List<String> problems = values.problems();
        R bound = binder.apply(values, readBody(values));
        // a body or header that could not be read would only echo in the checks as "missing"
        boolean membersRead = problems.isEmpty();
        int beforePayload = problems.size();
        Read<R, P> read = payload.reader().apply(values, bound);
        // the payload is what the body carried: its problems come first, as a body's do
        Collections.rotate(problems, problems.size() - beforePayload);
        if (membersRead) {
            for (Check<R> check : checks) {
                check.check(read.request(), values::problem);
            }
            if (values.options().isValidate()) {
                values.validate(read.request());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(operation, problems);
        }
        return read;
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
