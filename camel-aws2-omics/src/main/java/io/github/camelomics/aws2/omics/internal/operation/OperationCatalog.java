package io.github.camelomics.aws2.omics.internal.operation;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.camelomics.aws2.omics.InvalidRequestException;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Operations;
import io.github.camelomics.aws2.omics.WaitTimer;
import io.github.camelomics.aws2.omics.internal.endpoint.EndpointResources;
import io.github.camelomics.aws2.omics.internal.job.JobFamily;
import io.github.camelomics.aws2.omics.internal.operation.OperationSpec.Check;
import io.github.camelomics.aws2.omics.internal.operation.OperationSpec.Invocation;
import io.github.camelomics.aws2.omics.internal.request.ImportJobRequests;
import io.github.camelomics.aws2.omics.internal.request.RequestValues;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.CreateMultipartReadSetUploadRequest;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataRequest;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsRequest;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsResponse;
import software.amazon.awssdk.services.omics.model.ListReadSetsRequest;
import software.amazon.awssdk.services.omics.model.ListReadSetsResponse;
import software.amazon.awssdk.services.omics.model.OmicsRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobResponse;

import static io.github.camelomics.aws2.omics.Omics2Constants.*;

/**
 * The table of the component's operations, each declared in a few lines: how the body is read, how headers and
 * options bind over it, the members it needs, and the invocation (the call and its answer). The work itself is done
 * elsewhere: jobs by {@link JobOperations}, uploads by {@link ReadSetUploads}, requests in the request package.
 */
public final class OperationCatalog {

    /** Import jobs: up to maxSourcesPerJob sources a job; failOnImportFailure fails the exchange on failed sources. */
    private static final JobOperations<StartReadSetImportJobRequest, StartReadSetImportJobResponse,
            GetReadSetImportJobResponse, ImportReadSetSourceItem> IMPORT_JOBS = new JobOperations<>(
            JobFamily.IMPORT, new ImportJobAnswers(), Omics2Configuration::getMaxSourcesPerJob,
            Omics2Configuration::isFailOnImportFailure);

    static final OperationSpec<StartReadSetImportJobRequest> START_READ_SET_IMPORT_JOB = new OperationSpec<>(
            Omics2Operations.startReadSetImportJob, StartReadSetImportJobRequest.builder().build(),
            ImportJobRequests::fromBody,
            ImportJobRequests::bind,
            List.of(Check.sequenceStore(StartReadSetImportJobRequest::sequenceStoreId),
                    Check.required("roleArn", StartReadSetImportJobRequest::roleArn,
                            "header " + ROLE_ARN + ", the body's roleArn or option roleArn"),
                    Check.required("sources", r -> r.hasSources() ? r.sources() : null,
                            "header " + SOURCE1 + " (with " + SOURCE_FILE_TYPE + ", " + SUBJECT_ID + ", " + SAMPLE_ID
                                                                                + ") or a body with sources"),
                    ImportJobRequests::requireSourceMembers),
            IMPORT_JOBS.start());

    static final OperationSpec<GetReadSetImportJobRequest> GET_READ_SET_IMPORT_JOB = OperationSpec.withoutBody(
            Omics2Operations.getReadSetImportJob, GetReadSetImportJobRequest.builder().build(),
            (in, body) -> body.toBuilder()
                    .sequenceStoreId(in.sequenceStoreId(body.sequenceStoreId()))
                    .id(in.text(IMPORT_JOB_ID, body.id(), null))
                    .build(),
            List.of(Check.sequenceStore(GetReadSetImportJobRequest::sequenceStoreId),
                    Check.required("id", GetReadSetImportJobRequest::id, "header " + IMPORT_JOB_ID + " or the body's id")),
            IMPORT_JOBS.get(OmicsClient::getReadSetImportJob, GetReadSetImportJobRequest::sequenceStoreId));

    static final OperationSpec<ListReadSetImportJobsRequest> LIST_READ_SET_IMPORT_JOBS = OperationSpec.withoutBody(
            Omics2Operations.listReadSetImportJobs, ListReadSetImportJobsRequest.builder().build(),
            (in, body) -> body.toBuilder()
                    .sequenceStoreId(in.sequenceStoreId(body.sequenceStoreId()))
                    .maxResults(in.integer(MAX_RESULTS, body.maxResults()))
                    .nextToken(in.text(NEXT_TOKEN, body.nextToken(), null))
                    .filter(ListingFilters.importJobs(in, body.filter()))
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
                    .filter(ListingFilters.readSets(in, body.filter()))
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

    static OperationSpec<?> of(Omics2Operations operation) {
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
     * Runs the message through the operation: builds its request, checks it, makes the calls and answers.
     *
     * @param  keepWaiting false once the route, the producer or Camel stops; null unless waitForCompletion=true
     * @param  resume      lets an exchange handed to a watch go on once its jobs have ended (failed with the given
     *                     exception, or not when it is null); null unless waitForCompletion=true
     * @return             true when the message is answered; false when it will be, through {@code resume}
     */
    public static boolean run(Omics2Operations operation, Message message, Omics2Configuration options,
                              EndpointResources resources, WaitTimer timer, BooleanSupplier keepWaiting,
                              Consumer<RuntimeException> resume) {
        return of(operation).run(new Call(message, options, new RequestValues(message, options), resources, timer,
                keepWaiting, resume));
    }

    /**
     * The request the values describe, checked, without calling anything.
     *
     * @throws InvalidRequestException listing every problem found
     */
    public static OmicsRequest request(Omics2Operations operation, RequestValues values) {
        return of(operation).request(values);
    }
}
