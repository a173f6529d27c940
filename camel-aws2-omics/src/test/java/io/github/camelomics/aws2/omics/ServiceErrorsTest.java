package io.github.camelomics.aws2.omics;

import java.util.Map;

import io.github.camelomics.aws2.omics.support.OmicsTestSupport;
import io.github.camelomics.aws2.omics.support.OmicsWireMock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.omics.model.AccessDeniedException;
import software.amazon.awssdk.services.omics.model.InternalServerException;
import software.amazon.awssdk.services.omics.model.OmicsException;
import software.amazon.awssdk.services.omics.model.RequestTimeoutException;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;
import software.amazon.awssdk.services.omics.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.omics.model.ThrottlingException;
import software.amazon.awssdk.services.omics.model.ValidationException;

import static io.github.camelomics.aws2.omics.support.OmicsWireMock.JOB;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Every error of the service model reaches the route as the SDK's own exception class, with its message. */
class ServiceErrorsTest extends OmicsTestSupport {

    private static final Map<String, Class<? extends OmicsException>> CLASSES = Map.of(
            "ValidationException", ValidationException.class,
            "ServiceQuotaExceededException", ServiceQuotaExceededException.class,
            "AccessDeniedException", AccessDeniedException.class,
            "ResourceNotFoundException", ResourceNotFoundException.class,
            "RequestTimeoutException", RequestTimeoutException.class,
            "ThrottlingException", ThrottlingException.class,
            "InternalServerException", InternalServerException.class);

    @ParameterizedTest
    @CsvSource({
            "400, ValidationException",
            "402, ServiceQuotaExceededException",
            "403, AccessDeniedException",
            "404, ResourceNotFoundException",
            "408, RequestTimeoutException",
            "429, ThrottlingException",
            "500, InternalServerException" })
    void serviceErrorReachesTheExchangeAsItsSdkClass(int status, String shape) {
        OmicsWireMock.stubError(WIRE, status, shape, "the service said no (" + shape + ")");

        OmicsException e = sendFailing("aws2-omics:getReadSetImportJob?sequenceStoreId=" + STORE, null,
                Map.of(Omics2Constants.IMPORT_JOB_ID, JOB), OmicsException.class);

        assertSame(CLASSES.get(shape), e.getClass());
        assertEquals(status, e.statusCode());
        assertEquals(shape, e.awsErrorDetails().errorCode());
        assertEquals("the service said no (" + shape + ")", e.awsErrorDetails().errorMessage());
        assertEquals(1, WIRE.getAllServeEvents().size(), "maxAttempts=1: one attempt");
    }

    @ParameterizedTest
    @CsvSource({ "500, InternalServerException, 3", "429, ThrottlingException, 3", "400, ValidationException, 1" })
    void retryableErrorsAreRetriedUpToMaxAttempts(int status, String shape, int expectedAttempts) {
        OmicsWireMock.stubError(WIRE, status, shape, "again");

        sendFailing("aws2-omics:getReadSetImportJob?maxAttempts=3&retryMode=STANDARD&sequenceStoreId=" + STORE, null,
                Map.of(Omics2Constants.IMPORT_JOB_ID, JOB), CLASSES.get(shape));

        assertEquals(expectedAttempts, WIRE.getAllServeEvents().size());
    }

    @org.junit.jupiter.api.Test
    void anErrorWithoutErrorCodeIsDescribedWithoutThrowing() {
        WIRE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(502)
                        .withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>")));

        AwsServiceException e = sendFailing("aws2-omics:getReadSetImportJob?sequenceStoreId=" + STORE, null,
                Map.of(Omics2Constants.IMPORT_JOB_ID, JOB), AwsServiceException.class);

        assertEquals(502, e.statusCode());
        String described = Omics2Producer.describe(e);
        assertEquals(true, described.contains("HTTP 502"), described);
    }
}
