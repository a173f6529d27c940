package io.github.camelomics.aws2.omics.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;
import io.github.camelomics.aws2.omics.emulator.state.Job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** How the List operations answer: the items their filter keeps, a page of them, and the token of the next page. */
final class Listing {

    private Listing() {
    }

    /**
     * @param items  oldest (smallest id) first
     * @param member the response member the page is in, e.g. {@code importJobs}
     */
    static <T> ObjectNode page(List<T> items, Function<T, String> id, JsonNode input, String member,
                               Function<T, ObjectNode> view) {
        Pages.Page<T> page = Pages.page(items, id, input);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode array = response.putArray(member);
        page.items().forEach(item -> array.add(view.apply(item)));
        if (page.nextToken() != null) {
            response.put("nextToken", page.nextToken());
        }
        return response;
    }

    /**
     * A List operation of jobs (the same for the three kinds): a page of the store's jobs that the filter keeps, by
     * {@code status} and creation time range.
     *
     * @param jobs the jobs of a store, oldest first
     */
    static <J extends Job> OperationHandler ofJobs(EmulatorState state, Function<String, List<J>> jobs, String member,
                                                   Function<J, ObjectNode> view) {
        return (input, payload) -> {
            String store = Inputs.storeOf(input);
            state.requireSequenceStore(store);
            JsonNode filter = input.path("filter");
            return page(jobs.apply(store).stream().filter(job -> equalsIfSet(filter, "status", job.status().name())
                    && createdWithin(filter, job.creationTime())).toList(), Job::id, input, member, view);
        };
    }

    static boolean equalsIfSet(JsonNode filter, String member, String actual) {
        return !filter.hasNonNull(member) || filter.path(member).asText().equals(actual);
    }

    /** {@code createdAfter} and {@code createdBefore} both include their bound. */
    static boolean createdWithin(JsonNode filter, Instant created) {
        if (filter.hasNonNull("createdAfter") && created.isBefore(instant(filter, "createdAfter"))) {
            return false;
        }
        return !filter.hasNonNull("createdBefore") || !created.isAfter(instant(filter, "createdBefore"));
    }

    private static Instant instant(JsonNode filter, String member) {
        return OffsetDateTime.parse(filter.path(member).asText()).toInstant();
    }
}
