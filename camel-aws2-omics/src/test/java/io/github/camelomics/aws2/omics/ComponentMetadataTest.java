package io.github.camelomics.aws2.omics;

import java.io.InputStream;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.internal.client.ClientSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.BeanIntrospection;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated metadata describes every option and header, the generated configurers apply every option (no
 * reflection), and the endpoint's options are checked as it starts.
 */
class ComponentMetadataTest {

    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCY";
    private static final String TOKEN = "FwoGZXIvYXdzEJr-session-token";

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        Omics2Configuration defaults = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
        defaults.setAccessKey("AKID");
        defaults.setSecretKey(SECRET);
        defaults.setRegion("eu-west-1");
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private static JsonNode componentJson() throws Exception {
        try (InputStream in = Omics2Component.class.getResourceAsStream("/META-INF/io/github/camelomics/aws2/omics/aws2-omics.json")) {
            assertNotNull(in, "the component JSON is generated into the jar");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode json = componentJson();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            JsonNode entries = json.get(section);
            assertTrue(entries.size() > 5, section);
            entries.fields().forEachRemaining(e -> assertFalse(e.getValue().path("description").asText().isBlank(),
                    section + "." + e.getKey() + " has no description"));
        }
        assertTrue(json.get("properties").get("secretKey").get("secret").asBoolean());
        assertTrue(json.get("properties").get("sessionToken").get("secret").asBoolean());
        assertEquals("startReadSetImportJob,getReadSetImportJob,listReadSetImportJobs,getReadSetMetadata,listReadSets,uploadReadSet",
                String.join(",", new ObjectMapper().convertValue(json.get("properties").get("operation").get("enum"), String[].class)));
    }

    @Test
    void everyEndpointOptionIsAppliedByTheGeneratedConfigurerWithoutReflection() throws Exception {
        BeanIntrospection introspection = PluginHelper.getBeanIntrospection(context);
        introspection.setExtendedStatistics(true);
        introspection.resetCounters();

        Omics2Endpoint endpoint = context.getEndpoint("aws2-omics:listReadSets?sequenceStoreId=1234567890"
                                                      + "&roleArn=arn:aws:iam::1:role/r&pojoRequest=true&region=eu-west-1"
                                                      + "&accessKey=AKID&secretKey=RAW(" + SECRET + ")&sessionToken=RAW(" + TOKEN + ")"
                                                      + "&useDefaultCredentialsProvider=true&useProfileCredentialsProvider=true"
                                                      + "&profileCredentialsName=lab&useSessionCredentials=true"
                                                      + "&overrideEndpoint=true&uriEndpointOverride=http://127.0.0.1:1"
                                                      + "&proxyProtocol=HTTP&proxyHost=proxy.lab&proxyPort=3128"
                                                      + "&trustAllCertificates=true&retryMode=ADAPTIVE_V2&maxAttempts=7"
                                                      + "&validate=false&maxSourcesPerJob=50&clientTokenStrategy=exchange"
                                                      + "&waitForCompletion=true&pollInterval=2m&waitTimeout=3h"
                                                      + "&failOnImportFailure=false&lazyStartProducer=true",
                Omics2Endpoint.class);

        assertEquals(0, introspection.getInvokedCounter(), "options were set by reflection");
        Omics2Configuration c = endpoint.getConfiguration();
        assertEquals(Omics2Operations.listReadSets, c.getOperation());
        assertEquals("1234567890", c.getSequenceStoreId());
        assertEquals("arn:aws:iam::1:role/r", c.getRoleArn());
        assertTrue(c.isPojoRequest());
        assertEquals("eu-west-1", c.getRegion());
        assertEquals("AKID", c.getAccessKey());
        assertEquals(SECRET, c.getSecretKey());
        assertEquals(TOKEN, c.getSessionToken());
        assertTrue(c.isUseDefaultCredentialsProvider() && c.isUseProfileCredentialsProvider() && c.isUseSessionCredentials());
        assertEquals("lab", c.getProfileCredentialsName());
        assertTrue(c.isOverrideEndpoint());
        assertEquals("http://127.0.0.1:1", c.getUriEndpointOverride());
        assertEquals(Protocol.HTTP, c.getProxyProtocol());
        assertEquals("proxy.lab", c.getProxyHost());
        assertEquals(3128, c.getProxyPort());
        assertTrue(c.isTrustAllCertificates());
        assertEquals(RetryMode.ADAPTIVE_V2, c.getRetryMode());
        assertEquals(7, c.getMaxAttempts());
        assertFalse(c.isValidate());
        assertEquals(50, c.getMaxSourcesPerJob());
        assertEquals(ClientTokenStrategy.exchange, c.getClientTokenStrategy());
        assertTrue(c.isWaitForCompletion());
        assertEquals(120_000, c.getPollInterval());
        assertEquals(3 * 3_600_000, c.getWaitTimeout());
        assertFalse(c.isFailOnImportFailure());
        assertTrue(endpoint.isLazyStartProducer());

        // and the generated configurer knows every option the JSON lists
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("aws2-omics-endpoint", context);
        assertInstanceOf(Omics2EndpointConfigurer.class, configurer);
        Omics2Endpoint target = context.getEndpoint("aws2-omics:listReadSets", Omics2Endpoint.class);
        componentJson().get("properties").fields().forEachRemaining(option -> {
            if ("path".equals(option.getValue().get("kind").asText())) {
                return; // the operation comes from the URI path, set by the component
            }
            assertTrue(configurer.configure(context, target, option.getKey(), sampleValue(option.getValue()), true),
                    "the generated configurer does not know " + option.getKey());
        });
    }

    private static Object sampleValue(JsonNode option) {
        if (option.has("enum")) {
            return option.get("enum").get(0).asText();
        }
        if ("duration".equals(option.get("type").asText())) {
            return "45s";
        }
        return switch (option.get("javaType").asText()) {
            case "boolean", "java.lang.Boolean" -> "true";
            case "java.lang.Integer", "int", "long", "java.lang.Long", "double", "java.lang.Double" -> "7";
            case "java.lang.String" -> "text";
            default -> null; // an object such as the OmicsClient
        };
    }

    @Test
    void componentOptionsAreTheDefaultsOfEveryEndpoint() {
        Omics2Component component = context.getComponent("aws2-omics", Omics2Component.class);
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("aws2-omics-component", context);
        assertInstanceOf(Omics2ComponentConfigurer.class, configurer);
        assertTrue(configurer.configure(context, component, "sequenceStoreId", "1111111111", true));
        assertTrue(configurer.configure(context, component, "region", "us-west-2", true));

        Omics2Endpoint endpoint = context.getEndpoint("aws2-omics:listReadSets?region=eu-central-1", Omics2Endpoint.class);
        assertEquals("1111111111", endpoint.getConfiguration().getSequenceStoreId());
        assertEquals("eu-central-1", endpoint.getConfiguration().getRegion());
        assertEquals("us-west-2", component.getConfiguration().getRegion(), "the endpoint changed its own copy only");
    }

    @Test
    void secretsNeverShowInToString() {
        Omics2Endpoint endpoint = context.getEndpoint("aws2-omics:listReadSets?region=eu-west-1&accessKey=AKID"
                                                      + "&secretKey=" + SECRET + "&sessionToken=" + TOKEN
                                                      + "&useSessionCredentials=true", Omics2Endpoint.class);
        for (String shown : new String[] { endpoint.toString(), ClientSettings.of(endpoint.getConfiguration()).toString() }) {
            assertFalse(shown.contains(SECRET), shown);
            assertFalse(shown.contains(TOKEN), shown);
        }
    }

    @Test
    void anUnknownOperationIsRefusedWithTheListOfOperations() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("aws2-omics:cancelReadSetImportJob"));
        assertTrue(rootMessage(e).contains("the endpoint path must be an operation, one of [startReadSetImportJob, "
                                          + "getReadSetImportJob, listReadSetImportJobs, getReadSetMetadata, listReadSets, uploadReadSet], "
                                          + "but was 'cancelReadSetImportJob'"),
                rootMessage(e));
    }

    @Test
    void aRegionTheSdkDoesNotListForOmicsIsRefusedAtStart() {
        Exception e = assertThrows(Exception.class,
                () -> context.getEndpoint("aws2-omics:listReadSets?region=eu-south-9&accessKey=a&secretKey=b"));
        assertTrue(rootMessage(e).startsWith("aws2-omics: option region must be one of [ap-northeast-2, ap-southeast-1, "),
                rootMessage(e));
        assertTrue(rootMessage(e).endsWith("but was 'eu-south-9'"), rootMessage(e));
    }

    @Test
    void anyRegionIsAcceptedForAnOverriddenEndpoint() {
        Omics2Endpoint endpoint = context.getEndpoint("aws2-omics:listReadSets?region=local-1&accessKey=a&secretKey=b"
                                                      + "&overrideEndpoint=true&uriEndpointOverride=http://127.0.0.1:1",
                Omics2Endpoint.class);
        assertNotNull(endpoint.getClient());
    }

    @Test
    void missingCredentialsAreRefusedAtStartNamingTheOptions() {
        context.getComponent("aws2-omics", Omics2Component.class).getConfiguration().setAccessKey(null);
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("aws2-omics:listReadSets?region=eu-west-1"));
        assertEquals("aws2-omics: static credentials need options accessKey and secretKey, but accessKey is not set (or set "
                     + "useDefaultCredentialsProvider=true, useProfileCredentialsProvider=true, or give an omicsClient)",
                rootMessage(e));
    }

    @Test
    void sessionCredentialsNeedTheToken() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(
                "aws2-omics:listReadSets?region=eu-west-1&accessKey=a&secretKey=b&useSessionCredentials=true"));
        assertEquals("aws2-omics: useSessionCredentials=true needs option sessionToken, but it is not set", rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

}
