package io.github.camelomics.aws2.omics.emulator.state;

import java.util.List;

/**
 * Everything the emulator remembers, in the form it is persisted ({@code state.json} in the data dir).
 *
 * @param lastJobNumber     the number behind the last job id handed out
 * @param lastReadSetNumber the number behind the last read set id handed out
 */
public record StateSnapshot(long lastJobNumber, long lastReadSetNumber, List<ImportJob> jobs, List<ReadSet> readSets) {

    public StateSnapshot {
        jobs = List.copyOf(jobs);
        readSets = List.copyOf(readSets);
    }

    public static StateSnapshot empty() {
        return new StateSnapshot(0, 0, List.of(), List.of());
    }
}
