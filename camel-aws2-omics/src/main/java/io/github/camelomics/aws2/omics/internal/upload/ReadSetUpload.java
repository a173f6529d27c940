package io.github.camelomics.aws2.omics.internal.upload;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.UploadLedger.Key;
import io.github.camelomics.aws2.omics.UploadLedger.Part;
import io.github.camelomics.aws2.omics.UploadLedger.Upload;
import io.github.camelomics.aws2.omics.UploadProgress;
import io.github.camelomics.aws2.omics.UploadProgressListener;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.CreateMultipartReadSetUploadRequest;

/**
 * One read set upload, resumable: Create (or go on with the upload the ledger remembers), send the missing parts, check
 * that the files did not change meanwhile, Complete. Each step records in the upload ledger before the next, so a crash
 * at any point is resumed from there; what a failure leaves is the {@link FailurePolicy}'s call. The metrics are told
 * of the uploads in progress, the parts confirmed before a resume, and each part sent.
 */
public final class ReadSetUpload {

    private static final Logger LOG = LoggerFactory.getLogger(ReadSetUpload.class);

    /**
     * How an upload goes.
     *
     * @param keepOnFailure keep the upload on a failure a retry cannot mend, instead of aborting it
     * @param listener      told after each part, or null
     */
    public record Settings(long partSize, int partsInFlight, boolean keepOnFailure, Duration progressInterval,
                           UploadProgressListener listener) {
    }

    /**
     * What an upload came to.
     *
     * @param resumedFromPart the first part this run sent, counting the files' parts one after the other (1 for a new
     *                        upload); one past the last part when every part was confirmed before and only Complete
     *                        was left; 0 when the ledger had the read set already and nothing was sent
     */
    public record Outcome(String readSetId, String uploadId, int resumedFromPart, int partsSent,
                          UploadProgress progress) {
    }

    /**
     * The uploads of one component that are sending their parts or completing, each as it stands: what the dev console
     * and JMX read.
     */
    public static final class InFlight {
        private final Set<ProgressMeter> running = ConcurrentHashMap.newKeySet();

        /** Where each upload in flight stands now. */
        public List<UploadProgress> now() {
            return running.stream().map(ProgressMeter::now).toList();
        }

        public int size() {
            return running.size();
        }
    }

    private final Settings settings;
    private final CreateMultipartReadSetUploadRequest create;
    private final List<UploadFile> files;
    private final LedgerEntry entry;
    private final UploadCalls calls;
    private final LedgerReconciler reconciler;
    private final PartSender sender;
    private final FailurePolicy failurePolicy;
    private final OmicsMetrics metrics;
    private final InFlight inFlight;

    /**
     * @param files    as they were checked, SOURCE1 first: the upload is of these versions
     * @param metrics  what the upload tells the meters
     * @param inFlight where the upload shows while it sends and completes
     */
    public ReadSetUpload(OmicsClient client, UploadLedger ledger, Settings settings, String region,
                         CreateMultipartReadSetUploadRequest create, List<UploadFile> files, OmicsMetrics metrics,
                         InFlight inFlight) {
        this.settings = settings;
        this.inFlight = inFlight;
        this.create = create;
        this.files = List.copyOf(files);
        this.entry = new LedgerEntry(ledger, new Key(region, create.sequenceStoreId(), files.get(0).path().toString(),
                files.size() > 1 ? files.get(1).path().toString() : null));
        this.calls = new UploadCalls(client, create.sequenceStoreId());
        this.reconciler = new LedgerReconciler(entry, calls, this.files, settings.partSize());
        this.sender = new PartSender(calls, entry, settings.partSize(), settings.partsInFlight(), metrics);
        this.failurePolicy = new FailurePolicy(calls, entry, settings.keepOnFailure());
        this.metrics = metrics;
    }

    public Outcome run() {
        metrics.uploadsInProgress(create.sequenceStoreId(), 1);
        try {
            return resumeOrBegin();
        } finally {
            metrics.uploadsInProgress(create.sequenceStoreId(), -1);
        }
    }

    private Outcome resumeOrBegin() {
        Optional<Upload> resumed = reconciler.resumeOrForget();
        if (resumed.isPresent() && resumed.get().readSetId() != null) {
            return uploadedBefore(resumed.get());
        }
        Upload created = createOrGoOn(resumed.orElseGet(this::recordNew));
        try {
            MissingParts missing = MissingParts.of(files, settings.partSize(), created.parts());
            if (missing.resumedFromPart() > 1) {
                LOG.info("Resuming upload {} of {} from part {} of {}", created.uploadId(), entry.source1(),
                        missing.resumedFromPart(), missing.total());
            }
            if (!created.parts().isEmpty()) {
                metrics.uploadParts(create.sequenceStoreId(), OmicsMetrics.PART_SKIPPED, created.parts().size());
            }
            ProgressMeter progress = progressOf(created, missing.resumedFromPart());
            inFlight.running.add(progress);
            try {
                Upload sent = sender.sendAll(created, missing.parts(), progress);
                FileChangeCheck.requireUnchangedOnDisk(files, sent.uploadId());
                String readSetId = calls.complete(sent.uploadId(), sent.parts());
                entry.save(sent.withReadSetId(readSetId));
                LOG.info("Upload {} of {} completed as read set {}", sent.uploadId(), entry.source1(), readSetId);
                return new Outcome(readSetId, sent.uploadId(), missing.firstSent(), missing.parts().size(),
                        progress.now());
            } finally {
                inFlight.running.remove(progress);
            }
        } catch (RuntimeException e) {
            throw failurePolicy.keepOrAbort(created, e);
        }
    }

    private Outcome uploadedBefore(Upload completed) {
        LOG.info("{} was uploaded before as read set {} (upload {}): nothing to send", entry.source1(),
                completed.readSetId(), completed.uploadId());
        return new Outcome(completed.readSetId(), completed.uploadId(), 0, 0, progressOf(completed, 0).now());
    }

    /** A new upload's record, with the client token of its Create, saved before the Create is sent. */
    private Upload recordNew() {
        // a crash after the Create's answer then leaves no upload unknown: the next attempt sends the same token
        String token = create.clientToken() != null ? create.clientToken() : "camel-upload-" + UUID.randomUUID();
        Upload upload = new Upload(null, files.stream().map(UploadFile::version).toList(), settings.partSize(),
                List.of(), null, token);
        entry.save(upload);
        return upload;
    }

    /** Creates the upload unless the service already gave it an id. */
    private Upload createOrGoOn(Upload upload) {
        if (upload.uploadId() != null) {
            return upload;
        }
        Upload created = upload.withUploadId(calls.create(create.toBuilder().clientToken(upload.clientToken()).build()));
        entry.save(created);
        return created;
    }

    private ProgressMeter progressOf(Upload upload, int resumedFromPart) {
        long partSize = settings.partSize();
        int partsTotal = files.stream().mapToInt(f -> f.partCount(partSize)).sum();
        long bytesTotal = files.stream().mapToLong(UploadFile::size).sum();
        long bytesDone = upload.parts().stream().mapToLong(this::lengthOf).sum();
        return new ProgressMeter(upload.uploadId(), files.get(0).path().getFileName().toString(), partsTotal, bytesTotal,
                upload.parts().size(), bytesDone, resumedFromPart, settings.listener(), settings.progressInterval(),
                System::nanoTime);
    }

    private long lengthOf(Part part) {
        UploadFile file = files.stream().filter(f -> f.partSource().equals(part.partSource())).findFirst().orElseThrow();
        return file.partLength(part.partNumber(), settings.partSize());
    }
}
