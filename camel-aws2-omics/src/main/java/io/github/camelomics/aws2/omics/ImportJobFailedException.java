package io.github.camelomics.aws2.omics;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobItemStatus;

/**
 * A waited-for import ended FAILED, CANCELLED or COMPLETED_WITH_FAILURES (with failOnImportFailure=true). It names each
 * source that did not become a read set, by its index in the request, so nobody has to dig through the console.
 */
public class ImportJobFailedException extends RuntimeException {

    /** A source that did not become a read set. */
    public record FailedSource(int index, String jobId, String sampleId, String source1, String status, String statusMessage) {
        @Override
        public String toString() {
            return "sources[" + index + "] (sample " + sampleId + ", " + source1 + ", job " + jobId + "): " + status
                   + (statusMessage == null ? "" : ": " + statusMessage);
        }
    }

    private final List<GetReadSetImportJobResponse> jobs;
    private final List<FailedSource> failedSources;

    public ImportJobFailedException(List<GetReadSetImportJobResponse> jobs) {
        this(jobs, failedSources(jobs));
    }

    private ImportJobFailedException(List<GetReadSetImportJobResponse> jobs, List<FailedSource> failed) {
        super(message(jobs, failed));
        this.jobs = List.copyOf(jobs);
        this.failedSources = List.copyOf(failed);
    }

    public List<GetReadSetImportJobResponse> getJobs() {
        return jobs;
    }

    public List<FailedSource> getFailedSources() {
        return failedSources;
    }

    private static List<FailedSource> failedSources(List<GetReadSetImportJobResponse> jobs) {
        List<FailedSource> failed = new ArrayList<>();
        int index = 0;
        for (GetReadSetImportJobResponse job : jobs) {
            for (ImportReadSetSourceItem source : job.sources()) {
                if (source.status() != ReadSetImportJobItemStatus.FINISHED) {
                    failed.add(new FailedSource(index, job.id(), source.sampleId(),
                            source.sourceFiles() == null ? null : source.sourceFiles().source1(),
                            source.statusAsString(), source.statusMessage()));
                }
                index++;
            }
        }
        return failed;
    }

    private static String message(List<GetReadSetImportJobResponse> jobs, List<FailedSource> failed) {
        int total = jobs.stream().mapToInt(j -> j.sources().size()).sum();
        StringBuilder sb = new StringBuilder("aws2-omics: import ");
        jobs.forEach(j -> sb.append(j.id()).append(' ').append(j.statusAsString())
                .append(j.statusMessage() == null ? "" : " (" + j.statusMessage() + ")").append(", "));
        sb.setLength(sb.length() - 2);
        sb.append(": ").append(failed.size()).append(" of ").append(total).append(" sources did not become read sets");
        failed.forEach(f -> sb.append("\n - ").append(f));
        return sb.toString();
    }
}
