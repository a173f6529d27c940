package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.faults.Faults;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.omics.OmicsClient;

import java.time.Duration;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit extension hands out the emulator's parts and gives each test a clean emulator and clock. */
@ExtendWith(OmicsEmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OmicsEmulatorExtensionTest {

    @Test
    @Order(1)
    void aTestCanLeaveJobsFaultsAndTimeBehind(OmicsEmulator emulator, SettableClock clock, Faults faults) {
        try (OmicsClient omics = OmicsClients.withoutRetries(emulator.endpoint())) {
            omics.startReadSetImportJob(OmicsClients.start(emulator.sequenceStoreId(), fastq("s3://bucket/a.fastq.gz")));
        }
        clock.advance(Duration.ofHours(1));
        faults.failNext(10, ErrorShape.INTERNAL_SERVER);
    }

    @Test
    @Order(2)
    void theNextTestStartsClean(OmicsEmulator emulator, SettableClock clock, EmulatorState state) {
        assertTrue(state.jobs().isEmpty());
        assertEquals(OmicsEmulatorExtension.DEFAULT_START, clock.instant());
        try (OmicsClient omics = OmicsClients.withoutRetries(emulator.endpoint())) {
            assertEquals("4000000001", omics.startReadSetImportJob(
                    OmicsClients.start(emulator.sequenceStoreId(), fastq("s3://bucket/a.fastq.gz"))).id());
        }
    }
}
