package io.github.camelomics.aws2.omics.operation;

import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

import io.github.camelomics.aws2.omics.Omics2Operations;
import io.github.camelomics.aws2.omics.job.ImportJobs;
import io.github.camelomics.aws2.omics.operation.OperationSpec.Check;
import io.github.camelomics.aws2.omics.operation.OperationSpec.Invocation;
import io.github.camelomics.aws2.omics.request.ImportSources;
import org.apache.camel.WrappedFile;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataRequest;
import software.amazon.awssdk.services.omics.model.ImportReadSetFilter;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsRequest;
import software.amazon.awssdk.services.omics.model.ListReadSetsRequest;
import software.amazon.awssdk.services.omics.model.ReadSetFilter;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import static io.github.camelomics.aws2.omics.Omics2Constants.*;

/**
 * The operations of the component, each declared in a few lines: headers and options over the body's request, the
 * required members, the call and the result headers.
 */
public final class OmicsOperations {

    private static final String STORE_HOW = "header " + SEQUENCE_STORE_ID + ", the body's sequenceStoreId or option sequenceStoreId";
    private static final Check<StartReadSetImportJobRequest> START_STORE
            = Check.required("sequenceStoreId", StartReadSetImportJobRequest::sequenceStoreId, STORE_HOW);

    /**
     * Source headers besides Source1: they describe the one source that Source1 starts. (SubjectId is not among them:
     * with a body it fills in sources that name no subject, as nf-core sample sheets do.)
     */
    private static final List<String> SOURCE_DETAIL_HEADERS = List.of(SOURCE2, SOURCE_FILE_TYPE, SAMPLE_ID,
            GENERATED_FROM, REFERENCE_ARN, READ_SET_NAME, READ_SET_DESCRIPTION, TAGS);

    static final OperationSpec<StartReadSetImportJobRequest> START_READ_SET_IMPORT_JOB
            = new OperationSpec<>(
                    Omics2Operations.startReadSetImportJob, StartReadSetImportJobRequest.class,
                    StartReadSetImportJobRequest.builder().build(),
                    OmicsOperations::startFromBody,
                    (in, body) -> body.toBuilder()
                            .sequenceStoreId(in.text(SEQUENCE_STORE_ID, body.sequenceStoreId(), in.options().getSequenceStoreId()))
                            .roleArn(in.text(ROLE_ARN, body.roleArn(), in.options().getRoleArn()))
                            .clientToken(in.text(CLIENT_TOKEN, body.clientToken(), null))
                            .sources(in.has(SOURCE1) ? List.of(sourceFromHeaders(in)) : body.sources())
                            .build(),
                    List.of(START_STORE,
                            Check.required("roleArn", StartReadSetImportJobRequest::roleArn,
                                    "header " + ROLE_ARN + ", the body's roleArn or option roleArn"),
                            Check.required("sources", r -> r.hasSources() ? r.sources() : null,
                                    "header " + SOURCE1 + " (with " + SOURCE_FILE_TYPE + ", " + SUBJECT_ID + ", " + SAMPLE_ID
                                                                                        + ") or a body with sources"),
                            OmicsOperations::requireSourceMembers),
                    (request, context) -> ImportJobs.start(request, context));

    static final OperationSpec<GetReadSetImportJobRequest> GET_READ_SET_IMPORT_JOB
            = new OperationSpec<>(
                    Omics2Operations.getReadSetImportJob, GetReadSetImportJobRequest.class,
                    GetReadSetImportJobRequest.builder().build(),
                    in -> GetReadSetImportJobRequest.builder().build(),
                    (in, body) -> body.toBuilder()
                            .sequenceStoreId(in.text(SEQUENCE_STORE_ID, body.sequenceStoreId(), in.options().getSequenceStoreId()))
                            .id(in.text(IMPORT_JOB_ID, body.id(), null))
                            .build(),
                    List.of(Check.required("sequenceStoreId", GetReadSetImportJobRequest::sequenceStoreId, STORE_HOW),
                            Check.required("id", GetReadSetImportJobRequest::id,
                                    "header " + IMPORT_JOB_ID + " or the body's id")),
                    (request, context) -> {
                        if (context.options().isWaitForCompletion()) {
                            ImportJobs.await(request.sequenceStoreId(), List.of(request.id()), context);
                        } else {
                            ImportJobs.show(context.message(), List.of(context.client().getReadSetImportJob(request)));
                        }
                    });

    static final OperationSpec<ListReadSetImportJobsRequest> LIST_READ_SET_IMPORT_JOBS
            = new OperationSpec<>(
                    Omics2Operations.listReadSetImportJobs, ListReadSetImportJobsRequest.class,
                    ListReadSetImportJobsRequest.builder().build(),
                    in -> ListReadSetImportJobsRequest.builder().build(),
                    (in, body) -> body.toBuilder()
                            .sequenceStoreId(in.text(SEQUENCE_STORE_ID, body.sequenceStoreId(), in.options().getSequenceStoreId()))
                            .maxResults(in.integer(MAX_RESULTS, body.maxResults()))
                            .nextToken(in.text(NEXT_TOKEN, body.nextToken(), null))
                            .filter(importJobFilter(in, body.filter()))
                            .build(),
                    List.of(Check.required("sequenceStoreId", ListReadSetImportJobsRequest::sequenceStoreId, STORE_HOW)),
                    Invocation.respond(OmicsClient::listReadSetImportJobs,
                            (res, out) -> ResultHeaders.setOrRemove(out, NEXT_TOKEN, res.nextToken())));

    static final OperationSpec<GetReadSetMetadataRequest> GET_READ_SET_METADATA
            = new OperationSpec<>(
                    Omics2Operations.getReadSetMetadata, GetReadSetMetadataRequest.class,
                    GetReadSetMetadataRequest.builder().build(),
                    in -> GetReadSetMetadataRequest.builder().build(),
                    (in, body) -> body.toBuilder()
                            .sequenceStoreId(in.text(SEQUENCE_STORE_ID, body.sequenceStoreId(), in.options().getSequenceStoreId()))
                            .id(in.text(READ_SET_ID, body.id(), null))
                            .build(),
                    List.of(Check.required("sequenceStoreId", GetReadSetMetadataRequest::sequenceStoreId, STORE_HOW),
                            Check.required("id", GetReadSetMetadataRequest::id, "header " + READ_SET_ID + " or the body's id")),
                    Invocation.respond(OmicsClient::getReadSetMetadata, (res, out) -> {
                        out.setHeader(READ_SET_ID, res.id());
                        out.setHeader(READ_SET_STATUS, res.statusAsString());
                        out.setHeader(CREATION_TIME, res.creationTime());
                        out.setHeader(SEQUENCE_STORE_ID, res.sequenceStoreId());
                    }));

    static final OperationSpec<ListReadSetsRequest> LIST_READ_SETS
            = new OperationSpec<>(
                    Omics2Operations.listReadSets, ListReadSetsRequest.class,
                    ListReadSetsRequest.builder().build(),
                    in -> ListReadSetsRequest.builder().build(),
                    (in, body) -> body.toBuilder()
                            .sequenceStoreId(in.text(SEQUENCE_STORE_ID, body.sequenceStoreId(), in.options().getSequenceStoreId()))
                            .maxResults(in.integer(MAX_RESULTS, body.maxResults()))
                            .nextToken(in.text(NEXT_TOKEN, body.nextToken(), null))
                            .filter(readSetFilter(in, body.filter()))
                            .build(),
                    List.of(Check.required("sequenceStoreId", ListReadSetsRequest::sequenceStoreId, STORE_HOW)),
                    Invocation.respond(OmicsClient::listReadSets,
                            (res, out) -> ResultHeaders.setOrRemove(out, NEXT_TOKEN, res.nextToken())));

    private OmicsOperations() {
    }

    public static OperationSpec<?> of(Omics2Operations operation) {
        return switch (operation) {
            case startReadSetImportJob -> START_READ_SET_IMPORT_JOB;
            case getReadSetImportJob -> GET_READ_SET_IMPORT_JOB;
            case listReadSetImportJobs -> LIST_READ_SET_IMPORT_JOBS;
            case getReadSetMetadata -> GET_READ_SET_METADATA;
            case listReadSets -> LIST_READ_SETS;
        };
    }

    /**
     * With header Source1 the sources come from the headers and the body is not read for them (after an S3 event it
     * may be the file itself); a StartReadSetImportJobRequest body still gives the other members.
     */
    private static StartReadSetImportJobRequest startFromBody(RequestValues in) {
        if (in.has(SOURCE1)) {
            return StartReadSetImportJobRequest.builder().build();
        }
        List<String> stray = SOURCE_DETAIL_HEADERS.stream().filter(in::has).toList();
        if (!stray.isEmpty()) {
            in.problem("header " + SOURCE1 + ": required with " + String.join(", ", stray)
                       + " (source headers describe one source, started by its source1), got none");
        }
        // a file from a Camel file or FTP consumer: read its content the way Camel converts it
        Object body = in.body() instanceof WrappedFile<?> ? in.body(InputStream.class) : in.body();
        return ImportSources.fromBody(body, in.text(SUBJECT_ID), in.options().getMaxBodySize(), in.problems());
    }

    private static StartReadSetImportJobSourceItem sourceFromHeaders(RequestValues in) {
        String source2 = in.text(SOURCE2);
        return StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().source1(in.text(SOURCE1)).source2(source2).build())
                .sourceFileType(in.text(SOURCE_FILE_TYPE))
                .subjectId(in.text(SUBJECT_ID))
                .sampleId(in.text(SAMPLE_ID))
                .generatedFrom(in.text(GENERATED_FROM))
                .referenceArn(in.text(REFERENCE_ARN))
                .name(in.text(READ_SET_NAME))
                .description(in.text(READ_SET_DESCRIPTION))
                .tags(in.tags(TAGS, null))
                .build();
    }

    /** The members every source needs; the full model constraints are the validator's. */
    private static void requireSourceMembers(StartReadSetImportJobRequest request, Consumer<String> problems) {
        List<StartReadSetImportJobSourceItem> sources = request.sources();
        for (int i = 0; i < sources.size(); i++) {
            StartReadSetImportJobSourceItem s = sources.get(i);
            String at = "sources[" + i + "].";
            if (s == null) {
                problems.accept("sources[" + i + "]: required, got null");
                continue;
            }
            requireSourceMember(at + "sourceFiles.source1", s.sourceFiles() == null ? null : s.sourceFiles().source1(),
                    SOURCE1, problems);
            requireSourceMember(at + "sourceFileType", s.sourceFileTypeAsString(), SOURCE_FILE_TYPE, problems);
            requireSourceMember(at + "subjectId", s.subjectId(), SUBJECT_ID, problems);
            requireSourceMember(at + "sampleId", s.sampleId(), SAMPLE_ID, problems);
        }
    }

    private static void requireSourceMember(String path, String value, String header, Consumer<String> problems) {
        if (value == null || value.isBlank()) {
            problems.accept(path + ": required, got " + (value == null ? "none" : "an empty value")
                            + "; set it in the body's source, or header " + header + " for a source from headers");
        }
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
