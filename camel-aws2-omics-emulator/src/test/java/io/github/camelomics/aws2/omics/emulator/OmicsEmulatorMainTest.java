package io.github.camelomics.aws2.omics.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

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
}
