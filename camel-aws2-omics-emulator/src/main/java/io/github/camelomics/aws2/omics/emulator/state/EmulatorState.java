package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.faults.Faults;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.s3.SourceCheck;
import io.github.camelomics.aws2.omics.emulator.s3.SourceInspector;
import io.github.camelomics.aws2.omics.model.ReadSetRules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulated service's memory: sequence stores, import jobs and read sets. Every read first
 * brings the jobs up to the clock ({@link JobTimeline}), so what a client sees is a function of
 * the requests made and the time on the clock, nothing else. All methods are synchronized: the
 * emulator serves few requests and correctness beats throughput here.
 */
public final class EmulatorState {

    /** Job ids are 10 digits, like the service's; the leading 4 and 5 keep jobs and read sets apart at a glance. */
    private static final long JOB_ID_BASE = 4_000_000_000L;
    private static final long READ_SET_ID_BASE = 5_000_000_000L;
    private static final long UPLOAD_ID_BASE = 6_000_000_000L;
    /** The model's maximum length of a status message. */
    private static final int MAX_STATUS_MESSAGE = 127;

    private final Set<String> sequenceStoreIds;
    private final Clock clock;
    private final JobTimeline timeline;
    private final SourceInspector inspector;
    private final String arnPrefix;
    private final String accountId;
    private final int maxActiveJobs;
    private final StateFile stateFile;
    private final PartFiles partFiles;
    private final Faults faults;

    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();
    /**
     * Unfinished jobs by phase, oldest first. A job's phase follows from its creation time alone, so the oldest job of
     * a phase is always the next to leave it: bringing jobs up to the clock looks only at the heads, and a start costs
     * the same with ten thousand jobs as with ten.
     */
    private final Deque<String> submitted = new ArrayDeque<>();
    private final Deque<String> importing = new ArrayDeque<>();
    /** Job ids by sequence store and client token, for replays. */
    private final Map<String, String> jobIdsByToken = new HashMap<>();
    private final Map<String, ReadSet> readSets = new LinkedHashMap<>();
    private long lastJobNumber;
    private long lastReadSetNumber;
    private long lastUploadNumber;
    /** Multipart uploads by id, oldest first; an aborted one is forgotten. */
    private final Map<String, MultipartUpload> uploads = new LinkedHashMap<>();
    /** Upload ids by sequence store and client token, for replays of CreateMultipartReadSetUpload. */
    private final Map<String, String> uploadIdsByToken = new HashMap<>();

    /**
     * @param stateFile where to keep the state across restarts, or {@code null} to keep it in memory only
     * @param partFiles where the bytes of uploaded parts are kept
     * @param faults    the import failures armed for given source files
     */
    public EmulatorState(Set<String> sequenceStoreIds, Clock clock, JobTimeline timeline, SourceInspector inspector,
                         String region, String accountId, int maxActiveJobs, StateFile stateFile, PartFiles partFiles,
                         Faults faults) {
        this.sequenceStoreIds = Collections.unmodifiableSet(new LinkedHashSet<>(sequenceStoreIds));
        this.clock = clock;
        this.timeline = timeline;
        this.inspector = inspector;
        this.arnPrefix = "arn:aws:omics:" + region + ":" + accountId + ":sequenceStore/";
        this.accountId = accountId;
        this.maxActiveJobs = maxActiveJobs;
        this.stateFile = stateFile;
        this.partFiles = partFiles;
        this.faults = faults;
        if (stateFile != null) {
            restore(stateFile.read());
        }
    }

    /** The result of a StartReadSetImportJob: the job, and whether this call created it or replayed it. */
    public record StartResult(ImportJob job, boolean created) {
    }

    public Set<String> sequenceStoreIds() {
        return sequenceStoreIds;
    }

    /** Fails with ResourceNotFoundException unless the store was configured at start. */
    public void requireSequenceStore(String sequenceStoreId) {
        if (!sequenceStoreIds.contains(sequenceStoreId)) {
            throw new ApiException(ErrorShape.RESOURCE_NOT_FOUND, "Sequence store " + sequenceStoreId + " not found");
        }
    }

    /**
     * Creates an import job from a validated request, or returns the job an earlier request with the
     * same clientToken created. A clientToken reused for a different request is a ValidationException
     * (ConflictException is not among this operation's modeled errors).
     */
    public synchronized StartResult startJob(String sequenceStoreId, JsonNode request) {
        requireSequenceStore(sequenceStoreId);
        refresh();
        String clientToken = request.path("clientToken").asText(null);
        if (clientToken != null) {
            Optional<ImportJob> earlier = Optional.ofNullable(jobIdsByToken.get(tokenKey(sequenceStoreId, clientToken)))
                    .map(jobs::get);
            if (earlier.isPresent()) {
                if (earlier.get().request().equals(request)) {
                    return new StartResult(earlier.get(), false);
                }
                throw new ApiException(ErrorShape.VALIDATION, "clientToken '" + clientToken
                        + "' was already used for import job " + earlier.get().id() + " with a different request");
            }
        }
        long active = submitted.size() + importing.size();
        if (active >= maxActiveJobs) {
            throw new ApiException(ErrorShape.SERVICE_QUOTA_EXCEEDED, "Maximum number of active read set import jobs ("
                    + maxActiveJobs + ") reached; wait for a job to finish");
        }
        List<ImportSource> sources = new ArrayList<>();
        request.path("sources").forEach(item -> sources.add(ImportSource.fromRequest(item)));
        String id = String.valueOf(JOB_ID_BASE + ++lastJobNumber);
        ImportJob job = new ImportJob(id, sequenceStoreId, request.path("roleArn").asText(), clientToken,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), JobStatus.SUBMITTED, null, null, sources, List.of(),
                request.deepCopy());
        add(job);
        persist();
        return new StartResult(job, true);
    }

    /**
     * Adds one job per creation time, as if each had been started then with this one source: no client token and no
     * check of the active-jobs quota. A store with a year of history is one call instead of thousands of requests, for
     * tests of what listing it costs. The jobs move on with the clock like any other: those whose timeline has passed
     * are finished at the next read (FAILED when the source is not in the local S3).
     *
     * @param  creationTimes any order; they are added oldest first
     * @return               the new jobs, oldest first
     */
    public synchronized List<ImportJob> addJobs(String sequenceStoreId, ImportSource source, List<Instant> creationTimes) {
        requireSequenceStore(sequenceStoreId);
        String roleArn = "arn:aws:iam::" + accountId + ":role/OmicsImport";
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("roleArn", roleArn);
        List<ImportJob> added = new ArrayList<>(creationTimes.size());
        for (Instant creationTime : creationTimes.stream().sorted().toList()) {
            ImportJob job = new ImportJob(String.valueOf(JOB_ID_BASE + ++lastJobNumber), sequenceStoreId, roleArn, null,
                    creationTime.truncatedTo(ChronoUnit.MILLIS), JobStatus.SUBMITTED, null, null, List.of(source),
                    List.of(), request);
            add(job);
            added.add(job);
        }
        persist();
        return added;
    }

    public synchronized Optional<ImportJob> job(String sequenceStoreId, String jobId) {
        refresh();
        return Optional.ofNullable(jobs.get(jobId)).filter(j -> j.sequenceStoreId().equals(sequenceStoreId));
    }

    /** The store's jobs, oldest first. */
    public synchronized List<ImportJob> jobs(String sequenceStoreId) {
        refresh();
        return jobs.values().stream().filter(j -> j.sequenceStoreId().equals(sequenceStoreId)).toList();
    }

    /** All jobs of all stores, oldest first. */
    public synchronized List<ImportJob> jobs() {
        refresh();
        return List.copyOf(jobs.values());
    }

    public synchronized Optional<ReadSet> readSet(String sequenceStoreId, String readSetId) {
        refresh();
        return Optional.ofNullable(readSets.get(readSetId)).filter(r -> r.sequenceStoreId().equals(sequenceStoreId))
                .map(r -> r.asOf(clock.instant()));
    }

    /** The store's read sets, oldest first. */
    public synchronized List<ReadSet> readSets(String sequenceStoreId) {
        refresh();
        Instant now = clock.instant();
        return readSets.values().stream().filter(r -> r.sequenceStoreId().equals(sequenceStoreId))
                .map(r -> r.asOf(now)).toList();
    }

    /** All read sets of all stores, oldest first. */
    public synchronized List<ReadSet> readSets() {
        refresh();
        Instant now = clock.instant();
        return readSets.values().stream().map(r -> r.asOf(now)).toList();
    }

    /** Forgets every job and read set (the configured sequence stores stay). */
    public synchronized void clear() {
        jobs.clear();
        submitted.clear();
        importing.clear();
        jobIdsByToken.clear();
        readSets.clear();
        uploads.clear();
        uploadIdsByToken.clear();
        partFiles.deleteAll();
        lastJobNumber = 0;
        lastReadSetNumber = 0;
        lastUploadNumber = 0;
        persist();
    }

    /**
     * Forgets every client token, as a service that no longer remembers them (its retention is not documented): the
     * jobs stay, and a start with a token used before creates a new job. Kept across restarts with persistence.
     *
     * @return how many tokens were forgotten
     */
    public synchronized int forgetClientTokens() {
        int forgotten = jobIdsByToken.size();
        jobIdsByToken.clear();
        jobs.replaceAll((id, job) -> job.clientToken() == null ? job : job.withoutClientToken());
        persist();
        return forgotten;
    }

    public synchronized StateSnapshot snapshot() {
        refresh();
        return snapshotNow();
    }

    private StateSnapshot snapshotNow() {
        return new StateSnapshot(lastJobNumber, lastReadSetNumber, List.copyOf(jobs.values()),
                List.copyOf(readSets.values()), lastUploadNumber, List.copyOf(uploads.values()));
    }

    /**
     * Creates a multipart upload from a validated CreateMultipartReadSetUpload input, or returns the upload an earlier
     * request with the same clientToken created (the same token with another request is a ValidationException, as for
     * import jobs).
     */
    public synchronized MultipartUpload createUpload(String sequenceStoreId, JsonNode request) {
        requireSequenceStore(sequenceStoreId);
        String clientToken = request.path("clientToken").asText(null);
        if (clientToken != null) {
            MultipartUpload earlier = Optional.ofNullable(uploadIdsByToken.get(tokenKey(sequenceStoreId, clientToken)))
                    .map(uploads::get).orElse(null);
            if (earlier != null) {
                if (earlier.request().equals(request)) {
                    return earlier;
                }
                throw new ApiException(ErrorShape.VALIDATION, "clientToken '" + clientToken
                        + "' was already used for upload " + earlier.uploadId() + " with a different request");
            }
        }
        String id = String.valueOf(UPLOAD_ID_BASE + ++lastUploadNumber);
        MultipartUpload upload = new MultipartUpload(id, sequenceStoreId, request.deepCopy(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), List.of(), null, null);
        addUpload(upload);
        persist();
        return upload;
    }

    /**
     * Keeps a received part, replacing an earlier one of the same source and number.
     *
     * @param  received the part's bytes as they arrived; moved into place
     * @return          the part as kept, with its checksum
     */
    public synchronized UploadedPart uploadPart(String sequenceStoreId, String uploadId, String partSource,
                                                int partNumber, Path received, long size, String sha256Hex) {
        MultipartUpload upload = openUpload(sequenceStoreId, uploadId);
        if (partSource.equals("SOURCE2") && !ReadSetRules.allowsSecondFile(upload.sourceFileType())) {
            throw new ApiException(ErrorShape.VALIDATION, "partSource SOURCE2 is only allowed for an upload of a "
                    + "paired FASTQ, not of " + upload.sourceFileType());
        }
        if (size > ReadSetRules.MAX_PART_SIZE) {
            throw new ApiException(ErrorShape.VALIDATION, "Part " + partNumber + " is " + size
                    + " bytes; a part must be at most " + ReadSetRules.MAX_PART_SIZE + " bytes (100 MiB)");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant created = upload.parts(partSource).stream().filter(p -> p.partNumber() == partNumber)
                .map(UploadedPart::creationTime).findFirst().orElse(now);
        partFiles.store(received, uploadId, partSource, partNumber);
        UploadedPart part = new UploadedPart(partSource, partNumber, size, sha256Hex, created, now);
        uploads.put(uploadId, upload.withPart(part));
        persist();
        return part;
    }

    /**
     * Makes the read set of an upload from the parts the request lists, each with the checksum its upload answered.
     * The read set is PROCESSING_UPLOAD for the import duration, then ACTIVE, or UPLOAD_FAILED when its files are not
     * valid. Completing an upload again with the same parts answers the same read set (as S3 answers a repeated
     * CompleteMultipartUpload), so a client whose first answer was lost makes no second read set.
     */
    public synchronized String completeUpload(String sequenceStoreId, String uploadId, JsonNode listedParts) {
        MultipartUpload upload = upload(sequenceStoreId, uploadId);
        if (upload.completed()) {
            if (upload.completedParts().equals(listedParts)) {
                return upload.readSetId();
            }
            throw new ApiException(ErrorShape.VALIDATION, "Upload " + uploadId + " was already completed as read set "
                    + upload.readSetId() + " with other parts");
        }
        List<String> problems = new ArrayList<>();
        Map<String, List<Path>> files = new HashMap<>();
        Map<String, Integer> expectedNext = new HashMap<>();
        for (int i = 0; i < listedParts.size(); i++) {
            JsonNode listed = listedParts.get(i);
            String source = listed.path("partSource").asText();
            int number = listed.path("partNumber").asInt();
            int expected = expectedNext.getOrDefault(source, 1);
            Optional<UploadedPart> part = upload.parts(source).stream().filter(p -> p.partNumber() == number).findFirst();
            if (number != expected) {
                problems.add("parts[" + i + "]: expected " + source + " part " + expected + " (each source's parts in "
                        + "order, from 1, without gaps or repeats), got part " + number);
            } else if (part.isEmpty()) {
                problems.add("parts[" + i + "]: " + source + " part " + number + " was not uploaded");
            } else if (!part.get().checksum().equals(listed.path("checksum").asText())) {
                problems.add("parts[" + i + "].checksum: does not match " + part.get().describe() + " as uploaded");
            }
            expectedNext.put(source, Math.max(expected, number + 1));
            files.computeIfAbsent(source, s -> new ArrayList<>()).add(partFiles.part(uploadId, source, number));
        }
        if (!files.containsKey("SOURCE1")) {
            problems.add("parts: at least SOURCE1 part 1 is needed, got " + (listedParts.isEmpty() ? "no parts"
                    : "only SOURCE2 parts"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorShape.VALIDATION, String.join("; ", problems));
        }
        SourceCheck check = inspector.inspectUpload(uploadId, upload.sourceFileType(), files.get("SOURCE1"),
                files.getOrDefault("SOURCE2", List.of()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JsonNode r = upload.request();
        String id = String.valueOf(READ_SET_ID_BASE + ++lastReadSetNumber);
        readSets.put(id, new ReadSet(id, arnPrefix + sequenceStoreId + "/readSet/" + id, sequenceStoreId,
                r.path("subjectId").asText(null), r.path("sampleId").asText(null), r.path("name").asText(null),
                r.path("description").asText(null), upload.sourceFileType(), r.path("referenceArn").asText(null),
                r.path("generatedFrom").asText(null), now, check.source1Size(), check.source2Size(),
                check.totalReadCount(), check.totalBaseCount(), null, check.etag(),
                check.importable() ? ReadSet.ACTIVE : ReadSet.UPLOAD_FAILED,
                check.importable() ? null : fitStatusMessage(check.failure()), "UPLOAD",
                now.plus(timeline.importing())));
        uploads.put(uploadId, upload.completedAs(id, listedParts.deepCopy()));
        persist();
        return id;
    }

    /** Forgets an upload that has not been completed, and its parts. */
    public synchronized void abortUpload(String sequenceStoreId, String uploadId) {
        MultipartUpload upload = openUpload(sequenceStoreId, uploadId);
        uploads.remove(uploadId);
        if (upload.clientToken() != null) {
            uploadIdsByToken.remove(tokenKey(sequenceStoreId, upload.clientToken()));
        }
        partFiles.deleteUpload(uploadId);
        persist();
    }

    /** The store's uploads still taking parts, oldest first (ListMultipartReadSetUploads). */
    public synchronized List<MultipartUpload> openUploads(String sequenceStoreId) {
        requireSequenceStore(sequenceStoreId);
        return uploads.values().stream().filter(u -> u.sequenceStoreId().equals(sequenceStoreId) && !u.completed())
                .toList();
    }

    /** Every upload of every store, completed ones included, oldest first. */
    public synchronized List<MultipartUpload> uploads() {
        return List.copyOf(uploads.values());
    }

    /** An upload of the store, completed or not: an unknown (or aborted) one is ResourceNotFoundException. */
    public synchronized MultipartUpload upload(String sequenceStoreId, String uploadId) {
        requireSequenceStore(sequenceStoreId);
        MultipartUpload upload = uploads.get(uploadId);
        if (upload == null || !upload.sequenceStoreId().equals(sequenceStoreId)) {
            throw new ApiException(ErrorShape.RESOURCE_NOT_FOUND, "Upload " + uploadId + " not found in sequence store "
                    + sequenceStoreId);
        }
        return upload;
    }

    private MultipartUpload openUpload(String sequenceStoreId, String uploadId) {
        MultipartUpload upload = upload(sequenceStoreId, uploadId);
        if (upload.completed()) {
            throw new ApiException(ErrorShape.VALIDATION, "Upload " + uploadId + " was already completed as read set "
                    + upload.readSetId());
        }
        return upload;
    }

    private void addUpload(MultipartUpload upload) {
        uploads.put(upload.uploadId(), upload);
        if (upload.clientToken() != null) {
            uploadIdsByToken.putIfAbsent(tokenKey(upload.sequenceStoreId(), upload.clientToken()), upload.uploadId());
        }
    }

    /** Moves every unfinished job to the phase the clock says it is in, finishing those that are due. */
    private void refresh() {
        Instant now = clock.instant();
        boolean changed = false;
        while (!importing.isEmpty()) {
            ImportJob job = jobs.get(importing.peekFirst());
            if (!timeline.phaseAt(job.creationTime(), now).terminal()) {
                break;
            }
            importing.pollFirst();
            jobs.put(job.id(), finish(job));
            changed = true;
        }
        while (!submitted.isEmpty()) {
            ImportJob job = jobs.get(submitted.peekFirst());
            JobStatus phase = timeline.phaseAt(job.creationTime(), now);
            if (phase == JobStatus.SUBMITTED) {
                break;
            }
            submitted.pollFirst();
            if (phase.terminal()) {
                jobs.put(job.id(), finish(job));
            } else {
                jobs.put(job.id(), job.importing());
                enqueue(importing, job);
            }
            changed = true;
        }
        if (changed) {
            persist();
        }
    }

    /** Keeps a job, new or restored, with its place in the phase queues and its token. */
    private void add(ImportJob job) {
        jobs.put(job.id(), job);
        if (job.status() == JobStatus.SUBMITTED) {
            enqueue(submitted, job);
        } else if (job.status() == JobStatus.IN_PROGRESS) {
            enqueue(importing, job);
        }
        if (job.clientToken() != null) {
            jobIdsByToken.putIfAbsent(tokenKey(job.sequenceStoreId(), job.clientToken()), job.id());
        }
    }

    /**
     * Keeps a phase queue oldest first. Jobs arrive in creation order unless a settable clock was set back; then the
     * queue is sorted again (rare, and only then does a start cost a sort).
     */
    private void enqueue(Deque<String> queue, ImportJob job) {
        String youngest = queue.peekLast();
        queue.addLast(job.id());
        if (youngest != null && jobs.get(youngest).creationTime().isAfter(job.creationTime())) {
            List<String> ordered = new ArrayList<>(queue);
            ordered.sort(Comparator.comparing((String id) -> jobs.get(id).creationTime()));
            queue.clear();
            queue.addAll(ordered);
        }
    }

    private static String tokenKey(String sequenceStoreId, String clientToken) {
        return sequenceStoreId + '/' + clientToken;
    }

    private ImportJob finish(ImportJob job) {
        Instant completionTime = timeline.completionTime(job.creationTime());
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (ImportSource source : job.sources()) {
            Optional<String> injected = faults.takeImportFailure(source.source1(), source.source2());
            SourceCheck check = injected.isPresent() ? SourceCheck.failed(injected.get()) : inspector.inspect(source);
            if (check.importable()) {
                ReadSet readSet = createReadSet(job, source, check, completionTime);
                outcomes.add(new SourceOutcome(SourceStatus.FINISHED, null, readSet.id()));
            } else {
                outcomes.add(new SourceOutcome(SourceStatus.FAILED, fitStatusMessage(check.failure()), null));
            }
        }
        long failed = outcomes.stream().filter(o -> o.status() == SourceStatus.FAILED).count();
        if (failed == 0) {
            return job.finished(JobStatus.COMPLETED, null, completionTime, outcomes);
        }
        if (failed == outcomes.size()) {
            return job.finished(JobStatus.FAILED, "All " + failed + " sources failed to import", completionTime, outcomes);
        }
        return job.finished(JobStatus.COMPLETED_WITH_FAILURES,
                failed + " of " + outcomes.size() + " sources failed to import", completionTime, outcomes);
    }

    private ReadSet createReadSet(ImportJob job, ImportSource source, SourceCheck check, Instant creationTime) {
        String id = String.valueOf(READ_SET_ID_BASE + ++lastReadSetNumber);
        ReadSet readSet = new ReadSet(id, arnPrefix + job.sequenceStoreId() + "/readSet/" + id, job.sequenceStoreId(),
                source.subjectId(), source.sampleId(), source.name(), source.description(), source.sourceFileType(),
                source.referenceArn(), source.generatedFrom(), creationTime, check.source1Size(), check.source2Size(),
                check.totalReadCount(), check.totalBaseCount(), job.id(), check.etag(), ReadSet.ACTIVE, null, "IMPORT",
                null);
        readSets.put(id, readSet);
        return readSet;
    }

    private static String fitStatusMessage(String message) {
        return message.length() <= MAX_STATUS_MESSAGE ? message : message.substring(0, MAX_STATUS_MESSAGE - 3) + "...";
    }

    private void restore(StateSnapshot snapshot) {
        lastJobNumber = snapshot.lastJobNumber();
        lastReadSetNumber = snapshot.lastReadSetNumber();
        snapshot.jobs().forEach(this::add); // oldest first, as they were started
        snapshot.readSets().forEach(r -> readSets.put(r.id(), r));
        lastUploadNumber = snapshot.lastUploadNumber();
        snapshot.uploads().forEach(this::addUpload);
    }

    private void persist() {
        if (stateFile != null) {
            stateFile.write(snapshotNow());
        }
    }
}
