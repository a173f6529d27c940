package io.github.camelomics.aws2.omics.internal.operation;

import java.util.ArrayList;
import java.util.List;

import io.github.camelomics.aws2.omics.ReadSetUris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;

/**
 * The {@code omics://} URIs by which workflows read a sequence store's read sets:
 * {@code omics://<account>.storage.<region>.amazonaws.com/<store>/readSet/<id>/source1}. Neither the import job nor its
 * sources carry the account: a read set's ARN does ({@code arn:aws:omics:<region>:<account>:sequenceStore/...}), so one
 * GetReadSetMetadata of the first read set gives the account and region of them all.
 */
final class ReadSetStorage {

    private static final Logger LOG = LoggerFactory.getLogger(ReadSetStorage.class);

    private ReadSetStorage() {
    }

    /**
     * The URIs of each source that became a read set, in source order; empty when none did, and null (with a warning)
     * when the read set's ARN could not be read: the import itself went well, so that fails nothing.
     */
    static List<ReadSetUris> uris(OmicsClient client, String sequenceStoreId, List<ImportReadSetSourceItem> sources) {
        String first = sources.stream().map(ImportReadSetSourceItem::readSetId).filter(id -> id != null).findFirst()
                .orElse(null);
        if (first == null) {
            return List.of();
        }
        String arn;
        try {
            arn = client.getReadSetMetadata(b -> b.sequenceStoreId(sequenceStoreId).id(first)).arn();
        } catch (SdkException e) {
            LOG.warn("Read set {} of store {} could not be read for its ARN, so no omics:// URIs are given: {}", first,
                    sequenceStoreId, e.getMessage());
            return null;
        }
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length < 6 || parts[3].isEmpty() || parts[4].isEmpty()) {
            LOG.warn("Read set {} has the ARN '{}', which names no region and account, so no omics:// URIs are given",
                    first, arn);
            return null;
        }
        String store = "omics://" + parts[4] + ".storage." + parts[3] + ".amazonaws.com/" + sequenceStoreId + "/readSet/";
        List<ReadSetUris> uris = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            ImportReadSetSourceItem source = sources.get(i);
            if (source.readSetId() == null) {
                continue;
            }
            String readSet = store + source.readSetId() + "/";
            // the service answers "source2": "" for a source without a second file
            boolean pair = source.sourceFiles() != null && source.sourceFiles().source2() != null
                           && !source.sourceFiles().source2().isEmpty();
            uris.add(new ReadSetUris(i, source.sampleId(), source.subjectId(), source.sourceFileTypeAsString(),
                    source.readSetId(), readSet + "source1", pair ? readSet + "source2" : null));
        }
        return uris;
    }
}
