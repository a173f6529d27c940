package io.github.camelomics.aws2.omics.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;
import io.github.camelomics.aws2.omics.emulator.state.ReadSet;

import java.util.Map;
import java.util.function.Predicate;

import static io.github.camelomics.aws2.omics.emulator.operations.Inputs.storeOf;
import static io.github.camelomics.aws2.omics.emulator.operations.Listing.createdWithin;
import static io.github.camelomics.aws2.omics.emulator.operations.Listing.equalsIfSet;

/** The five operations of read set imports: start, get and list import jobs; get and list the read sets. */
final class ReadSetImportApi {

    private final EmulatorState state;
    private final Views views;

    ReadSetImportApi(EmulatorState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void addTo(Map<Operation, OperationHandler> handlers) {
        handlers.put(Operation.START_READ_SET_IMPORT_JOB,
                (input, payload) -> views.startedJob(state.startJob(storeOf(input), input).job()));
        handlers.put(Operation.GET_READ_SET_IMPORT_JOB,
                (input, payload) -> views.job(Inputs.found(state, input, "Read set import job", state::job)));
        handlers.put(Operation.LIST_READ_SET_IMPORT_JOBS,
                Listing.ofJobs(state, state::jobs, "importJobs", views::jobSummary));
        handlers.put(Operation.GET_READ_SET_METADATA,
                (input, payload) -> views.readSet(Inputs.found(state, input, "Read set", state::readSet)));
        handlers.put(Operation.LIST_READ_SETS, (input, payload) -> listReadSets(input));
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
        return Listing.page(state.readSets(store).stream().filter(matches).toList(), ReadSet::id, input, "readSets",
                views::readSetSummary);
    }

    /** {@code ReferenceArnFilter}: an empty string asks for read sets without a reference. */
    private static boolean referenceMatches(JsonNode filter, String referenceArn) {
        if (!filter.hasNonNull("referenceArn")) {
            return true;
        }
        String wanted = filter.path("referenceArn").asText();
        return wanted.isEmpty() ? referenceArn == null : wanted.equals(referenceArn);
    }
}
