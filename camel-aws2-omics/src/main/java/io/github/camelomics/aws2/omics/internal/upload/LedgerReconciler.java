package io.github.camelomics.aws2.omics.internal.upload;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.camelomics.aws2.omics.UploadLedger.Part;
import io.github.camelomics.aws2.omics.UploadLedger.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;

/**
 * The recorded upload, squared with the files and the service before it goes on: the ledger may be ahead of the
 * service (an upload aborted or expired since) or behind it (parts confirmed in the instant before a crash).
 */
final class LedgerReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerReconciler.class);

    private final LedgerEntry entry;
    private final UploadCalls calls;
    private final List<UploadFile> files;
    private final long partSize;

    LedgerReconciler(LedgerEntry entry, UploadCalls calls, List<UploadFile> files, long partSize) {
        this.entry = entry;
        this.calls = calls;
        this.files = files;
        this.partSize = partSize;
    }

    /**
     * The recorded upload when it can go on: same files, same part size, still known to the service, with only the
     * recorded parts the service lists with the same checksum. Otherwise the record is forgotten, and an upload begun
     * on files that changed since (or another part size) is aborted: empty, to start over.
     */
    Optional<Upload> resumeOrForget() {
        Optional<Upload> recorded = entry.find();
        if (recorded.isEmpty()) {
            return recorded;
        }
        Upload upload = recorded.get();
        if (!FileChangeCheck.sameAsRecorded(files, upload) || upload.partSize() != partSize) {
            if (upload.readSetId() == null && upload.uploadId() != null) {
                LOG.info("{} changed since upload {} began (or the part size did): aborting it and starting over",
                        entry.source1(), upload.uploadId());
                calls.abortQuietly(upload.uploadId());
            }
            entry.forget();
            return Optional.empty();
        }
        if (upload.readSetId() != null || upload.uploadId() == null) {
            return recorded; // completed; or created with its token, perhaps, and not yet known: Create again with it
        }
        try {
            Set<Part> listed = calls.listedParts(upload.uploadId(), files);
            return Optional.of(upload.withParts(upload.parts().stream().filter(listed::contains).toList()));
        } catch (ResourceNotFoundException e) {
            LOG.info("Upload {} of {} is no longer known to the service (aborted or expired): starting over",
                    upload.uploadId(), entry.source1());
            entry.forget();
            return Optional.empty();
        }
    }
}
