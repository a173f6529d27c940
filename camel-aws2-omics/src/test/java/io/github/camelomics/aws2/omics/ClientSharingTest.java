package io.github.camelomics.aws2.omics;

import java.util.Map;

import io.github.camelomics.aws2.omics.support.OmicsTestSupport;
import io.github.camelomics.aws2.omics.support.OmicsWireMock;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.omics.OmicsClient;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.JOB;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Endpoints with equal client settings share one client; Camel closes only the clients it created. */
class ClientSharingTest extends OmicsTestSupport {

    private Omics2Endpoint endpoint(String uri) {
        return context.getEndpoint(uri, Omics2Endpoint.class);
    }

    private Omics2Component component() {
        return context.getComponent("aws2-omics", Omics2Component.class);
    }

    @Test
    void endpointsWithEqualClientSettingsShareOneClient() {
        Omics2Endpoint start = endpoint("aws2-omics:startReadSetImportJob?sequenceStoreId=" + STORE);
        Omics2Endpoint get = endpoint("aws2-omics:getReadSetImportJob?roleArn=x"); // not a client setting

        assertSame(start.getClient(), get.getClient());
        assertEquals(1, component().clients().size());
    }

    @Test
    void differentClientSettingsGetDifferentClients() {
        Omics2Endpoint one = endpoint("aws2-omics:getReadSetImportJob");
        Omics2Endpoint two = endpoint("aws2-omics:getReadSetImportJob?maxAttempts=2");

        assertNotSame(one.getClient(), two.getClient());
        assertEquals(2, component().clients().size());
    }

    @Test
    void theSharedClientIsClosedWhenTheLastEndpointStops() throws Exception {
        Omics2Endpoint one = endpoint("aws2-omics:getReadSetImportJob");
        Omics2Endpoint two = endpoint("aws2-omics:listReadSets");
        OmicsClient client = one.getClient();

        one.stop();
        client.getReadSetImportJob(b -> b.sequenceStoreId(STORE).id(JOB)); // still in use by the other endpoint
        two.stop();

        assertEquals(0, component().clients().size());
        assertThrows(IllegalStateException.class, () -> client.getReadSetImportJob(b -> b.sequenceStoreId(STORE).id(JOB)),
                "a closed client refuses calls");
    }

    @Test
    void anInjectedClientIsUsedAndNeverClosed() throws Exception {
        try (OmicsClient mine = OmicsClient.builder()
                .region(Region.of(OmicsWireMock.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(OmicsWireMock.ACCESS_KEY, OmicsWireMock.SECRET_KEY)))
                .endpointOverride(java.net.URI.create(WIRE.baseUrl()))
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build()) {
            context.getRegistry().bind("myOmicsClient", mine);
            Omics2Endpoint endpoint = endpoint("aws2-omics:getReadSetImportJob?omicsClient=#myOmicsClient");
            assertSame(mine, endpoint.getClient());
            assertEquals(0, component().clients().size(), "no client was created");

            assertNull(send("aws2-omics:getReadSetImportJob?omicsClient=#myOmicsClient", null,
                    Map.of(Omics2Constants.SEQUENCE_STORE_ID, STORE, Omics2Constants.IMPORT_JOB_ID, JOB)).getException());
            context.stop();

            mine.getReadSetImportJob(b -> b.sequenceStoreId(STORE).id(JOB)); // still open after Camel stopped
            WIRE.verify(2, getRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/importjob/" + JOB)));
        }
    }

    @Test
    void aSingleClientInTheRegistryIsAutowired() throws Exception {
        CamelContext fresh = new org.apache.camel.impl.DefaultCamelContext();
        try (OmicsClient mine = OmicsClient.builder().region(Region.of(OmicsWireMock.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
            fresh.getRegistry().bind("theOnlyOmicsClient", mine);
            fresh.start();
            Omics2Endpoint endpoint = fresh.getEndpoint("aws2-omics:listReadSets", Omics2Endpoint.class);
            assertSame(mine, endpoint.getClient());
        } finally {
            fresh.stop();
        }
    }
}
