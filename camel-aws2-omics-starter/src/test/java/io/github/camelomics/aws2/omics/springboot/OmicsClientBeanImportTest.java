package io.github.camelomics.aws2.omics.springboot;

import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.omics.OmicsClient;

import static io.github.camelomics.aws2.omics.springboot.ImportTestApplication.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.springboot.ImportTestApplication.ROLE_ARN;
import static io.github.camelomics.aws2.omics.springboot.ImportTestApplication.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The application's OmicsClient bean is the component's client: no region, credentials or endpoint are configured,
 * so the import can only reach the emulator through that bean. The options use camelCase keys.
 */
@SpringBootTest(classes = { ImportTestApplication.class, OmicsClientBeanImportTest.ClientConfiguration.class })
class OmicsClientBeanImportTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = ImportTestApplication.emulator();

    @DynamicPropertySource
    static void omicsProperties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.aws2-omics.sequenceStoreId", EMULATOR::sequenceStoreId);
        registry.add("camel.component.aws2-omics.roleArn", () -> ROLE_ARN);
        registry.add("camel.component.aws2-omics.waitForCompletion", () -> "true");
        registry.add("camel.component.aws2-omics.pollInterval", () -> "20");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ClientConfiguration {

        @Bean(destroyMethod = "close")
        OmicsClient emulatorClient() {
            return OmicsClient.builder()
                    .endpointOverride(EMULATOR.endpoint())
                    .region(Region.of(EMULATOR.emulator().region()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .httpClientBuilder(ApacheHttpClient.builder())
                    .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                    .build();
        }
    }

    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camelContext;
    @Autowired
    OmicsClient emulatorClient;

    @Test
    void theOmicsClientBeanCarriesTheImport() {
        List<Map<String, Object>> sample = ImportTestApplication.stagePairedSample(EMULATOR);

        Exchange exchange = template.request(ImportTestApplication.IMPORT, e -> e.getMessage().setBody(sample));

        assertNull(exchange.getException());
        assertEquals("COMPLETED", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        assertEquals(1, exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS, List.class).size());
        Omics2Component component = camelContext.getComponent("aws2-omics", Omics2Component.class);
        assertSame(emulatorClient, component.getConfiguration().getOmicsClient());
        assertEquals(20, component.getConfiguration().getPollInterval(), "camelCase keys bind: pollInterval=20 (ms)");
    }
}
