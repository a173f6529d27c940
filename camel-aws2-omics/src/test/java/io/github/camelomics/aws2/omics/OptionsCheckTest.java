package io.github.camelomics.aws2.omics;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.camelomics.aws2.omics.internal.client.ClientSettings;
import io.github.camelomics.aws2.omics.support.OmicsWireMock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.omics.OmicsClient;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The options are checked in one place, every problem at once: when the endpoint starts, or, with
 * lazyStartProducer=true, when the first message arrives (the route itself starts, as Camel promises for that option).
 * A consumer's own options are checked with the rest when its route is created.
 */
class OptionsCheckTest {

    @RegisterExtension
    static final WireMockExtension WIRE = OmicsWireMock.server();

    private CamelContext context;

    @BeforeEach
    void start() {
        OmicsWireMock.stubAll(WIRE);
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aLazyProducerWithoutCredentialsStartsTheRouteAndFailsTheFirstMessageNamingTheOptions() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:import").routeId("import")
                        .to("aws2-omics:startReadSetImportJob?lazyStartProducer=true&region=eu-west-1");
            }
        });
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("import"));
        Omics2Endpoint endpoint = context.getEndpoint("aws2-omics:startReadSetImportJob?lazyStartProducer=true&region=eu-west-1",
                Omics2Endpoint.class);
        assertNull(endpoint.getClient(), "no client before the first message");

        Exchange exchange = context.createProducerTemplate().send("direct:import", e -> e.getMessage().setBody("[]"));

        Throwable root = rootCause(exchange.getException());
        assertInstanceOf(IllegalArgumentException.class, root);
        assertEquals("aws2-omics: static credentials need options accessKey and secretKey, but accessKey is not set (or set "
                     + "useDefaultCredentialsProvider=true, useProfileCredentialsProvider=true, or give an omicsClient)",
                root.getMessage());
        WIRE.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void aLazyProducerWithGoodOptionsCallsOnTheFirstMessage() throws Exception {
        String uri = "aws2-omics:getReadSetImportJob?lazyStartProducer=true&region=" + OmicsWireMock.REGION
                     + "&accessKey=" + OmicsWireMock.ACCESS_KEY + "&secretKey=" + OmicsWireMock.SECRET_KEY
                     + "&overrideEndpoint=true&uriEndpointOverride=" + WIRE.baseUrl() + "&sequenceStoreId=1234567890";
        Exchange exchange = context.createProducerTemplate().send(uri,
                e -> e.getMessage().setHeader(Omics2Constants.IMPORT_JOB_ID, "4000000001"));

        assertNull(exchange.getException());
        WIRE.verify(1, getRequestedFor(urlPathEqualTo("/sequencestore/1234567890/importjob/4000000001")));
        assertNotNull(context.getEndpoint(uri, Omics2Endpoint.class).getClient());
    }

    @Test
    void everyProblemOfTheOptionsIsReportedAtOnce() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(
                "aws2-omics:startReadSetImportJob?region=eu-south-9&maxSourcesPerJob=0&pollInterval=0&maxAttempts=0"));

        assertEquals("aws2-omics: 5 problems with the options:\n"
                     + " - static credentials need options accessKey and secretKey, but accessKey is not set (or set "
                     + "useDefaultCredentialsProvider=true, useProfileCredentialsProvider=true, or give an omicsClient)\n"
                     + " - option region must be one of " + ClientSettings.knownRegions()
                     + " (the regions the AWS SDK lists for HealthOmics), but was 'eu-south-9'\n"
                     + " - option maxAttempts must be 1 or more (the first attempt counts), but was 0\n"
                     + " - option maxSourcesPerJob must be 1 to 100 (the service's fixed quota of sources per job), but was 0\n"
                     + " - option pollInterval must be positive, but was 0 ms",
                rootCause(e).getMessage());
    }

    @Test
    void theFileListAndRetryOptionsAreCheckedWithTheRest() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(
                "aws2-omics:startReadSetImportJob?region=eu-west-1&accessKey=a&secretKey=b"
                                                                              + "&bamFileType=CRAM&retryFailedSources=-1"));
        Exception notWaiting = assertThrows(Exception.class, () -> context.getEndpoint(
                "aws2-omics:startReadSetImportJob?region=eu-west-1&accessKey=a&secretKey=b&retryFailedSources=2"));

        assertEquals("aws2-omics: 2 problems with the options:\n"
                     + " - option bamFileType must be BAM or UBAM (what the .bam files of a file list are), but was CRAM\n"
                     + " - option retryFailedSources must be 0 (no retry) or more, but was -1",
                rootCause(e).getMessage());
        assertEquals("aws2-omics: option retryFailedSources=2 needs waitForCompletion=true (sources are known to have "
                     + "failed only once their job has ended)", rootCause(notWaiting).getMessage());
    }

    @Test
    void theSharedBudgetAndTheStartLedgerSayWhatTheyNeed() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(
                "aws2-omics:startReadSetImportJob?region=eu-west-1&accessKey=a&secretKey=b"
                                                                              + "&sharedBudget=true&startLedger=true&requestsPerSecond=0"));

        assertEquals("aws2-omics: 3 problems with the options:\n"
                     + " - option sharedBudget=true needs option dataSource (the javax.sql.DataSource of the PostgreSQL "
                     + "database that holds the budget), but it is not set\n"
                     + " - option startLedger=true needs option dataSource (the javax.sql.DataSource of the PostgreSQL "
                     + "database that holds the ledger), but it is not set\n"
                     + " - option sharedBudget=true draws requestsPerSecond permits per second for each quota line, so "
                     + "requestsPerSecond must be positive, but was 0.0",
                rootCause(e).getMessage());
    }

    @Test
    void theUploadOptionsAreCheckedWithTheRest() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(
                "aws2-omics:uploadReadSet?region=eu-west-1&accessKey=a&secretKey=b"
                + "&partSize=200000000&partsInFlight=0&progressInterval=0"));

        assertEquals("aws2-omics: 3 problems with the options:\n"
                     + " - option partSize must be 1 to 104857600 bytes (100 MiB, the service's largest part), but was "
                     + "200000000\n"
                     + " - option partsInFlight must be 1 or more, but was 0\n"
                     + " - option progressInterval must be positive, but was 0 ms",
                rootCause(e).getMessage());
    }

    @Test
    void aBudgetCannotReachAGivenClient() {
        try (OmicsClient given = OmicsClient.builder().region(Region.EU_WEST_1)
                .credentialsProvider(() -> AwsBasicCredentials.create("a", "b")).build()) {
            context.getRegistry().bind("omics", given);
            context.getRegistry().bind("budget", (RequestBudget) (line, maxWait) -> true);

            Exception e = assertThrows(Exception.class,
                    () -> context.getEndpoint("aws2-omics:listReadSets?omicsClient=#omics&requestBudget=#budget"));

            assertEquals("aws2-omics: option requestBudget applies to the clients the component makes, not to the given "
                         + "omicsClient: remove one of the two",
                    rootCause(e).getMessage());
        }
    }

    @Test
    void aConsumerReportsItsOwnOptionsWithTheRest() throws Exception {
        Exception e = consumerStartFailure("aws2-omics:listReadSetImportJobs?region=eu-west-1&maxResults=500");

        assertEquals("aws2-omics:listReadSetImportJobs consumer: 3 problems with the options:\n"
                     + " - static credentials need options accessKey and secretKey, but accessKey is not set (or set "
                     + "useDefaultCredentialsProvider=true, useProfileCredentialsProvider=true, or give an omicsClient)\n"
                     + " - option sequenceStoreId is required (the store whose import jobs are polled), but it is not set\n"
                     + " - option maxResults must be 1 to 100, but was 500",
                rootCause(e).getMessage());
    }

    @Test
    void aConsumersHealthCheckNeedsAtLeastOneFailedPoll() throws Exception {
        Exception e = consumerStartFailure("aws2-omics:listReadSetImportJobs?region=eu-west-1&accessKey=a&secretKey=b"
                                           + "&sequenceStoreId=1234567890&healthCheckErrorThreshold=0");

        assertEquals("aws2-omics:listReadSetImportJobs consumer: option healthCheckErrorThreshold must be 1 or more "
                     + "(the failed polls in a row before the consumer's health check is DOWN), but was 0",
                rootCause(e).getMessage());
    }

    /** How starting a context with a route from the consumer of this URI fails. */
    private static Exception consumerStartFailure(String uri) throws Exception {
        CamelContext starting = new DefaultCamelContext();
        starting.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("log:events");
            }
        });
        try {
            return assertThrows(Exception.class, starting::start);
        } finally {
            starting.stop();
        }
    }

    @Test
    void aGivenClientNeedsNoClientOptions() {
        try (OmicsClient given = OmicsClient.builder().region(Region.EU_WEST_1)
                .credentialsProvider(() -> AwsBasicCredentials.create("a", "b")).build()) {
            context.getRegistry().bind("omics", given);
            // no region, no credentials: the given client has them
            Omics2Endpoint endpoint = context.getEndpoint("aws2-omics:listReadSets?omicsClient=#omics", Omics2Endpoint.class);
            assertSame(given, endpoint.getClient());
        }
    }

    private static Throwable rootCause(Throwable e) {
        assertNotNull(e, "expected a failure");
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
