package io.github.camelomics.aws2.omics.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.emulator.state.ReadSet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What each operation does with a validated input: one small function per operation, all with the
 * same signature, so the HTTP layer has a single path for all of them.
 */
public final class ReadSetImportApi {

    /** Handles one operation: validated input (body, path and query members merged) in, response body out. */
    @FunctionalInterface
    public interface OperationHandler {
        ObjectNode handle(JsonNode input);
    }

    private final EmulatorState state;
    private final Views views;
    private final Map<Operation, OperationHandler> handlers = new EnumMap<>(Operation.class);

    public ReadSetImportApi(EmulatorState state, ObjectMapper mapper) {
        this.state = state;
        this.views = new Views(mapper);
        handlers.put(Operation.START_READ_SET_IMPORT_JOB, this::startReadSetImportJob);
        handlers.put(Operation.GET_READ_SET_IMPORT_JOB, this::getReadSetImportJob);
        handlers.put(Operation.LIST_READ_SET_IMPORT_JOBS, this::listReadSetImportJobs);
        handlers.put(Operation.GET_READ_SET_METADATA, this::getReadSetMetadata);
        handlers.put(Operation.LIST_READ_SETS, this::listReadSets);
    }

    public OperationHandler handler(Operation operation) {
        return Objects.requireNonNull(handlers.get(operation), operation::modelName);
    }

    private ObjectNode startReadSetImportJob(JsonNode input) {
        return views.startedJob(state.startJob(storeOf(input), input).job());
    }

    private ObjectNode getReadSetImportJob(JsonNode input) {
        return views.job(found(input, "Read set import job", state::job));
    }

    private ObjectNode getReadSetMetadata(JsonNode input) {
        return views.readSet(found(input, "Read set", state::readSet));
    }

    /** Looks up the input's {@code id} in its store: an unknown store or id is ResourceNotFoundException. */
    private <T> T found(JsonNode input, String kind, BiFunction<String, String, Optional<T>> lookup) {
        String store = storeOf(input);
        state.requireSequenceStore(store);
        String id = input.path("id").asText();
        return lookup.apply(store, id).orElseThrow(() -> new ApiException(ErrorShape.RESOURCE_NOT_FOUND,
                kind + " " + id + " not found in sequence store " + store));
    }

    private ObjectNode listReadSetImportJobs(JsonNode input) {
        String store = storeOf(input);
        state.requireSequenceStore(store);
        JsonNode filter = input.path("filter");
        Predicate<ImportJob> matches = job -> equalsIfSet(filter, "status", job.status().name())
                && createdWithin(filter, job.creationTime());
        return list(state.jobs(store).stream().filter(matches).toList(), ImportJob::id, input, "importJobs",
                views::jobSummary);
    }

    private ObjectNode listReadSets(JsonNode input) {
        String store = storeOf(input);
        state.requireSequenceStore(store);
        JsonNode filter = input.path("filter");
        Predicate<ReadSet> matches = readSet -> equalsIfSet(filter, "name", readSet.name())
                && equalsIfSet(filter, "status", readSet.status())
                && referenceMatches(filter, readSet.referenceArn())
                && createdWithin(filter, readSet.creationTime())
                && equalsIfSet(filter, "sampleId", readSet.sampleId())
                && equalsIfSet(filter, "subjectId", readSet.subjectId())
                && equalsIfSet(filter, "generatedFrom", readSet.generatedFrom())
                && equalsIfSet(filter, "creationType", readSet.creationType());
        return list(state.readSets(store).stream().filter(matches).toList(), ReadSet::id, input, "readSets",
                views::readSetSummary);
    }

    static <T> ObjectNode list(List<T> items, Function<T, String> id, JsonNode input, String member,
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

    private static String storeOf(JsonNode input) {
        return input.path("sequenceStoreId").asText();
    }

    private static boolean equalsIfSet(JsonNode filter, String member, String actual) {
        return !filter.hasNonNull(member) || filter.path(member).asText().equals(actual);
    }

    /** {@code ReferenceArnFilter}: an empty string asks for read sets without a reference. */
    private static boolean referenceMatches(JsonNode filter, String referenceArn) {
        if (!filter.hasNonNull("referenceArn")) {
            return true;
        }
        String wanted = filter.path("referenceArn").asText();
        return wanted.isEmpty() ? referenceArn == null : wanted.equals(referenceArn);
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
