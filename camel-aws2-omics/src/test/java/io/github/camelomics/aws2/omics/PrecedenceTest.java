package io.github.camelomics.aws2.omics;

import java.util.Map;

import io.github.camelomics.aws2.omics.support.OmicsTestSupport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One rule for every field: message header > message body > endpoint option > component option. */
class PrecedenceTest extends OmicsTestSupport {

    private static final String COMPONENT_STORE = "1000000001";
    private static final String ENDPOINT_STORE = "2000000002";
    private static final String BODY_STORE = "3000000003";
    private static final String HEADER_STORE = "4000000004";
    private static final String COMPONENT_ROLE = "arn:aws:iam::123456789012:role/component";
    private static final String ENDPOINT_ROLE = "arn:aws:iam::123456789012:role/endpoint";
    private static final String BODY_ROLE = "arn:aws:iam::123456789012:role/body";
    private static final String HEADER_ROLE = "arn:aws:iam::123456789012:role/header";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Omics2Configuration config = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
        config.setSequenceStoreId(COMPONENT_STORE);
        config.setRoleArn(COMPONENT_ROLE);
        return context;
    }

    private static StartReadSetImportJobRequest.Builder body() {
        return StartReadSetImportJobRequest.builder().sources(StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().source1("s3://lab-bucket/a.bam").build())
                .sourceFileType("UBAM").subjectId("s").sampleId("a").build());
    }

    private void send(String uri, Object body, Map<String, Object> headers, String expectedStore, String expectedRole) {
        assertNull(send(uri, body, headers).getException());
        WIRE.verify(1, postRequestedFor(urlEqualTo("/sequencestore/" + expectedStore + "/importjob"))
                .withRequestBody(matchingJsonPath("$.roleArn", com.github.tomakehurst.wiremock.client.WireMock.equalTo(expectedRole))));
    }

    @Test
    void componentOptionAppliesWhenNothingElseGivesAValue() {
        send("aws2-omics:startReadSetImportJob", body().build(), Map.of(), COMPONENT_STORE, COMPONENT_ROLE);
    }

    @Test
    void endpointOptionBeatsComponentOption() {
        send("aws2-omics:startReadSetImportJob?sequenceStoreId=" + ENDPOINT_STORE + "&roleArn=" + ENDPOINT_ROLE,
                body().build(), Map.of(), ENDPOINT_STORE, ENDPOINT_ROLE);
    }

    @Test
    void bodyBeatsEndpointOption() {
        send("aws2-omics:startReadSetImportJob?sequenceStoreId=" + ENDPOINT_STORE + "&roleArn=" + ENDPOINT_ROLE,
                body().sequenceStoreId(BODY_STORE).roleArn(BODY_ROLE).build(), Map.of(), BODY_STORE, BODY_ROLE);
    }

    @Test
    void bodyAsJsonBeatsEndpointOption() {
        String json = """
                {"sequenceStoreId":"%s","roleArn":"%s","sources":[{"sourceFiles":{"source1":"s3://lab-bucket/a.bam"},
                 "sourceFileType":"UBAM","subjectId":"s","sampleId":"a"}]}""".formatted(BODY_STORE, BODY_ROLE);
        send("aws2-omics:startReadSetImportJob?sequenceStoreId=" + ENDPOINT_STORE + "&roleArn=" + ENDPOINT_ROLE,
                json, Map.of(), BODY_STORE, BODY_ROLE);
    }

    @Test
    void headerBeatsBody() {
        send("aws2-omics:startReadSetImportJob?sequenceStoreId=" + ENDPOINT_STORE + "&roleArn=" + ENDPOINT_ROLE,
                body().sequenceStoreId(BODY_STORE).roleArn(BODY_ROLE).build(),
                Map.of(Omics2Constants.SEQUENCE_STORE_ID, HEADER_STORE, Omics2Constants.ROLE_ARN, HEADER_ROLE),
                HEADER_STORE, HEADER_ROLE);
    }

    @Test
    void headerBeatsBodyEvenWithPojoRequest() {
        send("aws2-omics:startReadSetImportJob?pojoRequest=true",
                body().sequenceStoreId(BODY_STORE).roleArn(BODY_ROLE).build(),
                Map.of(Omics2Constants.ROLE_ARN, HEADER_ROLE), BODY_STORE, HEADER_ROLE);
    }
}
