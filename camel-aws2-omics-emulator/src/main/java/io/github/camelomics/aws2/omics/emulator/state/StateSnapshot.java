package io.github.camelomics.aws2.omics.emulator.state;

import java.util.List;

/**
 * Everything the emulator remembers, in the form it is persisted ({@code state.json} in the data dir).
 *
 * @param lastJobNumber     the number behind the last job id handed out
 * @param lastReadSetNumber the number behind the last read set id handed out
 * @param lastUploadNumber  the number behind the last upload id handed out
 * @param uploads           multipart uploads not aborted (absent in state saved before uploads)
 */
public record StateSnapshot(long lastJobNumber, long lastReadSetNumber, List<ImportJob> jobs, List<ReadSet> readSets,
                            long lastUploadNumber, List<MultipartUpload> uploads) {

    public StateSnapshot {
        jobs = List.copyOf(jobs);
        readSets = List.copyOf(readSets);
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    public static StateSnapshot empty() {
        return new StateSnapshot(0, 0, List.of(), List.of(), 0, List.of());
    }
}
