package io.github.camelomics.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.UploadProgressListener;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.s3.SyntheticFastqPair;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Point 6: a paired FASTQ uploaded with aws2-omics:uploadReadSet (parts of 100 MiB, 4 in flight, at the service's
 * quotas) to the emulator over loopback, against copying the same bytes over a loopback socket to a file (the floor:
 * read from disk, through TCP, to disk). The emulator streams each part to disk and hashes it, as the copy's receiver
 * writes it; the upload's extra cost is the client's signing (the SDK hashes each part over plain HTTP), HTTP and the
 * calls. The parts' time (to the last part confirmed) is reported apart from Complete, where the emulator reads the
 * whole read set to count its reads: the service's work, not the client's.
 */
final class UploadThroughput {

    private static final long PART_SIZE = 104_857_600L;
    private static final int IN_FLIGHT = 4;

    record Result(long bytes, int parts, double partsSeconds, double totalSeconds, double copySeconds) {

        double ratio() {
            return partsSeconds / copySeconds;
        }
    }

    private UploadThroughput() {
    }

    /** @param work emptied afterwards: the copy and the emulator's parts are as large as the pair */
    static Result run(Path data, Path work, long bytesPerFile) throws Exception {
        try {
            return measure(data, work, bytesPerFile);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Result measure(Path data, Path work, long bytesPerFile) throws Exception {
        SyntheticFastqPair pair = SyntheticFastqPair.atLeast(data, bytesPerFile);
        long bytes = Files.size(pair.r1()) + Files.size(pair.r2());
        double copy = copy(List.of(pair.r1(), pair.r2()), Files.createDirectories(work.resolve("copy")));
        try (OmicsEmulator emulator = OmicsEmulator.builder().dataDir(Files.createDirectories(work.resolve("emulator")))
                .credentials("AKIDBENCH", "bench-secret").build().start()) {
            CamelContext context = new DefaultCamelContext();
            Omics2Configuration config = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
            config.setRegion("us-east-1");
            config.setAccessKey("AKIDBENCH");
            config.setSecretKey("bench-secret");
            config.setOverrideEndpoint(true);
            config.setUriEndpointOverride(emulator.endpoint().toString());
            config.setSequenceStoreId(emulator.sequenceStoreId());
            AtomicLong lastPartAt = new AtomicLong();
            context.getRegistry().bind("lastPart", (UploadProgressListener) p -> lastPartAt.set(System.nanoTime()));
            context.start();
            try (ProducerTemplate template = context.createProducerTemplate()) {
                long start = System.nanoTime();
                Exchange done = template.request("aws2-omics:uploadReadSet?partSize=" + PART_SIZE + "&partsInFlight="
                                                 + IN_FLIGHT + "&progressListener=#lastPart&uploadLedgerDirectory="
                                                 + work.resolve("ledger"), e -> {
                    e.getMessage().setBody(pair.r1());
                    e.getMessage().setHeader(Omics2Constants.UPLOAD_SOURCE2, pair.r2());
                    e.getMessage().setHeader(Omics2Constants.SOURCE_FILE_TYPE, "FASTQ");
                    e.getMessage().setHeader(Omics2Constants.SUBJECT_ID, "bench");
                    e.getMessage().setHeader(Omics2Constants.SAMPLE_ID, "bench");
                });
                long end = System.nanoTime();
                if (done.getException() != null) {
                    throw done.getException();
                }
                int parts = done.getMessage().getHeader(Omics2Constants.UPLOAD_PARTS_SENT, Integer.class);
                return new Result(bytes, parts, (lastPartAt.get() - start) / 1e9, (end - start) / 1e9, copy);
            } finally {
                context.stop();
            }
        }
    }

    /** The files through a loopback socket into files beside each other: the time it took. */
    private static double copy(List<Path> files, Path target) throws Exception {
        ExecutorService receiver = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            for (Path file : files) {
                Future<Long> received = receiver.submit(() -> {
                    try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
                         OutputStream out = Files.newOutputStream(target.resolve(file.getFileName()))) {
                        return in.transferTo(out);
                    }
                });
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                     OutputStream out = socket.getOutputStream()) {
                    Files.copy(file, out);
                }
                if (received.get() != Files.size(file)) {
                    throw new IOException("the copy of " + file + " is incomplete");
                }
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            receiver.shutdownNow();
        }
    }
}
