package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelomics.aws2.omics.emulator.faults.Faults;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.s3.ExportWriter;
import io.github.camelomics.aws2.omics.emulator.s3.LocalS3;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What becomes of read sets once they are made: archived (by an admin call, or when unread for a while, see
 * {@link ReadSet#asOf}), activated by activation jobs (ARCHIVED → ACTIVATING → ACTIVE), exported by export jobs (their
 * files written into the local S3). Here are the checks of the two Start requests and what the two kinds of job do
 * when they start and finish; {@link JobBook} says when. Not thread-safe: {@link EmulatorState} holds the lock.
 */
final class ReadSetStorage {

    /** The service's message of a job, and of each of its read sets, while it is SUBMITTED (user guide examples). */
    static final String SUBMITTED_MESSAGE = "The job is submitted and will start soon.";
    static final String QUEUED_MESSAGE = "The source is queued for the job.";

    private final ReadSets readSets;
    private final ReadSetFiles files;
    private final LocalS3 s3;
    private final ExportWriter writer;
    private final Faults faults;

    ReadSetStorage(ReadSets readSets, ReadSetFiles files, LocalS3 s3, Faults faults) {
        this.readSets = readSets;
        this.files = files;
        this.s3 = s3;
        this.writer = new ExportWriter(s3);
        this.faults = faults;
    }

    /**
     * Fails with ResourceNotFoundException, naming each, when a read set the Start request names is not in the store:
     * the service holds them, so it can tell at once (a read set in the wrong state fails in the job instead).
     */
    void requireReadSets(String sequenceStoreId, JsonNode request, Instant now) {
        List<String> missing = new ArrayList<>();
        request.path("sources").forEach(source -> {
            String id = source.path("readSetId").asText();
            if (readSets.at(sequenceStoreId, id, now).isEmpty()) {
                missing.add(id);
            }
        });
        if (!missing.isEmpty()) {
            throw new ApiException(ErrorShape.RESOURCE_NOT_FOUND, (missing.size() == 1 ? "Read set " : "Read sets ")
                    + String.join(", ", missing) + " not found in sequence store " + sequenceStoreId);
        }
    }

    ActivationJob newActivationJob(String id, String sequenceStoreId, Instant creationTime, JsonNode request) {
        return new ActivationJob(id, sequenceStoreId, request.path("clientToken").asText(null), creationTime,
                JobStatus.SUBMITTED, SUBMITTED_MESSAGE, null, queued(request), request.deepCopy());
    }

    ExportJob newExportJob(String id, String sequenceStoreId, Instant creationTime, JsonNode request) {
        return new ExportJob(id, sequenceStoreId, request.path("destination").asText(), request.path("roleArn").asText(),
                request.path("clientToken").asText(null), creationTime, JobStatus.SUBMITTED, SUBMITTED_MESSAGE, null,
                queued(request), request.deepCopy());
    }

    private static List<SourceOutcome> queued(JsonNode request) {
        List<SourceOutcome> items = new ArrayList<>();
        request.path("sources").forEach(source -> items.add(
                new SourceOutcome(SourceStatus.NOT_STARTED, QUEUED_MESSAGE, source.path("readSetId").asText())));
        return items;
    }

    /** Activation: each ARCHIVED read set is ACTIVATING while the job runs, then ACTIVE; any other fails. */
    final JobBook.Lifecycle<ActivationJob> activation = new JobBook.Lifecycle<>() {
        @Override
        public ActivationJob begin(ActivationJob job, Instant at) {
            List<SourceOutcome> items = new ArrayList<>();
            for (String id : job.readSetIds()) {
                ReadSet readSet = readSets.at(job.sequenceStoreId(), id, at).orElseThrow();
                if (readSet.status().equals(ReadSet.ARCHIVED)) {
                    readSets.put(readSet.inStatus(ReadSet.ACTIVATING));
                    items.add(inProgress(id));
                } else {
                    items.add(failed(id, "Read set " + id + " is " + readSet.status()
                            + ", not ARCHIVED: only an archived read set can be activated"));
                }
            }
            return job.moved(JobStatus.IN_PROGRESS, ImportJob.IN_PROGRESS_MESSAGE, null, items);
        }

        @Override
        public ActivationJob finish(ActivationJob job, Instant at) {
            List<SourceOutcome> items = new ArrayList<>();
            for (SourceOutcome item : job.items()) {
                if (item.status() != SourceStatus.IN_PROGRESS) {
                    items.add(item);
                    continue;
                }
                ReadSet readSet = readSets.at(job.sequenceStoreId(), item.readSetId(), at).orElseThrow();
                Optional<String> injected = faults.takeActivationFailure(item.readSetId());
                readSets.put(injected.isPresent() ? readSet.inStatus(ReadSet.ARCHIVED) : readSet.readAt(at));
                items.add(injected.map(message -> failed(item.readSetId(), message)).orElse(finished(item.readSetId())));
            }
            JobOutcome outcome = JobOutcome.of(items, "read sets", "activate");
            return job.moved(outcome.status(), outcome.message(), at, items);
        }
    };

    /** Export: each ACTIVE read set's files are written under the destination when the job finishes; any other fails. */
    final JobBook.Lifecycle<ExportJob> export = new JobBook.Lifecycle<>() {
        @Override
        public ExportJob begin(ExportJob job, Instant at) {
            List<SourceOutcome> items = job.readSetIds().stream().map(ReadSetStorage::inProgress).toList();
            return job.moved(JobStatus.IN_PROGRESS, ImportJob.IN_PROGRESS_MESSAGE, null, items);
        }

        @Override
        public ExportJob finish(ExportJob job, Instant at) {
            List<SourceOutcome> items = new ArrayList<>();
            for (String id : job.readSetIds()) {
                ReadSet readSet = readSets.at(job.sequenceStoreId(), id, at).orElseThrow();
                Optional<String> failure = exportFailure(job, readSet);
                if (failure.isEmpty()) {
                    readSets.put(readSet.readAt(at));
                }
                items.add(failure.map(message -> failed(id, message)).orElse(finished(id)));
            }
            JobOutcome outcome = JobOutcome.of(items, "read sets", "export");
            return job.moved(outcome.status(), outcome.message(), at, items);
        }
    };

    /** Writes the read set's files under the job's destination, or says why it cannot. */
    private Optional<String> exportFailure(ExportJob job, ReadSet readSet) {
        if (!readSet.status().equals(ReadSet.ACTIVE)) {
            return Optional.of("Read set " + readSet.id() + " is " + readSet.status()
                    + ", not ACTIVE: activate it before exporting it");
        }
        if (!s3.bucketExists(job.destination())) { // the service could not write there with the job's role
            return Optional.of("The destination bucket of " + job.destination() + " does not exist");
        }
        Optional<String> injected = faults.takeExportFailure(readSet.id());
        if (injected.isPresent()) {
            return injected;
        }
        Map<String, List<Path>> sources = content(readSet);
        if (sources.isEmpty()) {
            return Optional.of("The content of read set " + readSet.id() + " was not kept by this emulator");
        }
        try {
            sources.forEach((source, pieces) ->
                    writer.write(readSet.fileType(), pieces, exportedFile(job.destination(), readSet, source)));
            return Optional.empty();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return Optional.of("The files of read set " + readSet.id() + " could not be written under "
                    + job.destination());
        }
    }

    /** The pieces of each of the read set's files by source ({@code source1}, {@code source2}); empty when not kept. */
    private Map<String, List<Path>> content(ReadSet readSet) {
        Map<String, List<Path>> sources = new LinkedHashMap<>();
        ETag etag = readSet.etag();
        if (etag == null) {
            return sources;
        }
        sources.put("source1", files.pieces(etag.algorithm(), etag.source1()));
        if (etag.source2() != null) {
            sources.put("source2", files.pieces(etag.algorithm(), etag.source2()));
        }
        return sources.values().stream().anyMatch(List::isEmpty) ? Map.of() : sources;
    }

    /**
     * Where an export writes a read set's file: {@code <destination>/<readSetId>/<source>.<extension>}, e.g.
     * {@code s3://exports/run-7/5000000001/source1.fastq.gz}. The service's own layout is not documented.
     */
    static String exportedFile(String destination, ReadSet readSet, String source) {
        String prefix = destination.endsWith("/") ? destination : destination + "/";
        return prefix + readSet.id() + "/" + source + extension(readSet.fileType());
    }

    private static String extension(String fileType) {
        return switch (fileType) {
            case "FASTQ" -> ".fastq.gz";
            case "CRAM" -> ".cram";
            default -> ".bam"; // BAM and uBAM
        };
    }

    /**
     * Archives read sets of a store, as the service does with read sets unread for 30 days: the ACTIVE ones become
     * ARCHIVED, those ARCHIVED already stay so.
     *
     * @param  readSetIds the read sets to archive (each must exist and be ACTIVE or ARCHIVED), or empty for every ACTIVE
     *                    read set of the store
     * @return            the ids of the read sets archived by this call
     * @throws IllegalArgumentException naming a read set that does not exist or cannot be archived; nothing is archived
     */
    List<String> archive(String sequenceStoreId, List<String> readSetIds, Instant at) {
        List<ReadSet> targets = new ArrayList<>();
        if (readSetIds.isEmpty()) {
            targets.addAll(readSets.inStore(sequenceStoreId, at));
        } else {
            for (String id : readSetIds) {
                ReadSet readSet = readSets.at(sequenceStoreId, id, at).orElseThrow(() -> new IllegalArgumentException(
                        "read set " + id + " not found in sequence store " + sequenceStoreId));
                if (!readSet.status().equals(ReadSet.ACTIVE) && !readSet.status().equals(ReadSet.ARCHIVED)) {
                    throw new IllegalArgumentException("read set " + id + " is " + readSet.status()
                            + ": only an ACTIVE read set can be archived");
                }
                targets.add(readSet);
            }
        }
        List<String> archived = new ArrayList<>();
        for (ReadSet readSet : targets) {
            if (readSet.status().equals(ReadSet.ACTIVE)) {
                readSets.put(readSet.inStatus(ReadSet.ARCHIVED));
                archived.add(readSet.id());
            }
        }
        return archived;
    }

    private static SourceOutcome inProgress(String readSetId) {
        return new SourceOutcome(SourceStatus.IN_PROGRESS, ImportJob.SOURCE_IN_PROGRESS_MESSAGE, readSetId);
    }

    private static SourceOutcome finished(String readSetId) {
        return new SourceOutcome(SourceStatus.FINISHED, null, readSetId);
    }

    private static SourceOutcome failed(String readSetId, String message) {
        return new SourceOutcome(SourceStatus.FAILED, EmulatorState.fitStatusMessage(message), readSetId);
    }
}
