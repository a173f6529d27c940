package io.github.camelomics.aws2.omics.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.s3.SyntheticFastqPair;
import io.github.camelomics.aws2.omics.emulator.state.MultipartUpload;
import io.github.camelomics.aws2.omics.emulator.state.ReadSet;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures of issue 15, printed as {@code UPLOAD | key=value ...} rows: a generated FASTQ pair of 2 x 250 MiB
 * uploaded by a separate JVM whose heap is capped at 128 MB, in parts of 32 MiB with a connection cut in the middle
 * of one; the same files again (a redelivery after Complete); and an uploading JVM killed with SIGKILL after about
 * half of the parts, then started again. Each JVM is stopped by its own process handle.
 */
class UploadRowsTest {

    private static final long FILE_BYTES = 250L * 1024 * 1024;
    private static final long PART_SIZE = 32L * 1024 * 1024;
    private static final int IN_FLIGHT = 2;
    private static final Path WORK = Path.of("target", "upload-rows");

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = EmulatorTestSupport.emulatorFor(b -> b.rateLimitPerSecond(5));

    private static SyntheticFastqPair pair;
    private static int parts;
    private final List<Process> started = new ArrayList<>();

    /** An uploading JVM and the file its output goes to. */
    private record Uploader(Process process, Path log) {
    }

    @TempDir
    Path ledgers;

    @BeforeAll
    static void generateThePair() throws IOException {
        pair = SyntheticFastqPair.atLeast(WORK.resolve("data"), FILE_BYTES);
        parts = partsOf(pair.r1()) + partsOf(pair.r2());
    }

    @AfterEach
    void stopWhatWasStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aPairUploadsWithTheHeapCappedThroughACutConnectionAndARedeliveryMakesNothingNew() throws Exception {
        Path ledger = ledgers.resolve("capped");
        EMULATOR.faults().dropConnectionsDuringPart(1);
        long start = System.nanoTime();

        Map<String, String> first = finished(uploader(ledger, "capped"));

        double wall = (System.nanoTime() - start) / 1e9;
        long partRequests = EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART);
        assertEquals(String.valueOf(parts), first.get("partsSent"));
        assertEquals(parts + 1, partRequests, "every part once, the one cut off twice");
        List<ReadSet> readSets = EMULATOR.state().readSets();
        assertEquals(1, readSets.size());
        EMULATOR.finishImports();
        assertEquals(2 * pair.reads(), EMULATOR.state().readSets().get(0).totalReadCount());
        long peak = Long.parseLong(first.get("peakHeapMB"));
        assertTrue(peak <= 128, "peak heap " + peak + " MB");
        row("case=capped-heap sizeMB=" + megabytes(pair.r1()) + "+" + megabytes(pair.r2()) + " parts=" + parts
            + " partSizeMB=" + PART_SIZE / (1024 * 1024) + " partsInFlight=" + IN_FLIGHT + " heapMB=128 peakHeapMB="
            + peak + String.format(" wallS=%.1f", wall));
        row("case=connection-cut-mid-part parts=" + parts + " partRequests=" + partRequests + " readSets="
            + readSets.size());

        Map<String, String> again = finished(uploader(ledger, "redelivered"));

        assertEquals(first.get("readSetId"), again.get("readSetId"));
        assertEquals("0", again.get("partsSent"));
        assertEquals(1, EMULATOR.state().readSets().size());
        assertEquals(1, EMULATOR.requestCounts().of(Operation.CREATE_MULTIPART_READ_SET_UPLOAD));
        row("case=redelivered-after-complete readSetId=" + again.get("readSetId") + " partsSent=" + again.get("partsSent")
            + " creates=1 readSets=" + EMULATOR.state().readSets().size());
    }

    @Test
    void anUploaderKilledAfterHalfThePartsGoesOnFromItsFirstMissingPartWhenStartedAgain() throws Exception {
        Path ledger = ledgers.resolve("killed");
        long start = System.nanoTime();
        Process first = uploader(ledger, "killed").process();
        int atKill = waitForParts(first, parts / 2);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no abort, nothing written after this
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        long requestsBefore = EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART);

        Map<String, String> resumed = finished(uploader(ledger, "restarted"));

        double wall = (System.nanoTime() - start) / 1e9;
        long partRequests = EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART);
        long sentTwice = partRequests - parts;
        int resumedFrom = Integer.parseInt(resumed.get("resumedFromPart"));
        assertTrue(resumedFrom > 1, "resumed from part " + resumedFrom);
        assertTrue(sentTwice <= IN_FLIGHT, sentTwice + " parts sent twice");
        assertEquals(1, EMULATOR.state().readSets().size());
        assertEquals(1, EMULATOR.requestCounts().of(Operation.CREATE_MULTIPART_READ_SET_UPLOAD));
        row("case=killed-and-restarted parts=" + parts + " partsAtKill=" + atKill + " requestsBeforeRestart="
            + requestsBefore + " resumedFromPart=" + resumedFrom + " partsSentTwice=" + sentTwice + " partsInFlight="
            + IN_FLIGHT + " readSets=" + EMULATOR.state().readSets().size() + String.format(" wallS=%.1f", wall));
    }

    /** Waits until the service holds at least {@code count} parts of the upload: how many it holds then. */
    private static int waitForParts(Process uploader, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && uploader.isAlive()) {
            List<MultipartUpload> uploads = EMULATOR.state().uploads();
            if (!uploads.isEmpty() && uploads.get(0).parts().size() >= count) {
                return uploads.get(0).parts().size();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the uploader did not send " + count + " parts in time (alive: " + uploader.isAlive() + ")");
    }

    private Uploader uploader(Path ledger, String name) throws IOException {
        Path log = WORK.resolve(name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), UploadMain.class.getName(),
                EMULATOR.endpoint().toString(), EMULATOR.sequenceStoreId(), ledger.toString(),
                pair.r1().toAbsolutePath().toString(), pair.r2().toAbsolutePath().toString(), String.valueOf(PART_SIZE),
                String.valueOf(IN_FLIGHT))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        return new Uploader(process, log);
    }

    /** Waits for the uploader to end and reads its UPLOADED line. */
    private static Map<String, String> finished(Uploader uploader) throws Exception {
        assertTrue(uploader.process().waitFor(120, TimeUnit.SECONDS), "the uploader did not end in time");
        String output = Files.readString(uploader.log());
        assertEquals(0, uploader.process().exitValue(), output);
        String line = output.lines().filter(l -> l.startsWith("UPLOADED ")).findFirst()
                .orElseThrow(() -> new AssertionError("no UPLOADED line in " + uploader.log()));
        Map<String, String> values = new HashMap<>();
        for (String value : line.substring("UPLOADED ".length()).split(" ")) {
            values.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
        }
        return values;
    }

    private static int partsOf(Path file) throws IOException {
        return (int) ((Files.size(file) + PART_SIZE - 1) / PART_SIZE);
    }

    private static long megabytes(Path file) throws IOException {
        return Files.size(file) / 1_000_000;
    }

    private static void row(String values) {
        System.out.println("UPLOAD | " + values);
    }
}
