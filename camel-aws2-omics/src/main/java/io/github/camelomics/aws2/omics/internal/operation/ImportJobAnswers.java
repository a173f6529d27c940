package io.github.camelomics.aws2.omics.internal.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.camelomics.aws2.omics.internal.job.JobAttempts;
import io.github.camelomics.aws2.omics.internal.operation.ResultHeaders.ImportJob;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

/**
 * What import jobs answer on the message. Body: the one job's answer, or every job's in source order. Headers: what
 * the jobs say together; once they have ended, each source's result, its read set and where workflows read it.
 */
final class ImportJobAnswers implements JobOperations.Answers<StartReadSetImportJobRequest, StartReadSetImportJobResponse,
        GetReadSetImportJobResponse, ImportReadSetSourceItem> {

    @Override
    public void started(Message message, List<StartReadSetImportJobResponse> started) {
        answer(message, started, ImportJob::of);
    }

    @Override
    public void got(Message message, GetReadSetImportJobResponse job) {
        answer(message, List.of(job), ImportJob::of);
    }

    @Override
    public void ended(Call call, JobAttempts<StartReadSetImportJobRequest, GetReadSetImportJobResponse,
            ImportReadSetSourceItem> attempts) {
        List<GetReadSetImportJobResponse> jobs = attempts.jobs();
        Message message = call.message();
        message.setBody(jobs.size() == 1 ? jobs.get(0) : jobs);
        ResultHeaders.endedImport(message, attempts,
                ReadSetStorage.uris(call.client(), jobs.get(0).sequenceStoreId(), attempts.results()));
    }

    private static <T> void answer(Message message, List<T> jobs, Function<T, ImportJob> job) {
        message.setBody(jobs.size() == 1 ? jobs.get(0) : jobs);
        List<ImportJob> seen = new ArrayList<>(jobs.size());
        for (T answer : jobs) {
            seen.add(job.apply(answer));
        }
        ResultHeaders.importJobs(message, seen);
    }
}
