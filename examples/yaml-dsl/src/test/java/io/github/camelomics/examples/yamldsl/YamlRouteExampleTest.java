package io.github.camelomics.examples.yamldsl;

import java.time.Duration;

import io.github.camelomics.examples.support.ExampleLauncher;
import io.github.camelomics.examples.support.ImportOutcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example as a user runs it: application.properties and the route file on camel-main, the emulator embedded. */
class YamlRouteExampleTest {

    @Test
    void theSampleIsImportedIntoOneReadSet() throws Exception {
        ImportOutcome outcome = new ExampleLauncher().emulatorPace(Duration.ofMillis(200), Duration.ofMillis(300)).run();

        assertTrue(outcome.completed(), outcome.toString());
        assertEquals(1, outcome.readSetIds().size(), "one paired FASTQ source, one read set: " + outcome);
    }
}
