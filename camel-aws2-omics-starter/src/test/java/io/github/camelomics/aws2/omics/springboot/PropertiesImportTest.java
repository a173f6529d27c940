package io.github.camelomics.aws2.omics.springboot;

import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.emulator.state.ImportJob;
import io.github.camelomics.aws2.omics.emulator.state.JobStatus;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.camelomics.aws2.omics.springboot.ImportTestApplication.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.springboot.ImportTestApplication.ROLE_ARN;
import static io.github.camelomics.aws2.omics.springboot.ImportTestApplication.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An application configured only through camel.component.aws2-omics.* properties imports a paired FASTQ sample. */
@SpringBootTest(classes = ImportTestApplication.class)
class PropertiesImportTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = ImportTestApplication.emulator();

    @DynamicPropertySource
    static void omicsProperties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.aws2-omics.region", () -> EMULATOR.emulator().region());
        registry.add("camel.component.aws2-omics.override-endpoint", () -> "true");
        registry.add("camel.component.aws2-omics.uri-endpoint-override", () -> EMULATOR.endpoint().toString());
        registry.add("camel.component.aws2-omics.access-key", () -> ACCESS_KEY);
        registry.add("camel.component.aws2-omics.secret-key", () -> SECRET_KEY);
        registry.add("camel.component.aws2-omics.sequence-store-id", EMULATOR::sequenceStoreId);
        registry.add("camel.component.aws2-omics.role-arn", () -> ROLE_ARN);
        registry.add("camel.component.aws2-omics.wait-for-completion", () -> "true");
        registry.add("camel.component.aws2-omics.poll-interval", () -> "20ms");
    }

    @Autowired
    ProducerTemplate template;

    @Test
    void aPairedFastqIsImportedIntoOneReadSet() {
        List<Map<String, Object>> sample = ImportTestApplication.stagePairedSample(EMULATOR);

        Exchange exchange = template.request(ImportTestApplication.IMPORT, e -> e.getMessage().setBody(sample));

        assertNull(exchange.getException());
        assertEquals("COMPLETED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        List<?> readSetIds = exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS, List.class);
        assertEquals(1, readSetIds.size());
        ImportJob job = EMULATOR.state().jobs(EMULATOR.sequenceStoreId()).get(0);
        assertEquals(JobStatus.COMPLETED, job.status());
        assertEquals(ROLE_ARN, job.roleArn());
        assertEquals(job.id(), exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID));
        assertEquals(job.outcomes().get(0).readSetId(), readSetIds.get(0));
    }
}
