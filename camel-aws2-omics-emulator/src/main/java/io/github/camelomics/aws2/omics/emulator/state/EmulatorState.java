package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.faults.Faults;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.s3.LocalS3;
import io.github.camelomics.aws2.omics.emulator.s3.SourceCheck;
import io.github.camelomics.aws2.omics.emulator.s3.SourceInspector;
import io.github.camelomics.aws2.omics.model.ReadSetRules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The emulated service's memory: sequence stores, jobs of the three kinds (import, activation, export), read sets and
 * uploads. Every read first brings the jobs up to the clock, each transition at its own time and all kinds in time
 * order ({@link JobBook}, {@link JobTimeline}), so what a client sees is a function of the requests made and the time on
 * the clock, nothing else. All methods are synchronized: the emulator serves few requests and correctness beats
 * throughput here.
 */
public final class EmulatorState {

    /**
     * Ids are 10 digits, like the service's; the leading digit tells them apart at a glance: 4 import jobs, 5 read sets,
     * 6 uploads, 7 activation jobs, 8 export jobs.
     */
    private static final long JOB_ID_BASE = 4_000_000_000L;
    private static final long READ_SET_ID_BASE = 5_000_000_000L;
    private static final long UPLOAD_ID_BASE = 6_000_000_000L;
    private static final long ACTIVATION_JOB_ID_BASE = 7_000_000_000L;
    private static final long EXPORT_JOB_ID_BASE = 8_000_000_000L;
    /** The model's maximum length of a status message. */
    private static final int MAX_STATUS_MESSAGE = 127;

    private final Set<String> sequenceStoreIds;
    private final Clock clock;
    private final SourceInspector inspector;
    private final LocalS3 s3;
    private final String arnPrefix;
    private final String accountId;
    private final StateFile stateFile;
    private final PartFiles partFiles;
    private final ReadSetFiles readSetFiles;
    private final Faults faults;

    private final JobBook<ImportJob> imports;
    private final JobBook<ActivationJob> activations;
    private final JobBook<ExportJob> exports;
    /** Every book, in the order their transitions at the same time are made. */
    private final List<JobBook<?>> books;
    private final ReadSets readSets;
    private final ReadSetStorage storage;
    private long lastReadSetNumber;
    private long lastUploadNumber;
    /** Multipart uploads by id, oldest first; an aborted one is forgotten. */
    private final Map<String, MultipartUpload> uploads = new LinkedHashMap<>();
    /** Upload ids by sequence store and client token, for replays of CreateMultipartReadSetUpload. */
    private final Map<String, String> uploadIdsByToken = new HashMap<>();

    /**
     * @param s3        the local S3: where imports read their sources and exports write their files
     * @param partFiles where the bytes of uploaded parts are kept
     * @param stateFile where to keep the state across restarts, or {@code null} to keep it in memory only
     * @param faults    the failures armed for imports, activations and exports of given files and read sets
     */
    public EmulatorState(ServiceSettings settings, Clock clock, LocalS3 s3, SourceInspector inspector,
                         PartFiles partFiles, StateFile stateFile, Faults faults) {
        this.sequenceStoreIds = settings.sequenceStoreIds();
        this.clock = clock;
        this.s3 = s3;
        this.inspector = inspector;
        this.arnPrefix = "arn:aws:omics:" + settings.region() + ":" + settings.accountId() + ":sequenceStore/";
        this.accountId = settings.accountId();
        this.stateFile = stateFile;
        this.partFiles = partFiles;
        this.readSetFiles = new ReadSetFiles(s3.dataDir());
        this.faults = faults;
        this.readSets = new ReadSets(settings.archiveAfter());
        this.storage = new ReadSetStorage(readSets, readSetFiles, s3, faults);
        this.imports = new JobBook<>("import job", JOB_ID_BASE, settings.imports().timeline(),
                settings.imports().maxActive(), new JobBook.Lifecycle<>() {
                    @Override
                    public ImportJob begin(ImportJob job, Instant at) {
                        return job.importing();
                    }

                    @Override
                    public ImportJob finish(ImportJob job, Instant at) {
                        return finishImport(job, at);
                    }
                }, ImportJob::withoutClientToken);
        this.activations = new JobBook<>("activation job", ACTIVATION_JOB_ID_BASE, settings.activations().timeline(),
                settings.activations().maxActive(), storage.activation, ActivationJob::withoutClientToken);
        this.exports = new JobBook<>("export job", EXPORT_JOB_ID_BASE, settings.exports().timeline(),
                settings.exports().maxActive(), storage.export, ExportJob::withoutClientToken);
        this.books = List.of(imports, activations, exports);
        if (stateFile != null) {
            restore(stateFile.read());
        }
    }

    /** The result of a Start: the job, and whether this call created it or replayed it. */
    public record StartResult<J extends Job>(J job, boolean created) {
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
    public synchronized StartResult<ImportJob> startJob(String sequenceStoreId, JsonNode request) {
        requireSequenceStore(sequenceStoreId);
        refresh();
        return start(imports, sequenceStoreId, request, (id, creationTime) -> {
            List<ImportSource> sources = new ArrayList<>();
            request.path("sources").forEach(item -> sources.add(ImportSource.fromRequest(item)));
            return new ImportJob(id, sequenceStoreId, request.path("roleArn").asText(), request.path("clientToken")
                    .asText(null), creationTime, JobStatus.SUBMITTED, null, null, sources, List.of(), request.deepCopy());
        });
    }

    /**
     * Creates an activation job from a validated request (or replays one, as {@link #startJob} does). A read set that is
     * not in the store is ResourceNotFoundException; one that is not ARCHIVED when the job starts fails in the job.
     */
    public synchronized StartResult<ActivationJob> startActivationJob(String sequenceStoreId, JsonNode request) {
        requireSequenceStore(sequenceStoreId);
        refresh();
        storage.requireReadSets(sequenceStoreId, request, clock.instant());
        return start(activations, sequenceStoreId, request,
                (id, creationTime) -> storage.newActivationJob(id, sequenceStoreId, creationTime, request));
    }

    /**
     * Creates an export job from a validated request (or replays one, as {@link #startJob} does). A read set that is not
     * in the store is ResourceNotFoundException; one that is not ACTIVE when the job finishes fails in the job.
     */
    public synchronized StartResult<ExportJob> startExportJob(String sequenceStoreId, JsonNode request) {
        requireSequenceStore(sequenceStoreId);
        refresh();
        storage.requireReadSets(sequenceStoreId, request, clock.instant());
        return start(exports, sequenceStoreId, request,
                (id, creationTime) -> storage.newExportJob(id, sequenceStoreId, creationTime, request));
    }

    /** A Start the store and the request were checked for: the job of an earlier request with its token, or a new one. */
    private <J extends Job> StartResult<J> start(JobBook<J> book, String sequenceStoreId, JsonNode request,
                                                 BiFunction<String, Instant, J> create) {
        Optional<J> earlier = book.replay(sequenceStoreId, request);
        if (earlier.isPresent()) {
            return new StartResult<>(earlier.get(), false);
        }
        book.requireCapacity();
        J job = create.apply(book.nextId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        book.add(job);
        persist();
        return new StartResult<>(job, true);
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
            ImportJob job = new ImportJob(imports.nextId(), sequenceStoreId, roleArn, null,
                    creationTime.truncatedTo(ChronoUnit.MILLIS), JobStatus.SUBMITTED, null, null, List.of(source),
                    List.of(), request);
            imports.add(job);
            added.add(job);
        }
        persist();
        return added;
    }

    public synchronized Optional<ImportJob> job(String sequenceStoreId, String jobId) {
        refresh();
        return imports.get(sequenceStoreId, jobId);
    }

    /** The store's import jobs, oldest first. */
    public synchronized List<ImportJob> jobs(String sequenceStoreId) {
        refresh();
        return imports.inStore(sequenceStoreId);
    }

    /** All import jobs of all stores, oldest first. */
    public synchronized List<ImportJob> jobs() {
        refresh();
        return imports.all();
    }

    public synchronized Optional<ActivationJob> activationJob(String sequenceStoreId, String jobId) {
        refresh();
        return activations.get(sequenceStoreId, jobId);
    }

    /** The store's activation jobs, oldest first. */
    public synchronized List<ActivationJob> activationJobs(String sequenceStoreId) {
        refresh();
        return activations.inStore(sequenceStoreId);
    }

    /** All activation jobs of all stores, oldest first. */
    public synchronized List<ActivationJob> activationJobs() {
        refresh();
        return activations.all();
    }

    public synchronized Optional<ExportJob> exportJob(String sequenceStoreId, String jobId) {
        refresh();
        return exports.get(sequenceStoreId, jobId);
    }

    /** The store's export jobs, oldest first. */
    public synchronized List<ExportJob> exportJobs(String sequenceStoreId) {
        refresh();
        return exports.inStore(sequenceStoreId);
    }

    /** All export jobs of all stores, oldest first. */
    public synchronized List<ExportJob> exportJobs() {
        refresh();
        return exports.all();
    }

    /** The read set as a client sees it now (PROCESSING_UPLOAD, ARCHIVED when unread for long enough...). */
    public synchronized Optional<ReadSet> readSet(String sequenceStoreId, String readSetId) {
        refresh();
        return readSets.at(sequenceStoreId, readSetId, clock.instant());
    }

    /** The store's read sets, oldest first. */
    public synchronized List<ReadSet> readSets(String sequenceStoreId) {
        refresh();
        return readSets.inStore(sequenceStoreId, clock.instant());
    }

    /** All read sets of all stores, oldest first. */
    public synchronized List<ReadSet> readSets() {
        refresh();
        return readSets.all(clock.instant());
    }

    /**
     * Archives read sets as the service does with read sets unread for 30 days: the ACTIVE ones become ARCHIVED (those
     * archived already stay so), and an activation job is needed before they can be exported. Also
     * {@code POST /_emulator/read-sets/archive}.
     *
     * @param  readSetIds the read sets to archive, or none for every ACTIVE read set of the store
     * @return            the ids of the read sets this call archived
     * @throws IllegalArgumentException naming a read set that is not in the store or is neither ACTIVE nor ARCHIVED
     *                                  (PROCESSING_UPLOAD, UPLOAD_FAILED, ACTIVATING); nothing is archived then
     */
    public synchronized List<String> archiveReadSets(String sequenceStoreId, List<String> readSetIds) {
        requireSequenceStore(sequenceStoreId);
        refresh();
        List<String> archived = storage.archive(sequenceStoreId, readSetIds, clock.instant());
        persist();
        return archived;
    }

    /** Forgets every job, read set and upload (the configured sequence stores stay). */
    public synchronized void clear() {
        books.forEach(JobBook::clear);
        readSets.clear();
        uploads.clear();
        uploadIdsByToken.clear();
        partFiles.deleteAll();
        readSetFiles.deleteAll();
        lastReadSetNumber = 0;
        lastUploadNumber = 0;
        persist();
    }

    /**
     * Forgets every client token of every kind of job, as a service that no longer remembers them (its retention is not
     * documented): the jobs stay, and a start with a token used before creates a new job. Kept across restarts with
     * persistence.
     *
     * @return how many tokens were forgotten
     */
    public synchronized int forgetClientTokens() {
        int forgotten = books.stream().mapToInt(JobBook::forgetClientTokens).sum();
        persist();
        return forgotten;
    }

    /**
     * Brings every job up to the clock now: what any read does first. Jobs move on when the emulator is asked, so after
     * moving a clock, this puts an export's files in place without a request.
     */
    public synchronized void catchUp() {
        refresh();
    }

    public synchronized StateSnapshot snapshot() {
        refresh();
        return snapshotNow();
    }

    private StateSnapshot snapshotNow() {
        return new StateSnapshot(imports.lastNumber(), lastReadSetNumber, imports.all(), readSets.stored(),
                lastUploadNumber, List.copyOf(uploads.values()), activations.lastNumber(), activations.all(),
                exports.lastNumber(), exports.all());
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
        readSets.put(new ReadSet(id, arnPrefix + sequenceStoreId + "/readSet/" + id, sequenceStoreId,
                r.path("subjectId").asText(null), r.path("sampleId").asText(null), r.path("name").asText(null),
                r.path("description").asText(null), upload.sourceFileType(), r.path("referenceArn").asText(null),
                r.path("generatedFrom").asText(null), now, check.source1Size(), check.source2Size(),
                check.totalReadCount(), check.totalBaseCount(), null, check.etag(),
                check.importable() ? ReadSet.ACTIVE : ReadSet.UPLOAD_FAILED,
                check.importable() ? null : fitStatusMessage(check.failure()), "UPLOAD",
                now.plus(imports.timeline().importing()), null));
        if (check.importable()) {
            readSetFiles.keepParts(check.etag().algorithm(), check.etag().source1(), files.get("SOURCE1"));
            if (check.etag().source2() != null) {
                readSetFiles.keepParts(check.etag().algorithm(), check.etag().source2(), files.get("SOURCE2"));
            }
        }
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

    /**
     * Moves every unfinished job of every kind to the phase the clock says it is in, one transition at a time in the
     * order of their times, so that jobs of different kinds see each other's effects as they happened (an export that
     * finishes after an activation finds the read set ACTIVE, whenever the clock is looked at).
     */
    private void refresh() {
        Instant now = clock.instant();
        boolean changed = false;
        while (true) {
            JobBook<?> next = null;
            Instant nextTime = null;
            for (JobBook<?> book : books) {
                Instant time = book.nextTransition();
                if (time != null && !time.isAfter(now) && (nextTime == null || time.isBefore(nextTime))) {
                    next = book;
                    nextTime = time;
                }
            }
            if (next == null) {
                break;
            }
            next.advance();
            changed = true;
        }
        if (changed) {
            persist();
        }
    }

    private static String tokenKey(String sequenceStoreId, String clientToken) {
        return sequenceStoreId + '/' + clientToken;
    }

    private ImportJob finishImport(ImportJob job, Instant completionTime) {
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
        JobOutcome outcome = JobOutcome.of(outcomes, "sources", "import");
        return job.finished(outcome.status(), outcome.message(), completionTime, outcomes);
    }

    /** Makes the read set of an imported source and keeps a copy of its files (the source may change or go). */
    private ReadSet createReadSet(ImportJob job, ImportSource source, SourceCheck check, Instant creationTime) {
        String id = String.valueOf(READ_SET_ID_BASE + ++lastReadSetNumber);
        ReadSet readSet = new ReadSet(id, arnPrefix + job.sequenceStoreId() + "/readSet/" + id, job.sequenceStoreId(),
                source.subjectId(), source.sampleId(), source.name(), source.description(), source.sourceFileType(),
                source.referenceArn(), source.generatedFrom(), creationTime, check.source1Size(), check.source2Size(),
                check.totalReadCount(), check.totalBaseCount(), job.id(), check.etag(), ReadSet.ACTIVE, null, "IMPORT",
                null, null);
        readSets.put(readSet);
        readSetFiles.keepCopy(check.etag().algorithm(), check.etag().source1(), s3.resolve(source.source1()));
        if (source.source2() != null) {
            readSetFiles.keepCopy(check.etag().algorithm(), check.etag().source2(), s3.resolve(source.source2()));
        }
        return readSet;
    }

    /** A status message cut to the model's 127 characters. */
    static String fitStatusMessage(String message) {
        return message.length() <= MAX_STATUS_MESSAGE ? message : message.substring(0, MAX_STATUS_MESSAGE - 3) + "...";
    }

    private void restore(StateSnapshot snapshot) {
        imports.restore(snapshot.lastJobNumber(), snapshot.jobs());
        activations.restore(snapshot.lastActivationJobNumber(), snapshot.activationJobs());
        exports.restore(snapshot.lastExportJobNumber(), snapshot.exportJobs());
        lastReadSetNumber = snapshot.lastReadSetNumber();
        snapshot.readSets().forEach(readSets::put);
        lastUploadNumber = snapshot.lastUploadNumber();
        snapshot.uploads().forEach(this::addUpload);
    }

    private void persist() {
        if (stateFile != null) {
            stateFile.write(snapshotNow());
        }
    }
}
