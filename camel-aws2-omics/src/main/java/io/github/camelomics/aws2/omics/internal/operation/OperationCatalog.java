package io.github.camelomics.aws2.omics.internal.operation;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.camelomics.aws2.omics.ClientTokenStrategy;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Operations;
import io.github.camelomics.aws2.omics.internal.job.ClientTokens;
import io.github.camelomics.aws2.omics.internal.job.ImportAttempts;
import io.github.camelomics.aws2.omics.internal.job.ImportJobStatuses;
import io.github.camelomics.aws2.omics.internal.job.ImportJobWatches;
import io.github.camelomics.aws2.omics.internal.job.ImportJobs;
import io.github.camelomics.aws2.omics.internal.job.JobStates;
import io.github.camelomics.aws2.omics.internal.job.ReadSetStorage;
import io.github.camelomics.aws2.omics.internal.operation.OperationSpec.Check;
import io.github.camelomics.aws2.omics.internal.operation.OperationSpec.Invocation;
import io.github.camelomics.aws2.omics.internal.operation.ResultHeaders.ImportJob;
import io.github.camelomics.aws2.omics.internal.request.ImportSources;
import io.github.camelomics.aws2.omics.internal.request.RequestValidator;
import io.github.camelomics.aws2.omics.internal.request.RequestValues;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.CreateMultipartReadSetUploadRequest;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataRequest;
import software.amazon.awssdk.services.omics.model.ImportReadSetFilter;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsRequest;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsResponse;
import software.amazon.awssdk.services.omics.model.ListReadSetsRequest;
import software.amazon.awssdk.services.omics.model.ListReadSetsResponse;
import software.amazon.awssdk.services.omics.model.ReadSetFilter;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import static io.github.camelomics.aws2.omics.Omics2Constants.*;

/**
 * The operations of the component, each declared in a few lines: the request's members from headers, body and
 * options, the members it needs, the call and its answer.
 */
public final class OperationCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(OperationCatalog.class);

    /**
     * Source headers besides Source1: they describe the one source that Source1 starts. (SubjectId and ReferenceArn are
     * not among them: with a body they fill in sources that name none, as nf-core sample sheets and file lists do.)
     */
    private static final List<String> SOURCE_DETAIL_HEADERS = List.of(SOURCE2, SOURCE_FILE_TYPE, SAMPLE_ID,
            GENERATED_FROM, READ_SET_NAME, READ_SET_DESCRIPTION, TAGS);

    static final OperationSpec<StartReadSetImportJobRequest> START_READ_SET_IMPORT_JOB = new OperationSpec<>(
            Omics2Operations.startReadSetImportJob, StartReadSetImportJobRequest.builder().build(),
            OperationCatalog::startFromBody,
            OperationCatalog::bindStart,
            List.of(Check.sequenceStore(StartReadSetImportJobRequest::sequenceStoreId),
                    Check.required("roleArn", StartReadSetImportJobRequest::roleArn,
                            "header " + ROLE_ARN + ", the body's roleArn or option roleArn"),
                    Check.required("sources", r -> r.hasSources() ? r.sources() : null,
                            "header " + SOURCE1 + " (with " + SOURCE_FILE_TYPE + ", " + SUBJECT_ID + ", " + SAMPLE_ID
                                                                                + ") or a body with sources"),
                    OperationCatalog::requireSourceMembers),
            OperationCatalog::start);

    static final OperationSpec<GetReadSetImportJobRequest> GET_READ_SET_IMPORT_JOB = OperationSpec.withoutBody(
            Omics2Operations.getReadSetImportJob, GetReadSetImportJobRequest.builder().build(),
            (in, body) -> body.toBuilder()
                    .sequenceStoreId(in.sequenceStoreId(body.sequenceStoreId()))
                    .id(in.text(IMPORT_JOB_ID, body.id(), null))
                    .build(),
            List.of(Check.sequenceStore(GetReadSetImportJobRequest::sequenceStoreId),
                    Check.required("id", GetReadSetImportJobRequest::id, "header " + IMPORT_JOB_ID + " or the body's id")),
            (request, call) -> {
                GetReadSetImportJobResponse job = call.client().getReadSetImportJob(request);
                if (call.options().isWaitForCompletion()) {
                    // this first look gives the creation time the watch lists by, and answers a job that has ended
                    return await(request.sequenceStoreId(), List.of(job), call,
                            ended -> settle(ImportAttempts.first(null, ended), call));
                }
                answer(call.message(), List.of(job), ImportJob::of);
                return true;
            });

    static final OperationSpec<ListReadSetImportJobsRequest> LIST_READ_SET_IMPORT_JOBS = OperationSpec.withoutBody(
            Omics2Operations.listReadSetImportJobs, ListReadSetImportJobsRequest.builder().build(),
            (in, body) -> body.toBuilder()
                    .sequenceStoreId(in.sequenceStoreId(body.sequenceStoreId()))
                    .maxResults(in.integer(MAX_RESULTS, body.maxResults()))
                    .nextToken(in.text(NEXT_TOKEN, body.nextToken(), null))
                    .filter(importJobFilter(in, body.filter()))
                    .build(),
            List.of(Check.sequenceStore(ListReadSetImportJobsRequest::sequenceStoreId)),
            Invocation.page(OmicsClient::listReadSetImportJobs, ListReadSetImportJobsResponse::nextToken));

    static final OperationSpec<GetReadSetMetadataRequest> GET_READ_SET_METADATA = OperationSpec.withoutBody(
            Omics2Operations.getReadSetMetadata, GetReadSetMetadataRequest.builder().build(),
            (in, body) -> body.toBuilder()
                    .sequenceStoreId(in.sequenceStoreId(body.sequenceStoreId()))
                    .id(in.text(READ_SET_ID, body.id(), null))
                    .build(),
            List.of(Check.sequenceStore(GetReadSetMetadataRequest::sequenceStoreId),
                    Check.required("id", GetReadSetMetadataRequest::id, "header " + READ_SET_ID + " or the body's id")),
            Invocation.respond(OmicsClient::getReadSetMetadata, (res, out) -> {
                out.setHeader(READ_SET_ID, res.id());
                out.setHeader(READ_SET_STATUS, res.statusAsString());
                out.setHeader(CREATION_TIME, res.creationTime());
                out.setHeader(SEQUENCE_STORE_ID, res.sequenceStoreId());
            }));

    static final OperationSpec<ListReadSetsRequest> LIST_READ_SETS = OperationSpec.withoutBody(
            Omics2Operations.listReadSets, ListReadSetsRequest.builder().build(),
            (in, body) -> body.toBuilder()
                    .sequenceStoreId(in.sequenceStoreId(body.sequenceStoreId()))
                    .maxResults(in.integer(MAX_RESULTS, body.maxResults()))
                    .nextToken(in.text(NEXT_TOKEN, body.nextToken(), null))
                    .filter(readSetFilter(in, body.filter()))
                    .build(),
            List.of(Check.sequenceStore(ListReadSetsRequest::sequenceStoreId)),
            Invocation.page(OmicsClient::listReadSets, ListReadSetsResponse::nextToken));

    static final OperationSpec<CreateMultipartReadSetUploadRequest> UPLOAD_READ_SET = OperationSpec.withPayload(
            Omics2Operations.uploadReadSet, CreateMultipartReadSetUploadRequest.builder().build(),
            ReadSetUploads::bind,
            List.of(Check.sequenceStore(CreateMultipartReadSetUploadRequest::sequenceStoreId),
                    Check.required("sourceFileType", CreateMultipartReadSetUploadRequest::sourceFileTypeAsString,
                            "header " + SOURCE_FILE_TYPE + " (FASTQ, BAM, CRAM or UBAM)"),
                    Check.required("subjectId", CreateMultipartReadSetUploadRequest::subjectId, "header " + SUBJECT_ID),
                    Check.required("sampleId", CreateMultipartReadSetUploadRequest::sampleId, "header " + SAMPLE_ID)),
            new OperationSpec.Payload<>(ReadSetUploads::readFiles, ReadSetUploads::upload));

    private OperationCatalog() {
    }

    public static OperationSpec<?> of(Omics2Operations operation) {
        return switch (operation) {
            case startReadSetImportJob -> START_READ_SET_IMPORT_JOB;
            case getReadSetImportJob -> GET_READ_SET_IMPORT_JOB;
            case listReadSetImportJobs -> LIST_READ_SET_IMPORT_JOBS;
            case getReadSetMetadata -> GET_READ_SET_METADATA;
            case listReadSets -> LIST_READ_SETS;
            case uploadReadSet -> UPLOAD_READ_SET;
        };
    }

    /**
     * With header Source1 the sources come from the headers and the body is not read for them (after an S3 event it
     * may be the file itself); a StartReadSetImportJobRequest body still gives the other members.
     */
    private static StartReadSetImportJobRequest startFromBody(RequestValues in) {
        if (in.has(SOURCE1)) {
            return START_READ_SET_IMPORT_JOB.emptyRequest();
        }
        List<String> stray = SOURCE_DETAIL_HEADERS.stream().filter(in::has).toList();
        if (!stray.isEmpty()) {
            in.problem("header " + SOURCE1 + ": required with " + String.join(", ", stray)
                       + " (source headers describe one source, started by its source1), got none");
        }
        // a file from a Camel file or FTP consumer: read its content the way Camel converts it
        Object body = in.body() instanceof WrappedFile<?> ? in.body(InputStream.class) : in.body();
        return ImportSources.fromBody(body, sourceDefaults(in), in.options().getMaxBodySize(), in.problems());
    }

    private static ImportSources.SourceDefaults sourceDefaults(RequestValues in) {
        String bamFileType = in.text(BAM_FILE_TYPE, null, in.options().getBamFileType());
        if (!FileType.BAM.toString().equals(bamFileType) && !FileType.UBAM.toString().equals(bamFileType)) {
            in.problem("header " + BAM_FILE_TYPE + ": expected BAM or UBAM, got '" + RequestValidator.printable(bamFileType) + "'");
            bamFileType = FileType.BAM.toString();
        }
        return new ImportSources.SourceDefaults(in.text(SUBJECT_ID),
                in.text(REFERENCE_ARN, null, in.options().getReferenceArn()), FileType.fromValue(bamFileType));
    }

    /** The body's request as is when no header or option changes it: 100 sources are not copied for nothing. */
    private static StartReadSetImportJobRequest bindStart(RequestValues in, StartReadSetImportJobRequest body) {
        String store = in.sequenceStoreId(body.sequenceStoreId());
        String role = in.text(ROLE_ARN, body.roleArn(), in.options().getRoleArn());
        String token = in.text(CLIENT_TOKEN, body.clientToken(), null);
        boolean fromHeaders = in.has(SOURCE1);
        if (!fromHeaders && Objects.equals(store, body.sequenceStoreId()) && Objects.equals(role, body.roleArn())
            && Objects.equals(token, body.clientToken())) {
            return body;
        }
        return body.toBuilder().sequenceStoreId(store).roleArn(role).clientToken(token)
                .sources(fromHeaders ? List.of(sourceFromHeaders(in)) : body.sources())
                .build();
    }

    private static StartReadSetImportJobSourceItem sourceFromHeaders(RequestValues in) {
        return StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().source1(in.text(SOURCE1)).source2(in.text(SOURCE2)).build())
                .sourceFileType(in.text(SOURCE_FILE_TYPE))
                .subjectId(in.text(SUBJECT_ID))
                .sampleId(in.text(SAMPLE_ID))
                .generatedFrom(in.text(GENERATED_FROM))
                .referenceArn(in.text(REFERENCE_ARN, null, aligned(in.text(SOURCE_FILE_TYPE)) ? in.options().getReferenceArn() : null))
                .name(in.text(READ_SET_NAME))
                .description(in.text(READ_SET_DESCRIPTION))
                .tags(in.tags(TAGS, null))
                .build();
    }

    private static boolean aligned(String fileType) {
        return FileType.BAM.toString().equals(fileType) || FileType.CRAM.toString().equals(fileType);
    }

    /** The members every source needs; the full model constraints are the validator's. */
    private static void requireSourceMembers(StartReadSetImportJobRequest request, Consumer<String> problems) {
        List<StartReadSetImportJobSourceItem> sources = request.sources();
        for (int i = 0; i < sources.size(); i++) {
            StartReadSetImportJobSourceItem s = sources.get(i);
            if (s == null) {
                problems.accept("sources[" + i + "]: required, got null");
                continue;
            }
            requireSourceMember(s.sourceFiles() == null ? null : s.sourceFiles().source1(), i, "sourceFiles.source1",
                    SOURCE1, problems);
            requireSourceMember(s.sourceFileTypeAsString(), i, "sourceFileType", SOURCE_FILE_TYPE, problems);
            requireSourceMember(s.subjectId(), i, "subjectId", SUBJECT_ID, problems);
            requireSourceMember(s.sampleId(), i, "sampleId", SAMPLE_ID, problems);
        }
    }

    /** The member's path is spelled out only for a problem: a valid source costs no string. */
    private static void requireSourceMember(String value, int source, String member, String header,
                                            Consumer<String> problems) {
        if (value == null || value.isBlank()) {
            problems.accept("sources[" + source + "]." + member + ": required, got "
                            + (value == null ? "none" : "an empty value")
                            + "; set it in the body's source, or header " + header + " for a source from headers");
        }
    }

    /** Starts the request's jobs, then waits for them or answers with what the service said of each. */
    private static boolean start(StartReadSetImportJobRequest request, Call call) {
        Omics2Configuration options = call.options();
        List<StartReadSetImportJobResponse> started = ImportJobs.start(call.client(), request,
                options.getMaxSourcesPerJob(), tokens(request, call), call.resources().startLedger());
        if (options.isWaitForCompletion()) {
            return await(request.sequenceStoreId(), started.stream().map(JobStates::of).toList(), call,
                    ended -> settle(ImportAttempts.first(request, ended), call));
        }
        answer(call.message(), started, ImportJob::of);
        return true;
    }

    /**
     * Where the tokens of the request's jobs come from. Content tokens hash the request's wire form (it has no token
     * then): the tree validation already built. The exchange's id is read only for the exchange strategy.
     */
    private static ClientTokens tokens(StartReadSetImportJobRequest request, Call call) {
        return new ClientTokens(call.options().getClientTokenStrategy(), call.message().getExchange()::getExchangeId,
                () -> call.values().wire(request));
    }

    /**
     * Once an attempt has ended: starts the sources that ended FAILED again while retries are left (retryFailedSources),
     * and waits for them; else answers with every source's latest result.
     *
     * @return true when the message is answered now
     */
    private static boolean settle(ImportAttempts attempts, Call call) {
        Omics2Configuration options = call.options();
        List<Integer> failed = attempts.failedSources();
        if (failed.isEmpty() || attempts.retries() >= options.getRetryFailedSources()) {
            answerEnded(call, attempts);
            return true;
        }
        StartReadSetImportJobRequest retry = attempts.retryRequest(failed,
                options.getClientTokenStrategy() != ClientTokenStrategy.none);
        // the retry carries its derived token, which ImportJobs uses as given (suffixed when split)
        List<StartReadSetImportJobResponse> started = ImportJobs.start(call.client(), retry,
                options.getMaxSourcesPerJob(), tokens(retry, call), call.resources().startLedger());
        LOG.info("Import job(s) {}: {} source(s) failed, started again as job(s) {} (retry {} of {}): sources {}",
                attempts.lastAttempt().stream().map(GetReadSetImportJobResponse::id).toList(), failed.size(),
                started.stream().map(StartReadSetImportJobResponse::id).toList(), attempts.retries() + 1,
                options.getRetryFailedSources(), failed);
        return await(retry.sequenceStoreId(), started.stream().map(JobStates::of).toList(), call,
                ended -> settle(attempts.retried(failed, ended), call));
    }

    /**
     * Waits until every job has ended, answers with their final state, and fails on failures when asked to. Jobs that
     * have all ended already (a job given by id, or a start the service answered with an earlier job) are answered at
     * once; otherwise they go to the watch of their store, and the message is answered when they have ended.
     *
     * @param  known the last known state of each job
     * @return       true when the message is answered now
     */
    private static boolean await(String sequenceStoreId, List<GetReadSetImportJobResponse> known, Call call,
                                 Waiting.Answer<List<GetReadSetImportJobResponse>> whenEnded) {
        if (known.stream().allMatch(job -> ImportJobStatuses.hasEnded(job.status()))) {
            return whenEnded.answer(known.stream().map(job -> job.hasSources() ? job
                    : call.client().getReadSetImportJob(b -> b.sequenceStoreId(sequenceStoreId).id(job.id()))).toList());
        }
        Omics2Configuration options = call.options();
        Waiting waiting = call.waiting().get();
        ImportJobWatches.Key watch = new ImportJobWatches.Key(call.client(), sequenceStoreId,
                Duration.ofMillis(options.getPollInterval()), waiting.timer());
        waiting.answerWhenOver(waiting.watches().await(watch, known, Duration.ofMillis(options.getWaitTimeout()),
                waiting.keepWaiting()), whenEnded);
        return false;
    }

    /** Body: the one job's answer, or every job's in the order started; headers: the merged results and read set URIs. */
    private static void answerEnded(Call call, ImportAttempts attempts) {
        List<GetReadSetImportJobResponse> jobs = attempts.jobs();
        Message message = call.message();
        message.setBody(jobs.size() == 1 ? jobs.get(0) : jobs);
        ResultHeaders.endedImport(message, attempts,
                ReadSetStorage.uris(call.client(), jobs.get(0).sequenceStoreId(), attempts.sources()));
        if (call.options().isFailOnImportFailure() && attempts.isFailure()) {
            throw attempts.failure();
        }
    }

    /** Body: the one job's answer, or the list of them in source order; headers: what they say together. */
    private static <T> void answer(Message message, List<T> jobs, Function<T, ImportJob> job) {
        message.setBody(jobs.size() == 1 ? jobs.get(0) : jobs);
        List<ImportJob> seen = new ArrayList<>(jobs.size());
        for (T answer : jobs) {
            seen.add(job.apply(answer));
        }
        ResultHeaders.importJobs(message, seen);
    }

    private static ImportReadSetFilter importJobFilter(RequestValues in, ImportReadSetFilter body) {
        ImportReadSetFilter f = body == null ? ImportReadSetFilter.builder().build() : body;
        ImportReadSetFilter filter = f.toBuilder()
                .status(in.text(FILTER_STATUS, f.statusAsString(), null))
                .createdAfter(in.instant(FILTER_CREATED_AFTER, f.createdAfter()))
                .createdBefore(in.instant(FILTER_CREATED_BEFORE, f.createdBefore()))
                .build();
        return filter.equals(ImportReadSetFilter.builder().build()) ? null : filter; // no filter: the service gets {}
    }

    private static ReadSetFilter readSetFilter(RequestValues in, ReadSetFilter body) {
        ReadSetFilter f = body == null ? ReadSetFilter.builder().build() : body;
        ReadSetFilter filter = f.toBuilder()
                .status(in.text(FILTER_STATUS, f.statusAsString(), null))
                .createdAfter(in.instant(FILTER_CREATED_AFTER, f.createdAfter()))
                .createdBefore(in.instant(FILTER_CREATED_BEFORE, f.createdBefore()))
                .creationType(in.text(FILTER_CREATION_TYPE, f.creationTypeAsString(), null))
                .name(in.text(READ_SET_NAME, f.name(), null))
                .sampleId(in.text(SAMPLE_ID, f.sampleId(), null))
                .subjectId(in.text(SUBJECT_ID, f.subjectId(), null))
                .generatedFrom(in.text(GENERATED_FROM, f.generatedFrom(), null))
                .referenceArn(in.text(REFERENCE_ARN, f.referenceArn(), null))
                .build();
        return filter.equals(ReadSetFilter.builder().build()) ? null : filter;
    }
}
