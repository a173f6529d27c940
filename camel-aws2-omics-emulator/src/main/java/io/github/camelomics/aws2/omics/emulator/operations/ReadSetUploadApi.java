package io.github.camelomics.aws2.omics.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.model.StreamedPayload;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;
import io.github.camelomics.aws2.omics.emulator.state.MultipartUpload;
import io.github.camelomics.aws2.omics.emulator.state.UploadedPart;

import java.util.Map;
import java.util.function.Predicate;

import static io.github.camelomics.aws2.omics.emulator.operations.Inputs.storeOf;

/**
 * What the six operations of a multipart read set upload do with a validated input: create an upload, take its parts
 * (streamed to disk, never held in memory), list them, complete the upload into a read set, or abort it.
 */
final class ReadSetUploadApi {

    private final EmulatorState state;
    private final Views views;

    ReadSetUploadApi(EmulatorState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void addTo(Map<Operation, OperationHandler> handlers) {
        handlers.put(Operation.CREATE_MULTIPART_READ_SET_UPLOAD, (in, p) -> create(in));
        handlers.put(Operation.UPLOAD_READ_SET_PART, this::uploadPart);
        handlers.put(Operation.COMPLETE_MULTIPART_READ_SET_UPLOAD, (in, p) -> complete(in));
        handlers.put(Operation.ABORT_MULTIPART_READ_SET_UPLOAD, (in, p) -> abort(in));
        handlers.put(Operation.LIST_MULTIPART_READ_SET_UPLOADS, (in, p) -> listUploads(in));
        handlers.put(Operation.LIST_READ_SET_UPLOAD_PARTS, (in, p) -> listParts(in));
    }

    private ObjectNode create(JsonNode input) {
        return views.upload(state.createUpload(storeOf(input), input));
    }

    private ObjectNode uploadPart(JsonNode input, StreamedPayload payload) {
        if (payload == null || payload.size() == 0) {
            // the model's validation has said so already; kept for a caller that skips it
            throw new ApiException(ErrorShape.VALIDATION, "payload: a part must have at least one byte");
        }
        UploadedPart part = state.uploadPart(storeOf(input), input.path("uploadId").asText(),
                input.path("partSource").asText(), input.path("partNumber").asInt(), payload.file(), payload.size(),
                payload.sha256Hex());
        return JsonNodeFactory.instance.objectNode().put("checksum", part.checksum());
    }

    private ObjectNode complete(JsonNode input) {
        String readSetId = state.completeUpload(storeOf(input), input.path("uploadId").asText(), input.path("parts"));
        return JsonNodeFactory.instance.objectNode().put("readSetId", readSetId);
    }

    private ObjectNode abort(JsonNode input) {
        state.abortUpload(storeOf(input), input.path("uploadId").asText());
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode listUploads(JsonNode input) {
        return Listing.page(state.openUploads(storeOf(input)), MultipartUpload::uploadId, input, "uploads",
                views::upload);
    }

    private ObjectNode listParts(JsonNode input) {
        MultipartUpload upload = state.upload(storeOf(input), input.path("uploadId").asText());
        JsonNode filter = input.path("filter");
        Predicate<UploadedPart> matches = part -> Listing.createdWithin(filter, part.creationTime());
        return Listing.page(upload.parts(input.path("partSource").asText()).stream().filter(matches).toList(),
                part -> String.valueOf(part.partNumber()), input, "parts", views::part);
    }
}
