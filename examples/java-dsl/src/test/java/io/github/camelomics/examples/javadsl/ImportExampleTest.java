package io.github.camelomics.examples.javadsl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportExampleTest {

    @Test
    void theSampleIsImportedIntoOneReadSet() throws Exception {
        ImportExample.Outcome outcome = ImportExample.run();

        assertEquals("COMPLETED", outcome.status());
        assertTrue(outcome.jobId().matches("[0-9]{10,36}"), outcome.jobId());
        assertEquals(1, outcome.readSetIds().size(), "one paired FASTQ source, one read set");
        assertTrue(outcome.readSetIds().get(0).matches("[0-9]{10,36}"), outcome.readSetIds().toString());
    }
}
