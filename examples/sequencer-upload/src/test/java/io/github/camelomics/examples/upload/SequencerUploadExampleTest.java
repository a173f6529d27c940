package io.github.camelomics.examples.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.state.ReadSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequencerUploadExampleTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aSampleTheSequencerFinishedIsUploadedAndActiveAndARestartUploadsNothingTwice() throws Exception {
        try (OmicsEmulator emulator = SequencerUploadExample.startEmulator()) {
            SequencerUploadExample.run(emulator, dir.resolve("run"), dir.resolve("ledger"), 1);

            List<ReadSet> readSets = emulator.state().readSets();
            assertEquals(1, readSets.size());
            ReadSet readSet = readSets.get(0);
            assertEquals("ACTIVE", readSet.status());
            assertEquals("UPLOAD", readSet.creationType());
            assertEquals("NA12878", readSet.sampleId());
            assertEquals(Files.size(dir.resolve("run/NA12878_R1.fastq.gz")), readSet.source1Size());
            assertTrue(readSet.totalReadCount() > 0, "reads counted in both files");

            // a restart of the application sees the same sample again (its idempotent repository is in memory):
            // the upload ledger has its read set, so nothing is uploaded twice
            SequencerUploadExample.run(emulator, dir.resolve("run"), dir.resolve("ledger"), 1);
            assertEquals(1, emulator.state().readSets().size());
            assertEquals(1, emulator.state().uploads().size());
        }
    }
}
