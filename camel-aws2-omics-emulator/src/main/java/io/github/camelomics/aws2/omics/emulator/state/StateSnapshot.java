package io.github.camelomics.aws2.omics.emulator.state;

import java.util.List;

/**
 * Everything the emulator remembers, in the form it is persisted ({@code state.json} in the data dir).
 *
 * @param lastJobNumber           the number behind the last import job id handed out
 * @param lastReadSetNumber       the number behind the last read set id handed out
 * @param jobs                    the import jobs
 * @param lastUploadNumber        the number behind the last upload id handed out
 * @param uploads                 multipart uploads not aborted (absent in state saved before uploads)
 * @param lastActivationJobNumber the number behind the last activation job id handed out
 * @param activationJobs          read set activation jobs (absent in state saved before activations)
 * @param lastExportJobNumber     the number behind the last export job id handed out
 * @param exportJobs              read set export jobs (absent in state saved before exports)
 */
public record StateSnapshot(long lastJobNumber, long lastReadSetNumber, List<ImportJob> jobs, List<ReadSet> readSets,
                            long lastUploadNumber, List<MultipartUpload> uploads, long lastActivationJobNumber,
                            List<ActivationJob> activationJobs, long lastExportJobNumber, List<ExportJob> exportJobs) {

    public StateSnapshot {
        jobs = List.copyOf(jobs);
        readSets = List.copyOf(readSets);
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
        activationJobs = activationJobs == null ? List.of() : List.copyOf(activationJobs);
        exportJobs = exportJobs == null ? List.of() : List.copyOf(exportJobs);
    }

    public static StateSnapshot empty() {
        return new StateSnapshot(0, 0, List.of(), List.of(), 0, List.of(), 0, List.of(), 0, List.of());
    }
}
