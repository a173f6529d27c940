package io.github.camelomics.aws2.omics.internal.upload;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camelomics.aws2.omics.UploadLedger.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.CompleteReadSetUploadPartListItem;
import software.amazon.awssdk.services.omics.model.CreateMultipartReadSetUploadRequest;
import software.amazon.awssdk.services.omics.model.ListReadSetUploadPartsResponse;
import software.amazon.awssdk.services.omics.model.ReadSetUploadPartListItem;

/**
 * The multipart upload calls into one sequence store. Each goes through the client, and so through its request budget
 * (UploadReadSetPart 10 per second; Create, Complete and Abort 1).
 */
final class UploadCalls {

    private static final Logger LOG = LoggerFactory.getLogger(UploadCalls.class);

    private final OmicsClient client;
    private final String sequenceStoreId;

    UploadCalls(OmicsClient client, String sequenceStoreId) {
        this.client = client;
        this.sequenceStoreId = sequenceStoreId;
    }

    String sequenceStoreId() {
        return sequenceStoreId;
    }

    /** @return the upload id */
    String create(CreateMultipartReadSetUploadRequest request) {
        return client.createMultipartReadSetUpload(request).uploadId();
    }

    /** The parts the service holds for the files, with the checksums it answered: every page of each file's source. */
    Set<Part> listedParts(String uploadId, List<UploadFile> files) {
        Set<Part> listed = new HashSet<>();
        for (UploadFile file : files) {
            String token = null;
            do {
                String next = token;
                ListReadSetUploadPartsResponse page = client.listReadSetUploadParts(b -> b.sequenceStoreId(sequenceStoreId)
                        .uploadId(uploadId).partSource(file.partSource()).nextToken(next));
                for (ReadSetUploadPartListItem part : page.parts()) {
                    listed.add(new Part(part.partSourceAsString(), part.partNumber(), part.checksum()));
                }
                token = page.nextToken();
            } while (token != null);
        }
        return listed;
    }

    /** @return the checksum the service answered */
    String sendPart(String uploadId, String partSource, int partNumber, ContentStreamProvider bytes, long length) {
        return client.uploadReadSetPart(b -> b.sequenceStoreId(sequenceStoreId).uploadId(uploadId).partSource(partSource)
                        .partNumber(partNumber),
                RequestBody.fromContentProvider(bytes, length, "application/octet-stream")).checksum();
    }

    /** @return the read set the upload made */
    String complete(String uploadId, List<Part> parts) {
        List<CompleteReadSetUploadPartListItem> sorted = parts.stream()
                .sorted(Comparator.comparing(Part::partSource).thenComparingInt(Part::partNumber))
                .map(p -> CompleteReadSetUploadPartListItem.builder().partSource(p.partSource())
                        .partNumber(p.partNumber()).checksum(p.checksum()).build())
                .toList();
        return client.completeMultipartReadSetUpload(b -> b.sequenceStoreId(sequenceStoreId).uploadId(uploadId)
                .parts(sorted)).readSetId();
    }

    void abortQuietly(String uploadId) {
        try {
            client.abortMultipartReadSetUpload(b -> b.sequenceStoreId(sequenceStoreId).uploadId(uploadId));
        } catch (AwsServiceException e) {
            // gone already (aborted, expired, completed): nothing is left to abort
            LOG.debug("Abort of upload {} answered {}", uploadId, e.toString());
        }
    }
}
