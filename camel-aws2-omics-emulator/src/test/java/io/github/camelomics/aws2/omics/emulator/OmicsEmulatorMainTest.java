package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.http.RequestLog;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The command line of the runnable jar. */
class OmicsEmulatorMainTest {

    @Test
    void theDataDirIsRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OmicsEmulatorMain.parse(new String[] {"--port", "0"}));

        assertEquals("--data-dir is required", e.getMessage());
    }

    @Test
    void anAccessKeyNeedsASecretKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OmicsEmulatorMain.parse(new String[] {"--data-dir", "x", "--access-key", "AK"}));

        assertEquals("--access-key and --secret-key go together", e.getMessage());
    }

    @Test
    void durationsAreSecondsOrIso8601() {
        try (OmicsEmulator emulator = OmicsEmulatorMain.parse(new String[] {"--data-dir", "target/main-test",
                "--submitted-duration", "0.5", "--import-duration", "PT2M", "--no-persistence"}).build()) {
            assertEquals(Duration.ofMillis(500), emulator.timeline().submitted());
            assertEquals(Duration.ofMinutes(2), emulator.timeline().importing());
        }
    }

    @Test
    void activationsExportsAndArchivingHaveTheirOptions() {
        try (OmicsEmulator emulator = OmicsEmulatorMain.parse(new String[] {"--data-dir", "target/main-test",
                "--activation-duration", "PT1M", "--export-duration", "2.5", "--max-activation-jobs", "3",
                "--max-export-jobs", "4", "--archive-after-days", "30", "--no-persistence"}).build()) {
            assertEquals(Duration.ofMinutes(1), emulator.activationTimeline().importing());
            assertEquals(Duration.ofMillis(2500), emulator.exportTimeline().importing());
            assertEquals(Optional.of(Duration.ofDays(30)), emulator.archiveAfter());
        }
        assertEquals("at least 1 unfinished job must be allowed, not 0", assertThrows(IllegalArgumentException.class,
                () -> OmicsEmulatorMain.parse(new String[] {"--data-dir", "x", "--max-export-jobs", "0"}).build())
                .getMessage());
    }

    @Test
    void readSetsAreNotArchivedByTimeUnlessAsked() {
        try (OmicsEmulator emulator = OmicsEmulatorMain.parse(new String[] {"--data-dir", "target/main-test",
                "--no-persistence"}).build()) {
            assertEquals(Optional.empty(), emulator.archiveAfter());
        }
    }

    @Test
    void sequenceStoresCanBeRepeated() {
        try (OmicsEmulator emulator = OmicsEmulatorMain.parse(new String[] {"--data-dir", "target/main-test",
                "--sequence-store-id", "1111111111", "--sequence-store-id", "2222222222"}).build()) {
            assertEquals(List.of("1111111111", "2222222222"), List.copyOf(emulator.sequenceStoreIds()));
        }
    }

    @Test
    void anUnknownOptionIsRejected() {
        assertEquals("unknown option --verbose", assertThrows(IllegalArgumentException.class,
                () -> OmicsEmulatorMain.parse(new String[] {"--verbose", "yes"})).getMessage());
    }

    @Test
    void hostChoosesTheAddressToListenOn() {
        try (OmicsEmulator emulator = OmicsEmulatorMain.parse(new String[] {"--data-dir", "target/main-test",
                "--host", "localhost", "--no-persistence"}).build().start()) {
            assertEquals("http://localhost:" + emulator.port(), emulator.endpoint().toString());
        }
    }

    @Test
    void anUnknownEtagAlgorithmFamilyIsRejected() {
        assertEquals("an ETag algorithm family is one of MD5up, SHA256up, SHA512up, not CRC32", assertThrows(
                IllegalArgumentException.class, () -> OmicsEmulatorMain.parse(new String[] {"--data-dir", "x",
                        "--etag-algorithm-family", "CRC32"})).getMessage());
    }

    @Test
    void eachRequestIsLoggedOnceUnlessQuiet() throws Exception {
        assertEquals(List.of("ListReadSetImportJobs 200", "GET /_emulator/health 200"), requestLines());
        assertEquals(List.of(), requestLines("--quiet"));
    }

    /** The request log's lines (without the time taken) for one API and one admin request. */
    private static List<String> requestLines(String... options) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(MessageFormat.format(record.getMessage(), record.getParameters()).replaceAll(" \\d+ ms$", ""));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RequestLog.LOGGER);
        logger.addHandler(capture);
        List<String> args = new ArrayList<>(List.of("--data-dir", "target/main-test", "--no-persistence"));
        args.addAll(List.of(options));
        try (OmicsEmulator emulator = OmicsEmulatorMain.parse(args.toArray(String[]::new)).build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/sequencestore/1234567890/importjobs"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/_emulator/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } finally {
            logger.removeHandler(capture);
        }
        return lines;
    }
}
