package io.github.camelomics.examples.springboot;

import java.time.Duration;

import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.emulator.state.JobStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example as it ships, on its embedded emulator; only the emulator's job durations are shortened. */
@SpringBootTest(properties = {
        "omics.emulator.submitted-duration=0s",
        "omics.emulator.import-duration=0s",
        "camel.component.aws2-omics.poll-interval=50ms" })
class ImportApplicationTest {

    @Autowired
    ImportOutcomes outcomes;
    @Autowired
    OmicsEmulator emulator;

    @Test
    void theSampleIsImportedIntoOneReadSet() throws Exception {
        ImportOutcomes.Outcome outcome = outcomes.await(Duration.ofSeconds(30));

        assertNull(outcome.error());
        assertEquals("COMPLETED", outcome.status());
        assertEquals(1, outcome.readSetIds().size(), "one paired FASTQ source, one read set");
        ImportJob job = emulator.state().job(emulator.sequenceStoreId(), outcome.jobId()).orElseThrow();
        assertEquals(JobStatus.COMPLETED, job.status());
        assertEquals(outcome.readSetIds().get(0), job.outcomes().get(0).readSetId());
        assertTrue(emulator.state().readSet(emulator.sequenceStoreId(), outcome.readSetIds().get(0)).isPresent());
    }
}
