package io.github.camelomics.aws2.omics;

import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.camelomics.aws2.omics.support.OmicsWireMock;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.JOB;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.ROLE;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.STORE;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The same import route in the Java, YAML and XML DSLs, run by camel-main as a user would, configured only through
 * camel.component.aws2-omics.* properties.
 */
class RouteDslTest {

    @RegisterExtension
    static final WireMockExtension WIRE = OmicsWireMock.server();

    static final class JavaDslImportRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:import").routeId("java-import")
                    .to("aws2-omics:startReadSetImportJob")
                    .log("Started import job ${header.CamelAwsOmicsImportJobId} (${header.CamelAwsOmicsImportJobStatus})");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void eachDslStartsAnImport(String dsl) throws Exception {
        OmicsWireMock.stubAll(WIRE);
        Main main = new Main();
        switch (dsl) {
            case "java" -> main.configure().addRoutesBuilder(new JavaDslImportRoute());
            case "yaml" -> main.configure().withRoutesIncludePattern("classpath:routes/import-route.yaml");
            default -> main.configure().withRoutesIncludePattern("classpath:routes/import-route.xml");
        }
        Map.of("region", OmicsWireMock.REGION,
                "accessKey", OmicsWireMock.ACCESS_KEY,
                "secretKey", OmicsWireMock.SECRET_KEY,
                "overrideEndpoint", "true",
                "uriEndpointOverride", WIRE.baseUrl(),
                "sequenceStoreId", STORE,
                "roleArn", ROLE)
                .forEach((option, value) -> main.addInitialProperty("camel.component.aws2-omics." + option, value));
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            Exchange exchange = template.send("direct:import", e -> e.getMessage().setHeaders(new java.util.HashMap<>(Map.of(
                    Omics2Constants.SOURCE1, "s3://lab-bucket/s1_R1.fastq.gz",
                    Omics2Constants.SOURCE2, "s3://lab-bucket/s1_R2.fastq.gz",
                    Omics2Constants.SOURCE_FILE_TYPE, "FASTQ",
                    Omics2Constants.SUBJECT_ID, "subject-1",
                    Omics2Constants.SAMPLE_ID, "sample-1-" + dsl))));

            assertNull(exchange.getException());
            assertEquals(JOB, exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID));
            WIRE.verify(1, signed(postRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/importjob")))
                    .withRequestBody(equalToJson("""
                            {"roleArn":"%s","clientToken":"${json-unit.any-string}","sources":[{"sourceFiles":{"source1":"s3://lab-bucket/s1_R1.fastq.gz",
                             "source2":"s3://lab-bucket/s1_R2.fastq.gz"},"sourceFileType":"FASTQ",
                             "subjectId":"subject-1","sampleId":"sample-1-%s"}]}""".formatted(ROLE, dsl))));
        } finally {
            main.stop();
        }
    }
}
