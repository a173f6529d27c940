package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A multipart read set upload: created, receiving parts, then completed into a read set (or aborted, which forgets
 * it).
 *
 * @param request   the CreateMultipartReadSetUpload input as received: the read set's fields, and what a replay with
 *                  the same clientToken must match
 * @param parts     the parts received, by source then part number
 * @param readSetId the read set it was completed into, or {@code null} while it takes parts
 * @param completedParts the parts list of the Complete that made the read set (a repeated Complete must name the same)
 */
public record MultipartUpload(String uploadId, String sequenceStoreId, JsonNode request, Instant creationTime,
                              List<UploadedPart> parts, String readSetId, JsonNode completedParts) {

    static final Comparator<UploadedPart> ORDER = Comparator.comparing(UploadedPart::partSource)
            .thenComparingInt(UploadedPart::partNumber);

    public MultipartUpload {
        parts = parts.stream().sorted(ORDER).toList();
    }

    public String sourceFileType() {
        return request.path("sourceFileType").asText();
    }

    public String clientToken() {
        return request.path("clientToken").asText(null);
    }

    public boolean completed() {
        return readSetId != null;
    }

    /** The parts of one source, by part number. */
    public List<UploadedPart> parts(String partSource) {
        return parts.stream().filter(p -> p.partSource().equals(partSource)).toList();
    }

    MultipartUpload withPart(UploadedPart part) {
        List<UploadedPart> others = parts.stream().filter(p -> !(p.partSource().equals(part.partSource())
                && p.partNumber() == part.partNumber())).toList();
        return new MultipartUpload(uploadId, sequenceStoreId, request, creationTime,
                Stream.concat(others.stream(), Stream.of(part)).toList(), readSetId,
                completedParts);
    }

    MultipartUpload completedAs(String newReadSetId, JsonNode listedParts) {
        return new MultipartUpload(uploadId, sequenceStoreId, request, creationTime, parts, newReadSetId, listedParts);
    }
}
