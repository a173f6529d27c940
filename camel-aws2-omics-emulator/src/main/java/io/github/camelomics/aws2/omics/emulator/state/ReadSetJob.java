package io.github.camelomics.aws2.omics.emulator.state;

import java.util.List;

/** A job whose items are read sets of its store: an activation or an export job. */
public interface ReadSetJob extends Job {

    /**
     * One per read set asked for, in the request's order, the read set's id in {@code readSetId}; NOT_STARTED while
     * the job is SUBMITTED, FINISHED or FAILED at the end.
     */
    List<SourceOutcome> items();

    /** The read sets asked for, in the request's order. */
    default List<String> readSetIds() {
        return items().stream().map(SourceOutcome::readSetId).toList();
    }
}
