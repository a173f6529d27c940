package io.github.camelomics.aws2.omics.internal.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.StreamSupport;

import io.github.camelomics.aws2.omics.ImportJobFailedException;
import io.github.camelomics.aws2.omics.ImportJobFailedException.Attempt;
import io.github.camelomics.aws2.omics.ImportJobFailedException.FailedSource;
import io.github.camelomics.aws2.omics.ImportJobWaitException;
import io.github.camelomics.aws2.omics.ImportPartlyStartedException;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetFilter;
import software.amazon.awssdk.services.omics.model.ImportReadSetJobItem;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

/**
 * Read set import jobs: up to 100 sources (FASTQ, BAM, CRAM, uBAM files in S3) a job, each ending as a read set or
 * failed. A job's state is a GetReadSetImportJob answer; what a start answer or a listing says of it takes the same
 * shape without its sources, which is how a wait tells a job it knows in full.
 */
final class ImportJobFamily implements JobFamily<StartReadSetImportJobRequest, StartReadSetImportJobResponse,
        GetReadSetImportJobResponse, ImportReadSetSourceItem> {

    static final ImportJobFamily INSTANCE = new ImportJobFamily();

    private ImportJobFamily() {
    }

    @Override
    public String jobNoun() {
        return "import job";
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public int itemCount(StartReadSetImportJobRequest request) {
        return request.sources().size();
    }

    @Override
    public String sequenceStoreId(StartReadSetImportJobRequest request) {
        return request.sequenceStoreId();
    }

    @Override
    public String clientToken(StartReadSetImportJobRequest request) {
        return request.clientToken();
    }

    @Override
    public StartReadSetImportJobRequest part(StartReadSetImportJobRequest request, int from, int to, String clientToken) {
        boolean whole = from == 0 && to == request.sources().size();
        if (whole && Objects.equals(clientToken, request.clientToken())) {
            return request;
        }
        StartReadSetImportJobRequest.Builder job = request.toBuilder().clientToken(clientToken);
        return (whole ? job : job.sources(request.sources().subList(from, to))).build();
    }

    @Override
    public StartReadSetImportJobRequest select(StartReadSetImportJobRequest request, List<Integer> items,
                                               String clientToken) {
        return request.toBuilder().sources(items.stream().map(request.sources()::get).toList()).clientToken(clientToken)
                .build();
    }

    @Override
    public StartReadSetImportJobResponse start(OmicsClient client, StartReadSetImportJobRequest request) {
        return client.startReadSetImportJob(request);
    }

    @Override
    public GetReadSetImportJobResponse get(OmicsClient client, String sequenceStoreId, String jobId) {
        return client.getReadSetImportJob(b -> b.sequenceStoreId(sequenceStoreId).id(jobId));
    }

    @Override
    public Iterable<GetReadSetImportJobResponse> list(OmicsClient client, String sequenceStoreId, Instant createdAfter,
                                                      Instant createdBefore, int pageSize) {
        Iterable<ImportReadSetJobItem> listed = client.listReadSetImportJobsPaginator(b -> b.sequenceStoreId(sequenceStoreId)
                .maxResults(pageSize)
                .filter(ImportReadSetFilter.builder().createdAfter(createdAfter).createdBefore(createdBefore).build()))
                .importJobs();
        return () -> StreamSupport.stream(listed.spliterator(), false).map(ImportJobFamily::state)
                .iterator();
    }

    @Override
    public GetReadSetImportJobResponse state(StartReadSetImportJobResponse started) {
        return GetReadSetImportJobResponse.builder().id(started.id()).sequenceStoreId(started.sequenceStoreId())
                .roleArn(started.roleArn()).status(started.statusAsString()).creationTime(started.creationTime()).build();
    }

    /** What a listing says of a job. */
    static GetReadSetImportJobResponse state(ImportReadSetJobItem listed) {
        return GetReadSetImportJobResponse.builder().id(listed.id()).sequenceStoreId(listed.sequenceStoreId())
                .roleArn(listed.roleArn()).status(listed.statusAsString()).creationTime(listed.creationTime())
                .completionTime(listed.completionTime()).build();
    }

    @Override
    public StartReadSetImportJobResponse started(GetReadSetImportJobResponse job) {
        return StartReadSetImportJobResponse.builder().id(job.id()).sequenceStoreId(job.sequenceStoreId())
                .roleArn(job.roleArn()).status(job.statusAsString()).creationTime(job.creationTime()).build();
    }

    @Override
    public String id(GetReadSetImportJobResponse job) {
        return job.id();
    }

    @Override
    public String startedId(StartReadSetImportJobResponse started) {
        return started.id();
    }

    @Override
    public String startedStatus(StartReadSetImportJobResponse started) {
        return started.statusAsString();
    }

    @Override
    public Instant creationTime(GetReadSetImportJobResponse job) {
        return job.creationTime();
    }

    @Override
    public String status(GetReadSetImportJobResponse job) {
        return job.statusAsString();
    }

    @Override
    public boolean isDetailed(GetReadSetImportJobResponse job) {
        return job.hasSources();
    }

    @Override
    public List<ImportReadSetSourceItem> results(GetReadSetImportJobResponse job) {
        return job.sources();
    }

    @Override
    public String itemStatus(ImportReadSetSourceItem result) {
        return result.statusAsString();
    }

    @Override
    public String itemStatusMessage(ImportReadSetSourceItem result) {
        return result.statusMessage();
    }

    @Override
    public RuntimeException waitEnded(String why, List<GetReadSetImportJobResponse> lastKnown) {
        return new ImportJobWaitException(why, lastKnown);
    }

    @Override
    public RuntimeException partlyStarted(List<StartReadSetImportJobResponse> started, int failedJob, int jobCount,
                                          RuntimeException cause) {
        return new ImportPartlyStartedException(started, failedJob, jobCount, cause);
    }

    @Override
    public RuntimeException failed(List<GetReadSetImportJobResponse> jobs,
                                   List<JobAttempts.FailedItem<ImportReadSetSourceItem>> failed, int itemCount) {
        List<FailedSource> sources = new ArrayList<>(failed.size());
        for (JobAttempts.FailedItem<ImportReadSetSourceItem> item : failed) {
            ImportReadSetSourceItem source = item.result();
            sources.add(new FailedSource(item.index(), item.jobId(), source.sampleId(),
                    source.sourceFiles() == null ? null : source.sourceFiles().source1(), source.statusAsString(),
                    source.statusMessage(), item.earlier().stream()
                            .map(a -> new Attempt(a.jobId(), a.status(), a.statusMessage())).toList()));
        }
        return new ImportJobFailedException(jobs, sources, itemCount);
    }
}
