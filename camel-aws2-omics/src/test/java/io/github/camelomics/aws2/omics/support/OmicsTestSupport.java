package io.github.camelomics.aws2.omics.support;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A Camel context whose aws2-omics component talks, through the real AWS SDK over HTTP, to a WireMock server that
 * answers like HealthOmics. Component options carry the connection; tests set the rest in URIs and headers.
 */
public abstract class OmicsTestSupport extends CamelTestSupport {

    @RegisterExtension
    protected static final WireMockExtension WIRE = OmicsWireMock.server();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OmicsWireMock.stubAll(WIRE);
        Omics2Configuration config = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
        config.setRegion(OmicsWireMock.REGION);
        config.setAccessKey(OmicsWireMock.ACCESS_KEY);
        config.setSecretKey(OmicsWireMock.SECRET_KEY);
        config.setOverrideEndpoint(true);
        config.setUriEndpointOverride(WIRE.baseUrl());
        config.setMaxAttempts(1); // one attempt per call: the wire shows exactly what one exchange sent
        return context;
    }

    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    /** Sends and expects the exchange to fail with the given exception type, which it returns. */
    protected <T extends Throwable> T sendFailing(String uri, Object body, Map<String, Object> headers, Class<T> type) {
        Exchange exchange = send(uri, body, headers);
        assertNotNull(exchange.getException(), "the exchange should have failed");
        return assertInstanceOf(type, exchange.getException());
    }
}
