package io.github.camelomics.aws2.omics.internal.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.ReadSetUploadFailedException;
import io.github.camelomics.aws2.omics.ReadSetUploadWaitException;
import io.github.camelomics.aws2.omics.internal.operation.OperationSpec.Read;
import io.github.camelomics.aws2.omics.internal.request.RequestValues;
import io.github.camelomics.aws2.omics.internal.upload.ReadSetUpload;
import io.github.camelomics.aws2.omics.internal.upload.UploadFile;
import io.github.camelomics.aws2.omics.model.ReadSetRules;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.model.CompleteMultipartReadSetUploadResponse;
import software.amazon.awssdk.services.omics.model.CreateMultipartReadSetUploadRequest;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;

import static io.github.camelomics.aws2.omics.Omics2Constants.*;

/**
 * Operation uploadReadSet, from the message to the answer: the read set's fields, the files of the message (read
 * once, checked with the fields), the upload (resumed when it can be), then with waitForCompletion the read set polled
 * until it is ACTIVE, or UPLOAD_FAILED, which fails the exchange with the service's message (and is counted in the
 * metrics, as only a wait sees it).
 */
final class ReadSetUploads {

    private ReadSetUploads() {
    }

    /** The read set's fields over the body's request; the name defaults to the first file's once the files are read. */
    static CreateMultipartReadSetUploadRequest bind(RequestValues in, CreateMultipartReadSetUploadRequest body) {
        String type = in.text(SOURCE_FILE_TYPE, body.sourceFileTypeAsString(), null);
        // option referenceArn is the reference of aligned files (BAM, CRAM) that name none, as for imports
        String referenceOption = ReadSetRules.isAligned(type) ? in.options().getReferenceArn() : null;
        return body.toBuilder()
                .sequenceStoreId(in.sequenceStoreId(body.sequenceStoreId()))
                .sourceFileType(type)
                .subjectId(in.text(SUBJECT_ID, body.subjectId(), null))
                .sampleId(in.text(SAMPLE_ID, body.sampleId(), null))
                .name(in.text(READ_SET_NAME, body.name(), null))
                .referenceArn(in.text(REFERENCE_ARN, body.referenceArn(), referenceOption))
                .generatedFrom(in.text(GENERATED_FROM, body.generatedFrom(), null))
                .description(in.text(READ_SET_DESCRIPTION, body.description(), null))
                .tags(in.tags(TAGS, body.hasTags() ? body.tags() : null))
                .clientToken(in.text(CLIENT_TOKEN, body.clientToken(), null))
                .build();
    }

    /**
     * The files to upload, from the body or header UploadSource1 (and UploadSource2), read once: their problems come
     * with those of the read set's fields, and the upload takes them as they were checked.
     */
    static Read<CreateMultipartReadSetUploadRequest, List<UploadFile>> readFiles(
            RequestValues in, CreateMultipartReadSetUploadRequest request) {
        List<UploadFile> files = UploadSources.of(in, request.sourceFileTypeAsString(), in.options().getPartSize());
        if (request.name() != null || files.isEmpty()) {
            return new Read<>(request, files);
        }
        return new Read<>(request.toBuilder().name(files.get(0).path().getFileName().toString()).build(), files);
    }

    static boolean upload(CreateMultipartReadSetUploadRequest request, List<UploadFile> files, Call call) {
        Omics2Configuration options = call.options();
        String region = call.client().serviceClientConfiguration().region().id();
        ReadSetUpload.Outcome outcome = new ReadSetUpload(call.client(), call.resources().uploadLedger(),
                new ReadSetUpload.Settings(options.getPartSize(), options.getPartsInFlight(),
                        options.isKeepUploadOnFailure(), Duration.ofMillis(options.getProgressInterval()),
                        options.getProgressListener()),
                region, request, files, call.resources().metrics(), call.resources().uploadsInFlight()).run();
        Message out = call.message();
        out.setHeader(READ_SET_ID, outcome.readSetId());
        out.setHeader(UPLOAD_ID, outcome.uploadId());
        out.setHeader(SEQUENCE_STORE_ID, request.sequenceStoreId());
        out.setHeader(UPLOAD_RESUMED_FROM_PART, outcome.resumedFromPart());
        out.setHeader(UPLOAD_PARTS_SENT, outcome.partsSent());
        out.setHeader(UPLOAD_PROGRESS, outcome.progress());
        out.setBody(CompleteMultipartReadSetUploadResponse.builder().readSetId(outcome.readSetId()).build());
        if (options.isWaitForCompletion()) {
            GetReadSetMetadataResponse readSet = awaitProcessed(request.sequenceStoreId(), outcome.readSetId(), call);
            out.setBody(readSet);
            out.setHeader(READ_SET_STATUS, readSet.statusAsString());
            out.setHeader(CREATION_TIME, readSet.creationTime());
            call.resources().metrics().readSetEnded(request.sequenceStoreId(), readSet.statusAsString());
            if (readSet.status() == ReadSetStatus.UPLOAD_FAILED) {
                throw new ReadSetUploadFailedException(readSet.id(), readSet.statusMessage());
            }
        }
        return true;
    }

    /**
     * Polls the read set every pollInterval until it is no longer PROCESSING_UPLOAD, on the endpoint's wait timer. This
     * holds the thread, as the upload before it did: processing takes minutes where the upload took hours.
     *
     * @throws ReadSetUploadWaitException when waitTimeout passes first, or Camel stops
     */
    private static GetReadSetMetadataResponse awaitProcessed(String store, String readSetId, Call call) {
        Duration timeout = Duration.ofMillis(call.options().getWaitTimeout());
        Duration interval = Duration.ofMillis(call.options().getPollInterval());
        Instant deadline = call.timer().now().plus(timeout);
        while (true) {
            GetReadSetMetadataResponse readSet = call.client().getReadSetMetadata(b -> b.sequenceStoreId(store)
                    .id(readSetId));
            if (readSet.status() != ReadSetStatus.PROCESSING_UPLOAD) {
                return readSet;
            }
            String status = readSet.statusAsString();
            if (call.timer().now().isAfter(deadline)) {
                throw new ReadSetUploadWaitException("it waited " + timeout + " (waitTimeout)", readSetId, status);
            }
            try {
                if (!call.timer().pause(interval, call.keepWaiting())) {
                    throw new ReadSetUploadWaitException("Camel, the route or the producer is stopping", readSetId,
                            status);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadSetUploadWaitException("the thread was interrupted", readSetId, status);
            }
        }
    }
}
