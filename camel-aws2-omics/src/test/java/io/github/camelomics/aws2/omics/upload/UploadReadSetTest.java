package io.github.camelomics.aws2.omics.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;

import io.github.camelomics.aws2.omics.InvalidRequestException;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.Omics2Endpoint;
import io.github.camelomics.aws2.omics.ReadSetUploadFailedException;
import io.github.camelomics.aws2.omics.ReadSetUploadWaitException;
import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.UploadProgress;
import io.github.camelomics.aws2.omics.WaitTimer;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.state.MultipartUpload;
import io.github.camelomics.aws2.omics.FileUploadLedger;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.InternalServerException;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;
import software.amazon.awssdk.services.omics.model.ValidationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operation uploadReadSet against the emulator through the real SDK: files in parts, resumed from the first missing
 * part after a failure, started over when the file changed, the recorded read set for a redelivery, and input that
 * cannot be uploaded refused before anything is sent.
 */
class UploadReadSetTest extends EmulatorTestSupport {

    private static final int PART = 64 * 1024;

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> { });

    @TempDir
    Path dir;

    UploadReadSetTest() {
        super(EMULATOR);
    }

    private String uri(String extra) {
        return uploadUri(PART, dir.resolve("ledger"), extra);
    }

    @Test
    void aPairedFastqGoesUpInPartsAndIsWaitedForUntilActive() throws IOException {
        Path r1 = fastq("r1.fastq.gz", 4000);
        Path r2 = fastq("r2.fastq.gz", 4000);
        onEmulatedTime(uri("&waitForCompletion=true&pollInterval=1s"));

        Exchange done = upload(uri("&waitForCompletion=true&pollInterval=1s"), r1.toFile(),
                Map.of(Omics2Constants.UPLOAD_SOURCE2, r2));

        assertEquals(null, done.getException());
        GetReadSetMetadataResponse readSet = done.getMessage().getBody(GetReadSetMetadataResponse.class);
        assertEquals(ReadSetStatus.ACTIVE, readSet.status());
        assertEquals(8000L, readSet.sequenceInformation().totalReadCount());
        assertEquals("r1.fastq.gz", readSet.name(), "the name defaults to the first file's");
        assertEquals(readSet.id(), done.getMessage().getHeader(Omics2Constants.READ_SET_ID));
        int parts1 = parts(r1);
        int parts2 = parts(r2);
        assertEquals(parts1 + parts2, done.getMessage().getHeader(Omics2Constants.UPLOAD_PARTS_SENT));
        assertEquals(1, done.getMessage().getHeader(Omics2Constants.UPLOAD_RESUMED_FROM_PART));
        MultipartUpload upload = EMULATOR.state().uploads().get(0);
        assertEquals(parts1, upload.parts("SOURCE1").size());
        assertEquals(parts2, upload.parts("SOURCE2").size());
        assertEquals(parts1 + parts2, EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART));
        assertArrayEquals(Files.readAllBytes(r1), joined(upload.uploadId(), "SOURCE1", parts1), "the bytes that arrived");
        UploadProgress progress = done.getMessage().getHeader(Omics2Constants.UPLOAD_PROGRESS, UploadProgress.class);
        assertEquals(parts1 + parts2, progress.partsDone());
        assertEquals(Files.size(r1) + Files.size(r2), progress.bytesDone());
    }

    @Test
    void anExchangeRedeliveredAfterCompleteGetsTheRecordedReadSetWithoutSending() throws IOException {
        Path r1 = fastq("r1.fastq.gz", 2000);
        Exchange first = upload(uri(""), r1, Map.of());
        long requests = EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART);

        Exchange again = upload(uri(""), r1, Map.of());

        assertEquals(first.getMessage().getHeader(Omics2Constants.READ_SET_ID),
                again.getMessage().getHeader(Omics2Constants.READ_SET_ID));
        assertEquals(0, again.getMessage().getHeader(Omics2Constants.UPLOAD_PARTS_SENT));
        assertEquals(0, again.getMessage().getHeader(Omics2Constants.UPLOAD_RESUMED_FROM_PART));
        assertEquals(requests, EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART));
        assertEquals(1, EMULATOR.requestCounts().of(Operation.CREATE_MULTIPART_READ_SET_UPLOAD));
        assertEquals(1, EMULATOR.state().readSets().size());
    }

    @Test
    void theSameExchangeRedeliveredAfterCompleteGetsTheRecordedReadSet() throws Exception {
        Path r1 = fastq("r1.fastq.gz", 2000);
        String uri = uri("&waitForCompletion=true&pollInterval=1s");
        onEmulatedTime(uri);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                onException(InternalServerException.class).maximumRedeliveries(1).redeliveryDelay(0);
                from("direct:upload").to(uri);
            }
        });
        // the upload completes, then the wait's look at the read set fails on every SDK attempt: Camel redelivers
        EMULATOR.faults().failNext(4, Operation.GET_READ_SET_METADATA, ErrorShape.INTERNAL_SERVER);

        Exchange done = upload("direct:upload", r1, Map.of());

        assertEquals(null, done.getException());
        assertEquals(Boolean.TRUE, done.getMessage().getHeader(Exchange.REDELIVERED));
        assertEquals(0, done.getMessage().getHeader(Omics2Constants.UPLOAD_PARTS_SENT), "the redelivery sent nothing");
        assertEquals(1, EMULATOR.requestCounts().of(Operation.CREATE_MULTIPART_READ_SET_UPLOAD));
        assertEquals(1, EMULATOR.requestCounts().of(Operation.COMPLETE_MULTIPART_READ_SET_UPLOAD));
        assertEquals(1, EMULATOR.state().readSets().size());
        assertEquals(EMULATOR.state().readSets().get(0).id(), done.getMessage().getHeader(Omics2Constants.READ_SET_ID));
    }

    @Test
    void aCrashBetweenCreatesAnswerAndItsRecordCreatesAgainWithTheRecordedTokenAndGetsTheSameUpload() throws IOException {
        Path r1 = fastq("r1.fastq.gz", 1000);
        FileUploadLedger files = new FileUploadLedger(dir.resolve("ledger"));
        AtomicBoolean crashed = new AtomicBoolean();
        // a ledger that dies once, right after the service answered the Create: as a JVM killed at that moment
        context.getRegistry().bind("crashingOnce", new UploadLedger() {
            @Override
            public Optional<Upload> find(Key key) {
                return files.find(key);
            }

            @Override
            public void save(Key key, Upload upload) {
                if (upload.uploadId() != null && !crashed.getAndSet(true)) {
                    throw new IllegalStateException("killed");
                }
                files.save(key, upload);
            }

            @Override
            public void remove(Key key) {
                files.remove(key);
            }
        });
        Exchange crashed1 = upload(uri("&uploadLedger=#crashingOnce"), r1, Map.of());
        assertEquals("killed", crashed1.getException().getMessage());

        Exchange again = upload(uri("&uploadLedger=#crashingOnce"), r1, Map.of());

        assertEquals(null, again.getException());
        assertEquals(2, EMULATOR.requestCounts().of(Operation.CREATE_MULTIPART_READ_SET_UPLOAD));
        assertEquals(1, EMULATOR.state().uploads().size(), "the second Create, same token, got the first upload");
        assertTrue(EMULATOR.state().uploads().get(0).request().path("clientToken").asText().startsWith("camel-upload-"));
        assertEquals(1, EMULATOR.state().readSets().size());
    }

    @Test
    void anUploadCutOffAfterSomePartsGoesOnFromTheFirstMissingPart() throws IOException {
        Path r1 = fastq("r1.fastq.gz", 6000);
        int total = parts(r1);
        // the service starts failing every part once three are in: the exchange fails with the service's error
        context.getRegistry().bind("failAfterThree", (io.github.camelomics.aws2.omics.UploadProgressListener) p -> {
            if (p.partsDone() == 3) {
                EMULATOR.faults().failNext(1000, Operation.UPLOAD_READ_SET_PART, ErrorShape.INTERNAL_SERVER);
            }
        });
        Exchange cut = upload(uri("&partsInFlight=1&maxAttempts=1&progressListener=#failAfterThree"), r1, Map.of());
        assertInstanceOf(InternalServerException.class, cut.getException());
        String uploadId = EMULATOR.state().uploads().get(0).uploadId();
        // the part after the third may have gone before the fault was armed; each one the service holds is recorded
        int held = EMULATOR.state().uploads().get(0).parts().size();
        assertTrue(held >= 3 && held < total, held + " parts held: kept, as a 500 is mended by a later attempt");
        EMULATOR.faults().clear();
        long before = EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART);

        Exchange resumed = upload(uri(""), r1, Map.of());

        assertEquals(null, resumed.getException());
        assertEquals(held + 1, resumed.getMessage().getHeader(Omics2Constants.UPLOAD_RESUMED_FROM_PART));
        assertEquals(total - held, resumed.getMessage().getHeader(Omics2Constants.UPLOAD_PARTS_SENT));
        assertEquals(total - held, EMULATOR.requestCounts().of(Operation.UPLOAD_READ_SET_PART) - before);
        assertEquals(uploadId, resumed.getMessage().getHeader(Omics2Constants.UPLOAD_ID), "the same upload went on");
        assertEquals(1, EMULATOR.requestCounts().of(Operation.LIST_READ_SET_UPLOAD_PARTS), "checked with the service");
        assertEquals(1, EMULATOR.state().readSets().size());
    }

    @Test
    void aFileChangedSinceItsUploadBeganIsUploadedAnewAndTheOldUploadAborted() throws IOException {
        Path r1 = fastq("r1.fastq.gz", 4000);
        context.getRegistry().bind("failAfterTwo", (io.github.camelomics.aws2.omics.UploadProgressListener) p -> {
            if (p.partsDone() == 2) {
                EMULATOR.faults().failNext(1000, Operation.UPLOAD_READ_SET_PART, ErrorShape.INTERNAL_SERVER);
            }
        });
        upload(uri("&partsInFlight=1&maxAttempts=1&progressListener=#failAfterTwo"), r1, Map.of());
        String oldUpload = EMULATOR.state().uploads().get(0).uploadId();
        EMULATOR.faults().clear();
        Files.setLastModifiedTime(r1, FileTime.fromMillis(Files.getLastModifiedTime(r1).toMillis() + 60_000));

        Exchange anew = upload(uri(""), r1, Map.of());

        assertEquals(1, anew.getMessage().getHeader(Omics2Constants.UPLOAD_RESUMED_FROM_PART));
        assertNotEquals(oldUpload, anew.getMessage().getHeader(Omics2Constants.UPLOAD_ID));
        assertEquals(1, EMULATOR.requestCounts().of(Operation.ABORT_MULTIPART_READ_SET_UPLOAD));
        assertTrue(EMULATOR.state().uploads().stream().noneMatch(u -> u.uploadId().equals(oldUpload)));
        assertEquals(1, EMULATOR.state().readSets().size());
    }

    @Test
    void aRefusedCompleteAbortsTheUploadUnlessAskedToKeepIt() throws IOException {
        Path r1 = fastq("r1.fastq.gz", 500);
        EMULATOR.faults().failNext(1, Operation.COMPLETE_MULTIPART_READ_SET_UPLOAD, ErrorShape.VALIDATION);
        Exchange refused = upload(uri(""), r1, Map.of());
        assertInstanceOf(ValidationException.class, refused.getException());
        assertTrue(EMULATOR.state().uploads().isEmpty(), "aborted");
        assertEquals(1, EMULATOR.requestCounts().of(Operation.ABORT_MULTIPART_READ_SET_UPLOAD));

        EMULATOR.faults().failNext(1, Operation.COMPLETE_MULTIPART_READ_SET_UPLOAD, ErrorShape.VALIDATION);
        Exchange kept = upload(uri("&keepUploadOnFailure=true"), r1, Map.of());
        assertInstanceOf(ValidationException.class, kept.getException());
        assertEquals(1, EMULATOR.state().uploads().size(), "kept for a later resume");
        Exchange resumed = upload(uri(""), r1, Map.of());
        assertEquals(0, resumed.getMessage().getHeader(Omics2Constants.UPLOAD_PARTS_SENT), "every part was there");
        assertEquals(parts(r1) + 1, resumed.getMessage().getHeader(Omics2Constants.UPLOAD_RESUMED_FROM_PART),
                "only Complete was left");
        assertEquals(1, EMULATOR.state().readSets().size());
    }

    @Test
    void aReadSetThatEndsUploadFailedFailsTheExchangeWithTheServicesMessage() throws IOException {
        Path notGzip = Files.writeString(dir.resolve("r1.fastq"), "@r1\nACGT\n+\nFFFF\n");
        onEmulatedTime(uri("&waitForCompletion=true&pollInterval=1s"));

        Exchange failed = upload(uri("&waitForCompletion=true&pollInterval=1s"), notGzip, Map.of());

        ReadSetUploadFailedException e = assertInstanceOf(ReadSetUploadFailedException.class, failed.getException());
        assertTrue(e.getStatusMessage().startsWith("source1 is not gzip-compressed"), e.getMessage());
    }

    @Test
    void aWaitThatEndsWhileTheReadSetIsProcessedSaysWhichAndHowFarItGot() throws IOException {
        Path r1 = fastq("r1.fastq.gz", 500);
        // the emulator processes an upload for 5 s of its time
        String uri = uri("&waitForCompletion=true&pollInterval=1s&waitTimeout=2s");
        onEmulatedTime(uri);

        Exchange timedOut = upload(uri, r1, Map.of());

        ReadSetUploadWaitException e = assertInstanceOf(ReadSetUploadWaitException.class, timedOut.getException());
        assertEquals(timedOut.getMessage().getHeader(Omics2Constants.READ_SET_ID), e.getReadSetId());
        assertEquals("PROCESSING_UPLOAD", e.getLastStatus());
        assertTrue(e.getMessage().contains("waitTimeout"), e.getMessage());

        String stopping = uri("&waitForCompletion=true&pollInterval=1s");
        context.getEndpoint(stopping, Omics2Endpoint.class).setWaitTimer(new WaitTimer() {
            @Override
            public Instant now() {
                return EMULATOR.clock().instant();
            }

            @Override
            public boolean pause(Duration duration, BooleanSupplier keepWaiting) {
                return false; // as when Camel stops
            }
        });
        Exchange stopped = upload(stopping, fastq("r2.fastq.gz", 500), Map.of());

        ReadSetUploadWaitException s = assertInstanceOf(ReadSetUploadWaitException.class, stopped.getException());
        assertTrue(s.getMessage().contains("stopping"), s.getMessage());
        assertEquals(2, EMULATOR.state().readSets().size(), "both uploads completed; only their waits ended");
    }

    @Test
    void filesThatCannotBeUploadedAreRefusedBeforeAnythingIsSent() throws IOException {
        Path bam = Files.write(dir.resolve("a.bam"), new byte[] {1, 2, 3});
        Map<String, Object> headers = new HashMap<>();
        headers.put(Omics2Constants.SOURCE_FILE_TYPE, "BAM");
        headers.put(Omics2Constants.UPLOAD_SOURCE2, dir.resolve("missing.bam").toString());

        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class,
                upload(uri(""), bam, headers).getException());

        assertEquals(List.of("header CamelAwsOmicsUploadSource2: a second file is only for a paired FASTQ, not for "
                             + "sourceFileType BAM, got " + dir.resolve("missing.bam"),
                "referenceArn: must not be null when sourceFileType is BAM, got none"), e.getProblems(),
                "the files' problems and the fields' in one report");
        InvalidRequestException text = assertInstanceOf(InvalidRequestException.class,
                upload(uri(""), "r1.fastq.gz", Map.of()).getException());
        assertEquals(List.of("body: expected the file to upload (a java.io.File, a java.nio.file.Path or a file from "
                             + "Camel's file component), got a java.lang.String"), text.getProblems());
        assertEquals(0, EMULATOR.requestCounts().of(Operation.CREATE_MULTIPART_READ_SET_UPLOAD));
    }

    @Test
    void theFilesProblemsComeBeforeThoseOfHeadersThatCannotBeRead() {
        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class,
                upload(uri(""), "r1.fastq.gz", Map.of(Omics2Constants.SAMPLE_ID, List.of("NA12878"))).getException());

        assertEquals(List.of("body: expected the file to upload (a java.io.File, a java.nio.file.Path or a file from "
                             + "Camel's file component), got a java.lang.String",
                "header CamelAwsOmicsSampleId: expected text, got a java.util.ImmutableCollections$List12"),
                e.getProblems(), "a header that cannot be read hides the checks, not the files' problems");
    }

    @Test
    void missingAndInvalidFieldsAreRefusedBeforeAnythingIsSent() throws IOException {
        Path bam = Files.write(dir.resolve("a.bam"), new byte[] {1, 2, 3});
        Map<String, Object> headers = new HashMap<>();
        headers.put(Omics2Constants.SOURCE_FILE_TYPE, "BAM");
        headers.put(Omics2Constants.SUBJECT_ID, null);

        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class,
                upload(uri(""), bam, headers).getException());

        assertEquals(List.of("subjectId: required, got none; set header CamelAwsOmicsSubjectId",
                "referenceArn: must not be null when sourceFileType is BAM, got none"), e.getProblems());
        assertEquals(0, EMULATOR.requestCounts().of(Operation.CREATE_MULTIPART_READ_SET_UPLOAD));
    }

    private int parts(Path file) throws IOException {
        return (int) ((Files.size(file) + PART - 1) / PART);
    }

    private byte[] joined(String uploadId, String source, int parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int n = 1; n <= parts; n++) {
            all.write(Files.readAllBytes(EMULATOR.dataDir().resolve(".omics-emulator/uploads/" + uploadId + "/" + source
                                                                    + "/" + n + ".part")));
        }
        return all.toByteArray();
    }

    /** A gzip FASTQ of random bases (so it does not compress to nothing): some hundred KB for 4000 reads. */
    private Path fastq(String name, int reads) throws IOException {
        java.util.Random random = new java.util.Random(name.hashCode());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < reads; i++) {
            text.append("@read").append(i).append('\n');
            for (int b = 0; b < 100; b++) {
                text.append("ACGT".charAt(random.nextInt(4)));
            }
            text.append("\n+\n");
            for (int b = 0; b < 100; b++) {
                text.append((char) ('!' + random.nextInt(40)));
            }
            text.append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }
}
