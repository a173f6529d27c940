package io.github.camelomics.aws2.omics.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.model.Json;
import io.github.camelomics.aws2.omics.emulator.state.ActivationJob;
import io.github.camelomics.aws2.omics.emulator.state.ExportJob;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.emulator.state.ImportSource;
import io.github.camelomics.aws2.omics.emulator.state.Job;
import io.github.camelomics.aws2.omics.emulator.state.MultipartUpload;
import io.github.camelomics.aws2.omics.emulator.state.UploadedPart;
import io.github.camelomics.aws2.omics.emulator.state.ReadSet;
import io.github.camelomics.aws2.omics.emulator.state.ReadSetJob;
import io.github.camelomics.aws2.omics.emulator.state.SourceOutcome;
import io.github.camelomics.aws2.omics.model.ReadSetRules;

import java.time.Instant;

/**
 * Renders jobs (import, activation, export), read sets and uploads as the service's response shapes, member names as
 * in the model. Absent optional members are left out, as the service does.
 */
final class Views {

    /** The service stores files in parts of 100 MiB, the largest part an upload takes. */
    static final long PART_SIZE = ReadSetRules.MAX_PART_SIZE;

    private final ObjectMapper mapper;

    Views(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code StartReadSetImportJobResponse}: the job as it is now (a replayed start may find it further on). */
    ObjectNode startedJob(ImportJob job) {
        return started(job).put("roleArn", job.roleArn());
    }

    /** {@code ImportReadSetJobItem}: the start response plus the completion time. */
    ObjectNode jobSummary(ImportJob job) {
        return summary(startedJob(job), job);
    }

    /** {@code GetReadSetImportJobResponse}. */
    ObjectNode job(ImportJob job) {
        ObjectNode node = jobSummary(job);
        putText(node, "statusMessage", job.statusMessage());
        var sources = node.putArray("sources");
        for (int i = 0; i < job.sources().size(); i++) {
            sources.add(source(job.sources().get(i), job.sourceOutcome(i)));
        }
        return node;
    }

    /** {@code StartReadSetActivationJobResponse}. */
    ObjectNode startedActivationJob(ActivationJob job) {
        return started(job);
    }

    /** {@code ActivateReadSetJobItem}: the start response plus the completion time. */
    ObjectNode activationJobSummary(ActivationJob job) {
        return summary(startedActivationJob(job), job);
    }

    /** {@code GetReadSetActivationJobResponse}: the summary, the status message and each read set's status. */
    ObjectNode activationJob(ActivationJob job) {
        return withItems(activationJobSummary(job), job, "sources", "readSetId");
    }

    /** {@code StartReadSetExportJobResponse}. */
    ObjectNode startedExportJob(ExportJob job) {
        return started(job).put("destination", job.destination());
    }

    /** {@code ExportReadSetJobDetail}: the start response plus the completion time. */
    ObjectNode exportJobSummary(ExportJob job) {
        return summary(startedExportJob(job), job);
    }

    /** {@code GetReadSetExportJobResponse}: the summary, the status message and each read set's status. */
    ObjectNode exportJob(ExportJob job) {
        return withItems(exportJobSummary(job), job, "readSets", "id");
    }

    /** What every Start answers: the job's id, store, status and creation time. */
    private ObjectNode started(Job job) {
        return mapper.createObjectNode()
                .put("id", job.id())
                .put("sequenceStoreId", job.sequenceStoreId())
                .put("status", job.status().name())
                .put("creationTime", Json.timestamp(job.creationTime()));
    }

    private static ObjectNode summary(ObjectNode started, Job job) {
        putTime(started, "completionTime", job.completionTime());
        return started;
    }

    /**
     * @param member   the response member of the items ({@code sources}, {@code readSets})
     * @param idMember the item's member naming its read set ({@code readSetId}, {@code id})
     */
    private static ObjectNode withItems(ObjectNode summary, ReadSetJob job, String member, String idMember) {
        putText(summary, "statusMessage", job.statusMessage());
        ArrayNode array = summary.putArray(member);
        for (SourceOutcome item : job.items()) {
            ObjectNode node = array.addObject().put(idMember, item.readSetId()).put("status", item.status().name());
            putText(node, "statusMessage", item.statusMessage());
        }
        return summary;
    }

    /**
     * {@code ImportReadSetSourceItem}. Like the service, it shows {@code "source2": ""} when there is no
     * second file and adds the system tags {@code aws:omics:sampleId} and {@code aws:omics:subjectId}.
     */
    private ObjectNode source(ImportSource source, SourceOutcome outcome) {
        ObjectNode node = mapper.createObjectNode();
        node.putObject("sourceFiles")
                .put("source1", source.source1())
                .put("source2", source.source2() == null ? "" : source.source2());
        node.put("sourceFileType", source.sourceFileType())
                .put("status", outcome.status().name());
        putText(node, "statusMessage", outcome.statusMessage());
        node.put("subjectId", source.subjectId()).put("sampleId", source.sampleId());
        putText(node, "generatedFrom", source.generatedFrom());
        putText(node, "referenceArn", source.referenceArn());
        putText(node, "name", source.name());
        putText(node, "description", source.description());
        ObjectNode tags = node.putObject("tags");
        source.tags().forEach(tags::put);
        tags.put("aws:omics:sampleId", source.sampleId());
        tags.put("aws:omics:subjectId", source.subjectId());
        putText(node, "readSetId", outcome.readSetId());
        return node;
    }

    /** {@code ReadSetListItem}: sequence information with the alignment, and the ETag. */
    ObjectNode readSetSummary(ReadSet readSet) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", readSet.id())
                .put("arn", readSet.arn())
                .put("sequenceStoreId", readSet.sequenceStoreId());
        putText(node, "subjectId", readSet.subjectId());
        putText(node, "sampleId", readSet.sampleId());
        node.put("status", readSet.status());
        putText(node, "statusMessage", readSet.statusMessage());
        putText(node, "name", readSet.name());
        putText(node, "description", readSet.description());
        putText(node, "referenceArn", readSet.referenceArn());
        node.put("fileType", readSet.fileType());
        ObjectNode sequence = node.putObject("sequenceInformation");
        if (readSet.totalReadCount() != null) {
            sequence.put("totalReadCount", readSet.totalReadCount()).put("totalBaseCount", readSet.totalBaseCount());
        }
        putText(sequence, "generatedFrom", readSet.generatedFrom());
        sequence.put("alignment", readSet.alignment());
        node.put("creationTime", Json.timestamp(readSet.creationTime()));
        node.put("creationType", readSet.creationType());
        if (readSet.etag() != null) {
            ObjectNode etag = node.putObject("etag").put("algorithm", readSet.etag().algorithm())
                    .put("source1", readSet.etag().source1());
            putText(etag, "source2", readSet.etag().source2());
        }
        return node;
    }

    /** {@code GetReadSetMetadataResponse}: the summary plus the files and the job that made the read set. */
    ObjectNode readSet(ReadSet readSet) {
        ObjectNode node = readSetSummary(readSet);
        ObjectNode files = node.putObject("files");
        putFile(files, "source1", readSet.source1Size());
        if (readSet.source2Size() != null) {
            putFile(files, "source2", readSet.source2Size());
        }
        putText(node, "creationJobId", readSet.creationJobId());
        return node;
    }

    /** {@code CreateMultipartReadSetUploadResponse} and {@code MultipartReadSetUploadListItem}: the read set to be. */
    ObjectNode upload(MultipartUpload upload) {
        JsonNode r = upload.request();
        ObjectNode node = mapper.createObjectNode()
                .put("sequenceStoreId", upload.sequenceStoreId())
                .put("uploadId", upload.uploadId())
                .put("sourceFileType", upload.sourceFileType());
        for (String member : new String[] {"subjectId", "sampleId", "generatedFrom", "referenceArn", "name",
                "description"}) {
            putText(node, member, r.path(member).asText(null));
        }
        if (r.has("tags")) {
            node.set("tags", r.path("tags").deepCopy());
        }
        node.put("creationTime", Json.timestamp(upload.creationTime()));
        return node;
    }

    /** {@code ReadSetUploadPartListItem}. */
    ObjectNode part(UploadedPart part) {
        return mapper.createObjectNode()
                .put("partNumber", part.partNumber())
                .put("partSize", part.partSize())
                .put("partSource", part.partSource())
                .put("checksum", part.checksum())
                .put("creationTime", Json.timestamp(part.creationTime()))
                .put("lastUpdatedTime", Json.timestamp(part.lastUpdatedTime()));
    }

    /** {@code FileInformation}: the file in parts of {@link #PART_SIZE} (one part at least). */
    private static void putFile(ObjectNode files, String member, long size) {
        long parts = Math.max(1, (size + PART_SIZE - 1) / PART_SIZE);
        files.putObject(member).put("totalParts", parts).put("partSize", PART_SIZE).put("contentLength", size);
    }

    private static void putText(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    private static void putTime(ObjectNode node, String member, Instant value) {
        if (value != null) {
            node.put(member, Json.timestamp(value));
        }
    }
}
