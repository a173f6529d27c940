package io.github.camelomics.aws2.omics.internal.upload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelomics.aws2.omics.UploadLedger.Part;
import io.github.camelomics.aws2.omics.UploadLedger.Upload;
import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import io.github.camelomics.aws2.omics.internal.upload.MissingParts.PartToSend;

/**
 * Sends the missing parts of an upload, {@code partsInFlight} at a time, streamed from disk. Each confirmed part is
 * recorded on the calling thread (the ledger sees one writer per upload) before the next one starts: a part is sent
 * only while fewer than partsInFlight are sent and not yet recorded, so a crash at any moment loses at most
 * partsInFlight parts, however slow the ledger. Each confirmed part, and its bytes, are counted in the metrics.
 */
final class PartSender {

    private final UploadCalls calls;
    private final LedgerEntry entry;
    private final long partSize;
    private final int partsInFlight;
    private final OmicsMetrics metrics;

    PartSender(UploadCalls calls, LedgerEntry entry, long partSize, int partsInFlight, OmicsMetrics metrics) {
        this.calls = calls;
        this.entry = entry;
        this.partSize = partSize;
        this.partsInFlight = partsInFlight;
        this.metrics = metrics;
    }

    /** @return the upload with every part confirmed */
    Upload sendAll(Upload begun, List<PartToSend> missing, ProgressMeter progress) {
        if (missing.isEmpty()) {
            return begun;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(partsInFlight, missing.size()), r -> {
            Thread thread = new Thread(r, "aws2-omics-upload-" + begun.uploadId() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<Sent> sent = new ExecutorCompletionService<>(pool);
        List<Future<Sent>> futures = new ArrayList<>();
        Iterator<PartToSend> next = missing.iterator();
        List<Part> confirmed = new ArrayList<>(begun.parts());
        Upload upload = begun;
        try {
            for (int i = 0; i < partsInFlight && next.hasNext(); i++) {
                PartToSend part = next.next();
                futures.add(sent.submit(() -> send(begun.uploadId(), part)));
            }
            for (int done = 0; done < missing.size(); ) {
                Future<Sent> answered = sent.poll(progress.nanosToNextLog(), TimeUnit.NANOSECONDS);
                progress.logIfDue();
                if (answered == null) {
                    continue;
                }
                Sent part = answered.get();
                confirmed.add(part.part());
                upload = upload.withParts(confirmed);
                entry.save(upload);
                progress.partDone(part.bytes());
                metrics.uploadParts(calls.sequenceStoreId(), OmicsMetrics.PART_SENT, 1);
                metrics.uploadBytes(calls.sequenceStoreId(), part.bytes());
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

    private Sent send(String uploadId, PartToSend part) throws IOException {
        long length = part.file().partLength(part.number(), partSize);
        try (UploadFile.PartBytes bytes = part.file().part(part.number(), partSize)) {
            String checksum = calls.sendPart(uploadId, part.file().partSource(), part.number(), bytes, length);
            return new Sent(new Part(part.file().partSource(), part.number(), checksum), length);
        }
    }

    private record Sent(Part part, long bytes) {
    }
}
