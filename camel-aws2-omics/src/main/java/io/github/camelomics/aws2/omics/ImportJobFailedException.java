package io.github.camelomics.aws2.omics;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobItemStatus;

/**
 * A waited-for import ended FAILED, CANCELLED or COMPLETED_WITH_FAILURES (with failOnImportFailure=true). It names each
 * source that did not become a read set, by its index in the request, so nobody has to dig through the console; with
 * retryFailedSources, each with what every attempt of it said.
 */
public class ImportJobFailedException extends RuntimeException {

    /** One import of a source that did not make a read set: its job, the source's status and the service's message. */
    public record Attempt(String jobId, String status, String statusMessage) {
        @Override
        public String toString() {
            return "job " + jobId + ": " + status + (statusMessage == null ? "" : ": " + statusMessage);
        }
    }

    /**
     * A source that did not become a read set: its last attempt, and the attempts before it (retryFailedSources).
     *
     * @param earlierAttempts the attempts before the last, oldest first; empty when it was imported once
     */
    public record FailedSource(int index, String jobId, String sampleId, String source1, String status, String statusMessage,
                               List<Attempt> earlierAttempts) {

        public FailedSource {
            earlierAttempts = List.copyOf(earlierAttempts);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("sources[").append(index).append("] (sample ").append(sampleId)
                    .append(", ").append(source1).append(", job ").append(jobId).append("): ").append(status)
                    .append(statusMessage == null ? "" : ": " + statusMessage);
            for (int i = 0; i < earlierAttempts.size(); i++) {
                text.append(i == 0 ? " (earlier: " : "; ").append("attempt ").append(i + 1).append(", ")
                        .append(earlierAttempts.get(i));
            }
            return earlierAttempts.isEmpty() ? text.toString() : text.append(')').toString();
        }
    }

    private final List<GetReadSetImportJobResponse> jobs;
    private final List<FailedSource> failedSources;

    public ImportJobFailedException(List<GetReadSetImportJobResponse> jobs) {
        this(jobs, failedSources(jobs), jobs.stream().mapToInt(j -> j.sources().size()).sum());
    }

    /**
     * An import whose failed sources were started again: the jobs of every attempt, and each source that failed in the
     * last one.
     *
     * @param sourceCount how many sources the import has (the first attempt's)
     */
    public ImportJobFailedException(List<GetReadSetImportJobResponse> jobs, List<FailedSource> failedSources,
                                    int sourceCount) {
        super(message(jobs, failedSources, sourceCount));
        this.jobs = List.copyOf(jobs);
        this.failedSources = List.copyOf(failedSources);
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
                            source.statusAsString(), source.statusMessage(), List.of()));
                }
                index++;
            }
        }
        return failed;
    }

    private static String message(List<GetReadSetImportJobResponse> jobs, List<FailedSource> failed, int total) {
        StringBuilder sb = new StringBuilder("aws2-omics: import ");
        jobs.forEach(j -> sb.append(j.id()).append(' ').append(j.statusAsString())
                .append(j.statusMessage() == null ? "" : " (" + j.statusMessage() + ")").append(", "));
        sb.setLength(sb.length() - 2);
        sb.append(": ").append(failed.size()).append(" of ").append(total).append(" sources did not become read sets");
        failed.forEach(f -> sb.append("\n - ").append(f));
        return sb.toString();
    }
}
