package io.github.camelomics.aws2.omics.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camelomics.aws2.omics.ImportJobStatusConsumer;
import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.Omics2Endpoint;
import io.github.camelomics.aws2.omics.UploadProgressListener;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.s3.SyntheticFastqPair;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import software.amazon.awssdk.services.omics.model.InternalServerException;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work in flight, as the dev console and JMX are there to show it, made through the component's routes against the
 * emulator: an upload resumed from part 3 and held after its 4th part; two exchanges waiting for import jobs that run
 * (one for the two jobs of a start cut at one source a job, one for the first of them by id, which a Get gave with its
 * sources), whose watch has polled once and pauses on a {@link SteppedTimer}; and a status consumer that has polled
 * once. The component needs maxAttempts=1 (the upload's first run fails at once) and requestsPerSecond above 0 (quota
 * lines), the emulator jobs that stay IN_PROGRESS for a while ({@link #EMULATOR_SETTINGS}).
 */
public final class InFlightScene implements AutoCloseable {

    /** Jobs leave SUBMITTED after 10 s of emulated time, then run for an hour. */
    public static final Consumer<OmicsEmulator.Builder> EMULATOR_SETTINGS =
            b -> b.submittedDuration(Duration.ofSeconds(10)).importDuration(Duration.ofHours(1));
    public static final int PART_SIZE = 32 * 1024;
    public static final String UPLOAD = "aws2-omics:uploadReadSet?partSize=" + PART_SIZE
                                        + "&partsInFlight=1&uploadLedgerDirectory=";
    public static final String START = "aws2-omics:startReadSetImportJob?waitForCompletion=true&maxSourcesPerJob=1";
    public static final String GET = "aws2-omics:getReadSetImportJob?waitForCompletion=true";
    public static final String CONSUMER_ROUTE = "import-statuses";
    /** The status consumer; its URI carries the keys, which neither the console nor JMX may show. */
    public static final String CONSUMER = "aws2-omics:listReadSetImportJobs?initialDelay=0&delay=3600000&accessKey="
                                          + EmulatorTestSupport.ACCESS_KEY + "&secretKey=RAW("
                                          + EmulatorTestSupport.SECRET_KEY + ")";
    /** The part after which the upload is held. */
    public static final int HELD_AT_PART = 4;

    private final CamelContext context;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch held = new CountDownLatch(1);
    private final OmicsEmulatorExtension emulator;
    private final Omics2Component component;
    private CompletableFuture<Exchange> upload;
    private final List<CompletableFuture<Exchange>> imports = new ArrayList<>();
    private SteppedTimer timer;
    private Path file;

    private InFlightScene(CamelContext context, OmicsEmulatorExtension emulator) {
        this.context = context;
        this.emulator = emulator;
        this.component = context.getComponent("aws2-omics", Omics2Component.class);
    }

    /** Sets the scene in a started context; {@code dir} takes the upload's file and ledger. */
    public static InFlightScene start(CamelContext context, OmicsEmulatorExtension emulator, Path dir)
            throws Exception {
        InFlightScene scene = new InFlightScene(context, emulator);
        scene.bindListeners();
        String ledger = dir.resolve("ledger").toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the cut is expected: no error handler to log it
                from("direct:upload-cut").errorHandler(noErrorHandler())
                        .to(UPLOAD + ledger + "&progressListener=#cutAfterTwo");
                from("direct:upload").to(UPLOAD + ledger + "&progressListener=#holdAtFour");
                from("direct:start").to(START);
                from("direct:get").to(GET);
                from(CONSUMER).routeId(CONSUMER_ROUTE).autoStartup(false)
                        .log(LoggingLevel.DEBUG, "${header.CamelAwsOmicsImportJobId} ${header.CamelAwsOmicsImportJobStatus}");
            }
        });
        scene.uploadHeldAtPartFour(dir);
        scene.importsWaitedFor();
        context.getRouteController().startRoute(CONSUMER_ROUTE);
        ImportJobStatusConsumer consumer = (ImportJobStatusConsumer) context.getRoute(CONSUMER_ROUTE).getConsumer();
        long deadline = System.currentTimeMillis() + 10_000;
        while (consumer.getPolls() == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the consumer did not poll within 10 s");
            Thread.sleep(20);
        }
        return scene;
    }

    /** Upload listeners: one arms the service's errors after two parts, one holds the upload at part 4. */
    private void bindListeners() {
        context.getRegistry().bind("cutAfterTwo", (UploadProgressListener) p -> {
            if (p.partsDone() == 2) {
                emulator.faults().failNext(1000, Operation.UPLOAD_READ_SET_PART, ErrorShape.INTERNAL_SERVER);
            }
        });
        context.getRegistry().bind("holdAtFour", (UploadProgressListener) p -> {
            if (p.partsDone() == HELD_AT_PART) {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** The first run is cut after two parts by the service's errors, the second goes on from part 3. */
    private void uploadHeldAtPartFour(Path dir) throws Exception {
        file = SyntheticFastqPair.atLeast(dir.resolve("fastq"), 300_000).r1();
        ProducerTemplate template = context.createProducerTemplate();
        Exchange cut = template.send("direct:upload-cut", e -> upload(e, file));
        assertInstanceOf(InternalServerException.class, cut.getException());
        emulator.faults().clear();
        upload = template.asyncSend("direct:upload", e -> upload(e, file));
        assertTrue(held.await(20, TimeUnit.SECONDS), "the upload did not reach part " + HELD_AT_PART);
    }

    private static void upload(Exchange exchange, Path file) {
        exchange.getMessage().setBody(file.toFile());
        exchange.getMessage().setHeader(Omics2Constants.SOURCE_FILE_TYPE, "FASTQ");
        exchange.getMessage().setHeader(Omics2Constants.SUBJECT_ID, "NA12878");
        exchange.getMessage().setHeader(Omics2Constants.SAMPLE_ID, "NA12878-run7");
    }

    /** A start of two jobs and a Get of the first wait on one watch, which polls once and pauses. */
    private void importsWaitedFor() throws Exception {
        timer = new SteppedTimer(emulator);
        context.getEndpoint(START, Omics2Endpoint.class).setWaitTimer(timer);
        context.getEndpoint(GET, Omics2Endpoint.class).setWaitTimer(timer);
        String s1 = "s3://lab-bucket/scene/S1_R1.fastq.gz";
        String s2 = "s3://lab-bucket/scene/S2_R1.fastq.gz";
        emulator.s3().putFastq(s1, 4, 50);
        emulator.s3().putFastq(s2, 4, 50);
        ProducerTemplate template = context.createProducerTemplate();
        imports.add(template.asyncSend("direct:start",
                e -> e.getMessage().setBody(List.of(source(s1, "S1"), source(s2, "S2")))));
        timer.awaitPause(1);
        String first = emulator.state().jobs().get(0).id();
        imports.add(template.asyncSend("direct:get", e -> e.getMessage().setHeader(Omics2Constants.IMPORT_JOB_ID, first)));
        long deadline = System.currentTimeMillis() + 10_000;
        while (component.getWaitingExchanges() < 2) {
            assertTrue(System.currentTimeMillis() < deadline, "the Get did not begin waiting within 10 s");
            Thread.sleep(10);
        }
        timer.release();
        timer.awaitPause(2);
    }

    private static Map<String, Object> source(String file, String sample) {
        return Map.of("sourceFiles", Map.of("source1", file), "sourceFileType", "FASTQ", "subjectId", "P1",
                "sampleId", sample);
    }

    /**
     * Lets the held upload go on, and the jobs end, and waits for both: nothing is left in flight for Camel's graceful
     * shutdown to wait for (a stepped watch pauses until released, whether Camel stops or not).
     */
    @Override
    public void close() throws Exception {
        release.countDown();
        if (upload != null) {
            Exchange done = upload.get(30, TimeUnit.SECONDS);
            assertTrue(done.getException() == null, "the held upload failed: " + done.getException());
        }
        if (timer != null) {
            emulator.finishImports();
            timer.releaseUntil(() -> component.getWaitingExchanges() == 0);
            for (CompletableFuture<Exchange> answered : imports) {
                Exchange done = answered.get(30, TimeUnit.SECONDS);
                assertTrue(done.getException() == null, "a waited import failed: " + done.getException());
            }
        }
    }

    /** The uploaded file. */
    public Path file() {
        return file;
    }

    /** The upload's parts: the file in parts of {@link #PART_SIZE}. */
    public int partsTotal() throws java.io.IOException {
        return (int) ((Files.size(file) + PART_SIZE - 1) / PART_SIZE);
    }
}
