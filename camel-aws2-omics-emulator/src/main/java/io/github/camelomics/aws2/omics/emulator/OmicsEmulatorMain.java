package io.github.camelomics.aws2.omics.emulator;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The runnable jar (the {@code standalone} artifact, every dependency inside):
 * {@code java -jar camel-aws2-omics-emulator-VERSION-standalone.jar --port 0 --data-dir DIR}.
 * Prints {@code HealthOmics emulator listening on http://127.0.0.1:PORT} on stdout once it accepts requests
 * (scripts wait for that line), logs one line per request on stderr unless {@code --quiet}, and stops cleanly on
 * SIGTERM / Ctrl-C.
 */
public final class OmicsEmulatorMain {

    private static final String USAGE = """
            Usage: java -jar %s [options]
              --port N                  port to listen on (0 = any free port; default 0)
              --host ADDR               address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
              --data-dir DIR            local S3 root (s3://bucket/key = DIR/bucket/key) and state dir (required)
              --sequence-store-id ID    a sequence store that exists (repeatable; default 1234567890)
              --access-key K --secret-key S
                                        verify SigV4 signatures made with this key pair (default: no check)
              --rate-limit N            requests per second per operation, 0 = off (default 5; the upload
                                        operations keep the service's own: parts 10, Create/Complete/Abort 1)
              --max-active-jobs N       unfinished import jobs allowed at once (default 10)
              --max-activation-jobs N   unfinished activation jobs allowed at once (default 10)
              --max-export-jobs N       unfinished export jobs allowed at once (default 10)
              --submitted-duration D    time a job stays SUBMITTED: seconds or ISO-8601, e.g. 1 or PT1S (default 1)
              --import-duration D       time an import job stays IN_PROGRESS (default 5)
              --activation-duration D   time an activation job stays IN_PROGRESS, its read sets ACTIVATING (default 5)
              --export-duration D       time an export job stays IN_PROGRESS before its files are written (default 5)
              --archive-after-days N    archive a read set unread for N days, as the service does after 30
                                        (default: never; POST /_emulator/read-sets/archive archives at once)
              --region R                region in read set ARNs (default us-east-1)
              --etag-algorithm-family F MD5up, SHA256up or SHA512up: how read set ETags are computed (default MD5up)
              --no-persistence          keep state in memory only (default: kept in DIR/.omics-emulator)
              --quiet                   no log line per request (default: one INFO line each on stderr)
              --help                    print this and exit
            """;
    /** One line per log record: time, level, message (the JDK's default spreads each record over two lines). */
    private static final String LOG_FORMAT = "%1$tFT%1$tT.%1$tL %4$s %5$s%6$s%n";

    private OmicsEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
        }
        OmicsEmulator emulator;
        try {
            emulator = parse(args).build();
        } catch (HelpRequested e) {
            System.out.print(usage());
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(usage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "omics-emulator-shutdown"));
        emulator.start();
        PrintStream out = System.out;
        out.println("HealthOmics emulator listening on " + emulator.endpoint());
        out.flush();
        stopped.await();
    }

    static OmicsEmulator.Builder parse(String[] args) {
        OmicsEmulator.Builder builder = OmicsEmulator.builder().persistence(true).logRequests(true);
        List<String> stores = new ArrayList<>();
        String accessKey = null;
        String secretKey = null;
        boolean dataDirGiven = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-persistence")) {
                builder.persistence(false);
                continue;
            }
            if (option.equals("--quiet")) {
                builder.logRequests(false);
                continue;
            }
            if (option.equals("--help") || option.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--host" -> builder.bindAddress(value);
                case "--data-dir" -> {
                    builder.dataDir(Path.of(value));
                    dataDirGiven = true;
                }
                case "--sequence-store-id" -> stores.add(value);
                case "--access-key" -> accessKey = value;
                case "--secret-key" -> secretKey = value;
                case "--rate-limit" -> builder.rateLimitPerSecond(Double.parseDouble(value));
                case "--max-active-jobs" -> builder.maxActiveJobs(Integer.parseInt(value));
                case "--submitted-duration" -> builder.submittedDuration(duration(value));
                case "--import-duration" -> builder.importDuration(duration(value));
                case "--max-activation-jobs" -> builder.maxConcurrentActivationJobs(Integer.parseInt(value));
                case "--max-export-jobs" -> builder.maxConcurrentExportJobs(Integer.parseInt(value));
                case "--activation-duration" -> builder.activationDuration(duration(value));
                case "--export-duration" -> builder.exportDuration(duration(value));
                case "--archive-after-days" -> builder.archiveAfterDays(Integer.parseInt(value));
                case "--region" -> builder.region(value);
                case "--etag-algorithm-family" -> builder.eTagAlgorithmFamily(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!dataDirGiven) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        if (!stores.isEmpty()) {
            builder.sequenceStoreIds(stores);
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("--access-key and --secret-key go together");
        }
        if (accessKey != null) {
            builder.credentials(accessKey, secretKey);
        }
        return builder;
    }

    /** The usage, naming the jar this class was loaded from. */
    static String usage() {
        String jar = "camel-aws2-omics-emulator-standalone.jar";
        try {
            Path location = Path.of(OmicsEmulatorMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.getFileName().toString().endsWith(".jar")) {
                jar = location.getFileName().toString();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source to name (or not a file): the generic name will do
        }
        return USAGE.formatted(jar);
    }

    /** Not an error: ends parsing so the usage can be printed. */
    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private static Duration duration(String value) {
        if (value.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        }
        return Duration.parse(value);
    }
}
