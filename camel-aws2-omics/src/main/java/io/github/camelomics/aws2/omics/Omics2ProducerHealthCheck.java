package io.github.camelomics.aws2.omics;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * Whether an endpoint can reach its sequence store with its credentials: one cheap read (the first page of one
 * import job). DOWN names the AWS error code and message (bad credentials, unknown store, no permission) or the
 * client error (unreachable endpoint). Off by default, as every Camel producer health check: enable with
 * camel.health.producersEnabled=true.
 */
class Omics2ProducerHealthCheck extends AbstractHealthCheck {

    private final Omics2Endpoint endpoint;

    public Omics2ProducerHealthCheck(Omics2Endpoint endpoint, String id) {
        super("camel", "producer:aws2-omics-" + id);
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String store = endpoint.getConfiguration().getSequenceStoreId();
        if (store == null) {
            // nothing cheap to read without a store: say so rather than guess
            builder.message("no sequenceStoreId is configured on the endpoint, so there is nothing to check").unknown();
            return;
        }
        OmicsClient client = endpoint.getClient();
        if (client == null) {
            builder.message("the endpoint has no client yet (lazyStartProducer=true: it is made with the first message)")
                    .unknown();
            return;
        }
        try {
            client.listReadSetImportJobs(b -> b.sequenceStoreId(store).maxResults(1));
            builder.up();
        } catch (SdkException e) {
            ServiceFailure failure = ServiceFailure.of(e);
            failure.addTo(builder);
            builder.message(failure.description()).error(e).down();
        }
    }
}
