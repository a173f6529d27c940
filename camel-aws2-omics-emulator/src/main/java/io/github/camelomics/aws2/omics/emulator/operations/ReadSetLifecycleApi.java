package io.github.camelomics.aws2.omics.emulator.operations;

import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;

import java.util.Map;

import static io.github.camelomics.aws2.omics.emulator.operations.Inputs.storeOf;

/**
 * The six operations of a read set's later life: start, get and list activation jobs (an archived read set made
 * active again) and export jobs (a read set's files written to S3). What the jobs do is the state's
 * ({@link EmulatorState#startActivationJob}, {@link EmulatorState#startExportJob}).
 */
final class ReadSetLifecycleApi {

    private final EmulatorState state;
    private final Views views;

    ReadSetLifecycleApi(EmulatorState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void addTo(Map<Operation, OperationHandler> handlers) {
        handlers.put(Operation.START_READ_SET_ACTIVATION_JOB, (input, payload) ->
                views.startedActivationJob(state.startActivationJob(storeOf(input), input).job()));
        handlers.put(Operation.GET_READ_SET_ACTIVATION_JOB, (input, payload) ->
                views.activationJob(Inputs.found(state, input, "Read set activation job", state::activationJob)));
        handlers.put(Operation.LIST_READ_SET_ACTIVATION_JOBS,
                Listing.ofJobs(state, state::activationJobs, "activationJobs", views::activationJobSummary));
        handlers.put(Operation.START_READ_SET_EXPORT_JOB, (input, payload) ->
                views.startedExportJob(state.startExportJob(storeOf(input), input).job()));
        handlers.put(Operation.GET_READ_SET_EXPORT_JOB, (input, payload) ->
                views.exportJob(Inputs.found(state, input, "Read set export job", state::exportJob)));
        handlers.put(Operation.LIST_READ_SET_EXPORT_JOBS,
                Listing.ofJobs(state, state::exportJobs, "exportJobs", views::exportJobSummary));
    }
}
