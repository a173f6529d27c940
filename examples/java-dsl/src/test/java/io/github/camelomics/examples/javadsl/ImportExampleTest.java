package io.github.camelomics.examples.javadsl;

import java.time.Duration;

import io.github.camelomics.examples.support.ExampleLauncher;
import io.github.camelomics.examples.support.ImportOutcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportExampleTest {

    @Test
    void theSampleIsImportedIntoOneReadSet() throws Exception {
        ImportOutcome outcome = ImportExample.run(new ExampleLauncher()
                .emulatorPace(Duration.ofMillis(300), Duration.ofMillis(300))
                .property("example.pollMillis", "100"));

        assertNull(outcome.failure());
        assertEquals("COMPLETED", outcome.status());
        assertTrue(outcome.jobId().matches("[0-9]{10,36}"), outcome.jobId());
        assertEquals(1, outcome.readSetIds().size(), "one paired FASTQ source, one read set");
        assertTrue(outcome.readSetIds().get(0).matches("[0-9]{10,36}"), outcome.readSetIds().toString());
    }
}
