package io.github.camelomics.aws2.omics.internal.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.UploadLedger.Key;
import io.github.camelomics.aws2.omics.UploadLedger.Part;
import io.github.camelomics.aws2.omics.UploadLedger.Upload;
import io.github.camelomics.aws2.omics.UploadProgress;
import io.github.camelomics.aws2.omics.UploadProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.CompleteReadSetUploadPartListItem;
import software.amazon.awssdk.services.omics.model.CreateMultipartReadSetUploadRequest;
import software.amazon.awssdk.services.omics.model.ListReadSetUploadPartsResponse;
import software.amazon.awssdk.services.omics.model.ReadSetUploadPartListItem;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;

/**
 * One read set upload, resumable: Create (or the upload the ledger remembers, checked against ListReadSetUploadParts),
 * the missing parts streamed from disk with several in flight, then Complete; each confirmed part is recorded before
 * the next is counted, so a crash loses at most the parts in flight. Every call goes through the client, and so
 * through its request budget (UploadReadSetPart 10 per second; Create, Complete and Abort 1).
 * <p>
 * A file that changed since its upload began (size or modification time) is uploaded anew: the old upload is aborted.
 * A failure a retry can mend (a network cut, a timeout, a 5xx, throttling) keeps the upload and its record for the
 * next attempt; any other aborts it, unless asked to keep it.
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

    private final OmicsClient client;
    private final UploadLedger ledger;
    private final Settings settings;
    private final CreateMultipartReadSetUploadRequest create;
    private final List<UploadFile> files;
    private final Key key;

    public ReadSetUpload(OmicsClient client, UploadLedger ledger, Settings settings, String region,
                         CreateMultipartReadSetUploadRequest create, List<UploadFile> files) {
        this.client = client;
        this.ledger = ledger;
        this.settings = settings;
        this.create = create;
        this.files = List.copyOf(files);
        this.key = new Key(region, create.sequenceStoreId(), files.get(0).path().toString(),
                files.size() > 1 ? files.get(1).path().toString() : null);
    }

    public Outcome run() {
        Upload upload = resumable().orElse(null);
        if (upload != null && upload.readSetId() != null) {
            LOG.info("{} was uploaded before as read set {} (upload {}): nothing to send", key.source1(),
                    upload.readSetId(), upload.uploadId());
            return new Outcome(upload.readSetId(), upload.uploadId(), 0, 0, progressOf(upload, 0).now());
        }
        if (upload == null) {
            // the token is recorded before the Create is sent: a crash after its answer leaves no upload unknown
            String token = create.clientToken() != null ? create.clientToken() : "camel-upload-" + UUID.randomUUID();
            upload = new Upload(null, files.stream().map(UploadFile::version).toList(), settings.partSize(),
                    List.of(), null, token);
            ledger.save(key, upload);
        }
        if (upload.uploadId() == null) {
            String token = upload.clientToken();
            String uploadId = client.createMultipartReadSetUpload(create.toBuilder().clientToken(token).build())
                    .uploadId();
            upload = new Upload(uploadId, upload.files(), upload.partSize(), List.of(), null, token);
            ledger.save(key, upload);
        }
        try {
            return finish(upload);
        } catch (RuntimeException e) {
            throw afterFailure(upload, e);
        }
    }

    /**
     * The recorded upload when it can go on: same files, same part size, and still known to the service, with the
     * recorded parts the service lists with the same checksum. A changed file aborts the old upload.
     */
    private Optional<Upload> resumable() {
        Optional<Upload> recorded = ledger.find(key);
        if (recorded.isEmpty()) {
            return recorded;
        }
        Upload upload = recorded.get();
        if (!sameFiles(upload) || upload.partSize() != settings.partSize()) {
            if (upload.readSetId() == null && upload.uploadId() != null) {
                LOG.info("{} changed since upload {} began (or the part size did): aborting it and starting over",
                        key.source1(), upload.uploadId());
                abortQuietly(upload.uploadId());
            }
            ledger.remove(key);
            return Optional.empty();
        }
        if (upload.readSetId() != null || upload.uploadId() == null) {
            return recorded; // completed; or created with its token, perhaps, and not yet known: Create again with it
        }
        try {
            Map<String, String> listed = listedParts(upload.uploadId());
            List<Part> confirmed = upload.parts().stream()
                    .filter(p -> p.checksum().equals(listed.get(p.partSource() + "/" + p.partNumber()))).toList();
            return Optional.of(new Upload(upload.uploadId(), upload.files(), upload.partSize(), confirmed, null,
                    upload.clientToken()));
        } catch (ResourceNotFoundException e) {
            LOG.info("Upload {} of {} is no longer known to the service (aborted or expired): starting over",
                    upload.uploadId(), key.source1());
            ledger.remove(key);
            return Optional.empty();
        }
    }

    private boolean sameFiles(Upload upload) {
        if (upload.files().size() != files.size()) {
            return false;
        }
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).sameAs(upload.files().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The parts the service holds, {@code SOURCE1/3} to checksum, every page of each source. */
    private Map<String, String> listedParts(String uploadId) {
        Map<String, String> listed = new HashMap<>();
        for (UploadFile file : files) {
            String token = null;
            do {
                String next = token;
                ListReadSetUploadPartsResponse page = client.listReadSetUploadParts(b -> b
                        .sequenceStoreId(create.sequenceStoreId()).uploadId(uploadId)
                        .partSource(file.partSource()).nextToken(next));
                for (ReadSetUploadPartListItem part : page.parts()) {
                    listed.put(part.partSourceAsString() + "/" + part.partNumber(), part.checksum());
                }
                token = page.nextToken();
            } while (token != null);
        }
        return listed;
    }

    private Outcome finish(Upload begun) {
        long partSize = settings.partSize();
        Map<String, Part> confirmed = new HashMap<>();
        begun.parts().forEach(p -> confirmed.put(p.partSource() + "/" + p.partNumber(), p));
        List<PartToSend> missing = new ArrayList<>();
        int ordinal = 0;
        int resumedFromPart = 0;
        for (UploadFile file : files) {
            for (int n = 1; n <= file.partCount(partSize); n++) {
                ordinal++;
                if (!confirmed.containsKey(file.partSource() + "/" + n)) {
                    missing.add(new PartToSend(file, n));
                    resumedFromPart = resumedFromPart == 0 ? ordinal : resumedFromPart;
                }
            }
        }
        if (resumedFromPart > 1) {
            LOG.info("Resuming upload {} of {} from part {} of {}", begun.uploadId(), key.source1(), resumedFromPart,
                    ordinal);
        }
        ProgressMeter progress = progressOf(begun, resumedFromPart);
        Upload upload = sendParts(begun, confirmed, missing, progress);
        unchangedSinceBegun(upload);
        List<CompleteReadSetUploadPartListItem> parts = upload.parts().stream()
                .sorted(Comparator.comparing(Part::partSource).thenComparingInt(Part::partNumber))
                .map(p -> CompleteReadSetUploadPartListItem.builder().partSource(p.partSource())
                        .partNumber(p.partNumber()).checksum(p.checksum()).build())
                .toList();
        String readSetId = client.completeMultipartReadSetUpload(b -> b.sequenceStoreId(create.sequenceStoreId())
                .uploadId(upload.uploadId()).parts(parts)).readSetId();
        ledger.save(key, new Upload(upload.uploadId(), upload.files(), partSize, upload.parts(), readSetId,
                upload.clientToken()));
        LOG.info("Upload {} of {} completed as read set {}", upload.uploadId(), key.source1(), readSetId);
        // every part confirmed before (a crash between the last part and Complete): the first missing one is past the end
        int firstSent = missing.isEmpty() ? ordinal + 1 : resumedFromPart;
        return new Outcome(readSetId, upload.uploadId(), firstSent, missing.size(), progress.now());
    }

    /**
     * Sends the parts, {@code partsInFlight} at a time, recording each confirmed one on this thread (the ledger sees
     * one writer per upload) before the next part starts: a part is sent only while fewer than partsInFlight are sent
     * and not yet recorded, so a crash at any moment loses at most partsInFlight parts, however slow the ledger.
     */
    private Upload sendParts(Upload begun, Map<String, Part> confirmed, List<PartToSend> missing, ProgressMeter progress) {
        if (missing.isEmpty()) {
            return begun;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.partsInFlight(), missing.size()), r -> {
            Thread thread = new Thread(r, "aws2-omics-upload-" + begun.uploadId() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<Part> sent = new ExecutorCompletionService<>(pool);
        List<Future<Part>> futures = new ArrayList<>();
        Iterator<PartToSend> next = missing.iterator();
        Upload upload = begun;
        try {
            for (int i = 0; i < settings.partsInFlight() && next.hasNext(); i++) {
                PartToSend part = next.next();
                futures.add(sent.submit(() -> send(begun.uploadId(), part)));
            }
            for (int done = 0; done < missing.size(); ) {
                Future<Part> answered = sent.poll(progress.nanosToNextLog(), TimeUnit.NANOSECONDS);
                progress.logIfDue();
                if (answered == null) {
                    continue;
                }
                Part part = answered.get();
                confirmed.put(part.partSource() + "/" + part.partNumber(), part);
                upload = new Upload(upload.uploadId(), upload.files(), upload.partSize(),
                        List.copyOf(confirmed.values()), null, upload.clientToken());
                ledger.save(key, upload);
                progress.partDone(lengthOf(part));
                done++;
                if (next.hasNext()) {
                    PartToSend following = next.next();
                    futures.add(sent.submit(() -> send(begun.uploadId(), following)));
                }
            }
            return upload;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("aws2-omics: upload " + begun.uploadId() + " was interrupted", e);
        } finally {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private Part send(String uploadId, PartToSend part) throws IOException {
        long length = part.file().partLength(part.number(), settings.partSize());
        try (UploadFile.PartBytes bytes = part.file().part(part.number(), settings.partSize())) {
            String checksum = client.uploadReadSetPart(b -> b.sequenceStoreId(create.sequenceStoreId())
                            .uploadId(uploadId).partSource(part.file().partSource()).partNumber(part.number()),
                    RequestBody.fromContentProvider(bytes, length, "application/octet-stream"))
                    .checksum();
            return new Part(part.file().partSource(), part.number(), checksum);
        }
    }

    private long lengthOf(Part part) {
        UploadFile file = files.stream().filter(f -> f.partSource().equals(part.partSource())).findFirst().orElseThrow();
        return file.partLength(part.partNumber(), settings.partSize());
    }

    /** Parts cut from a file that changed while they were sent would make a read set of two versions of it. */
    private void unchangedSinceBegun(Upload upload) {
        for (UploadFile file : files) {
            try {
                UploadFile now = file.now();
                if (now.size() != file.size() || now.lastModified() != file.lastModified()) {
                    throw new FileChangedException("aws2-omics:uploadReadSet: " + file.path() + " changed while upload "
                                                   + upload.uploadId() + " sent it (size " + file.size() + " -> "
                                                   + now.size() + ", modified " + file.lastModified() + " -> "
                                                   + now.lastModified() + "): the upload is aborted; send it again once "
                                                   + "the file is complete");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("aws2-omics:uploadReadSet: " + file.path() + " can no longer be read", e);
            }
        }
    }

    /** Keeps or aborts the upload after a failure, and gives back the failure to throw. */
    private RuntimeException afterFailure(Upload upload, RuntimeException failure) {
        if (UploadFailures.mendable(failure)) {
            LOG.warn("Upload {} of {} failed ({}); kept for a resume: the next attempt goes on from its first missing "
                     + "part", upload.uploadId(), key.source1(), failure.toString());
            return failure;
        }
        if (settings.keepOnFailure() && !(failure instanceof FileChangedException)) {
            LOG.warn("Upload {} of {} failed ({}); kept for a later resume (keepUploadOnFailure=true)",
                    upload.uploadId(), key.source1(), failure.toString());
            return failure;
        }
        LOG.warn("Upload {} of {} failed ({}); aborting it", upload.uploadId(), key.source1(), failure.toString());
        abortQuietly(upload.uploadId());
        ledger.remove(key);
        return failure;
    }

    private void abortQuietly(String uploadId) {
        try {
            client.abortMultipartReadSetUpload(b -> b.sequenceStoreId(create.sequenceStoreId()).uploadId(uploadId));
        } catch (AwsServiceException e) {
            // gone already (aborted, expired, completed): nothing is left to abort
            LOG.debug("Abort of upload {} answered {}", uploadId, e.toString());
        }
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

    private record PartToSend(UploadFile file, int number) {
    }
}
