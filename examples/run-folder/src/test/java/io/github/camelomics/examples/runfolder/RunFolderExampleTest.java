package io.github.camelomics.examples.runfolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelomics.examples.support.ExampleLauncher;
import io.github.camelomics.examples.support.ImportOutcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RunFolderExampleTest {

    @Test
    void theRunListingBecomesAnNfCoreSampleSheetOfOmicsUris() throws Exception {
        Path sheet = Path.of(RunFolderRoute.SAMPLE_SHEETS, "240517_A01234_0042_BHXYZ.csv");
        Files.deleteIfExists(sheet);

        ImportOutcome outcome = RunFolderExample.run(new ExampleLauncher()
                .emulatorPace(Duration.ofMillis(300), Duration.ofMillis(300)));

        assertNull(outcome.failure());
        assertEquals("COMPLETED", outcome.status());
        List<String> ids = outcome.readSetIds();
        assertEquals(3, ids.size(), "two lanes of NA12878, one of NA12891; index reads, checksum and undetermined skipped");
        String store = "omics://123456789012.storage.us-east-1.amazonaws.com/1234567890/readSet/";
        List<String> samples = List.of("NA12878", "NA12878", "NA12891");
        StringBuilder expected = new StringBuilder("sample,fastq_1,fastq_2\n");
        for (int i = 0; i < ids.size(); i++) {
            expected.append(samples.get(i)).append(',').append(store).append(ids.get(i)).append("/source1,")
                    .append(store).append(ids.get(i)).append("/source2\n");
        }
        assertEquals(expected.toString(), Files.readString(sheet));
    }
}
