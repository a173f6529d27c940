package io.github.camelomics.aws2.omics.internal.job;

import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetJobItem;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

/**
 * What a start answer or a listing says of a job, in the shape of a GetReadSetImportJob answer without its sources: the
 * last known state of a job being waited for, and what ImportJobWaitException reports when a wait ends early. Only a
 * GetReadSetImportJob answer has sources, which is how a wait tells a job it knows in full.
 */
public final class JobStates {

    private JobStates() {
    }

    public static GetReadSetImportJobResponse of(StartReadSetImportJobResponse started) {
        return GetReadSetImportJobResponse.builder().id(started.id()).sequenceStoreId(started.sequenceStoreId())
                .roleArn(started.roleArn()).status(started.statusAsString()).creationTime(started.creationTime()).build();
    }

    public static GetReadSetImportJobResponse of(ImportReadSetJobItem listed) {
        return GetReadSetImportJobResponse.builder().id(listed.id()).sequenceStoreId(listed.sequenceStoreId())
                .roleArn(listed.roleArn()).status(listed.statusAsString()).creationTime(listed.creationTime())
                .completionTime(listed.completionTime()).build();
    }

    /** A GetReadSetImportJob answer: the job with its per-source results. */
    static boolean isDetailed(GetReadSetImportJobResponse job) {
        return job.hasSources();
    }
}
