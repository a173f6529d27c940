package io.github.camelomics.aws2.omics.internal.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelomics.aws2.omics.ReadSetUris;
import io.github.camelomics.aws2.omics.internal.job.JobAttempts;
import io.github.camelomics.aws2.omics.internal.job.JobFamily;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetJobItem;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

import static io.github.camelomics.aws2.omics.Omics2Constants.COMPLETION_TIME;
import static io.github.camelomics.aws2.omics.Omics2Constants.CREATION_TIME;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_IDS;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_SOURCES;
import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_STATUS;
import static io.github.camelomics.aws2.omics.Omics2Constants.READ_SET_IDS;
import static io.github.camelomics.aws2.omics.Omics2Constants.READ_SET_URIS;
import static io.github.camelomics.aws2.omics.Omics2Constants.SEQUENCE_STORE_ID;

/** The headers an answer puts on the message, for the producer's operations and the consumer alike. */
public final class ResultHeaders {

    private ResultHeaders() {
    }

    /**
     * Sets the header, or removes it when the response has no value: a stale value left from an earlier call would be
     * read as input by the next one (e.g. a NextToken that never ends a paging loop).
     */
    public static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            if (message.hasHeaders()) { // a message that came without headers has nothing stale: no look-up
                message.removeHeader(header);
            }
        } else {
            message.setHeader(header, value);
        }
    }

    /**
     * The headers of the jobs one request became, in source order: ids, their overall status, times and store; once
     * every job is known in detail (a GetReadSetImportJob answer), the per-source results and read set ids too.
     */
    public static void importJobs(Message message, List<ImportJob> jobs) {
        boolean allDetailed = jobs.stream().allMatch(job -> job.sources() != null);
        List<ImportReadSetSourceItem> sources = null;
        if (allDetailed) {
            sources = new ArrayList<>();
            for (ImportJob job : jobs) {
                sources.addAll(job.sources());
            }
        }
        importJobs(message, jobs, JobFamily.overall(jobs.stream().map(ImportJob::status).toList()), sources);
    }

    /**
     * The headers of an import that has ended, its failed sources retried or not: every job of every attempt, one
     * status for them, each source's latest result, and where workflows read its read set.
     *
     * @param readSetUris null when they could not be made
     */
    static void endedImport(Message message,
                            JobAttempts<StartReadSetImportJobRequest, GetReadSetImportJobResponse, ImportReadSetSourceItem> attempts,
                            List<ReadSetUris> readSetUris) {
        setOrRemove(message, READ_SET_URIS, readSetUris);
        importJobs(message, attempts.jobs().stream().map(ImportJob::of).toList(), attempts.status(), attempts.results());
    }

    /** @param sources every source's result in source order, or null when not every job is known in detail */
    private static void importJobs(Message message, List<ImportJob> jobs, String status,
                                   List<ImportReadSetSourceItem> sources) {
        ImportJob first = jobs.get(0);
        List<String> ids = new ArrayList<>(jobs.size());
        Instant completed = null;
        boolean allEnded = true;
        for (ImportJob job : jobs) {
            ids.add(job.id());
            allEnded &= job.completionTime() != null;
            if (job.completionTime() != null && (completed == null || job.completionTime().isAfter(completed))) {
                completed = job.completionTime();
            }
        }
        // removals first: on a message that came without headers they cost nothing
        setOrRemove(message, COMPLETION_TIME, allEnded ? completed : null);
        setOrRemove(message, IMPORT_JOB_ID, jobs.size() == 1 ? first.id() : null);
        message.setHeader(IMPORT_JOB_IDS, ids);
        message.setHeader(IMPORT_JOB_STATUS, status);
        message.setHeader(CREATION_TIME, first.creationTime());
        message.setHeader(SEQUENCE_STORE_ID, first.sequenceStoreId());
        if (sources != null) {
            message.setHeader(IMPORT_JOB_SOURCES, sources);
            message.setHeader(READ_SET_IDS, sources.stream().map(ImportReadSetSourceItem::readSetId)
                    .filter(id -> id != null).toList());
        }
    }

    /** What the start, get and list answers say of one import job; sources only in a get answer. */
    public record ImportJob(String id, String status, Instant creationTime, Instant completionTime,
                            String sequenceStoreId, List<ImportReadSetSourceItem> sources) {
        public static ImportJob of(StartReadSetImportJobResponse r) {
            return new ImportJob(r.id(), r.statusAsString(), r.creationTime(), null, r.sequenceStoreId(), null);
        }

        public static ImportJob of(ImportReadSetJobItem r) {
            return new ImportJob(r.id(), r.statusAsString(), r.creationTime(), r.completionTime(), r.sequenceStoreId(), null);
        }

        public static ImportJob of(GetReadSetImportJobResponse r) {
            return new ImportJob(r.id(), r.statusAsString(), r.creationTime(), r.completionTime(), r.sequenceStoreId(),
                    r.sources());
        }
    }
}
