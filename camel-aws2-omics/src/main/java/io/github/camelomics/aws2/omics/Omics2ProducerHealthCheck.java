package io.github.camelomics.aws2.omics;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
        } catch (AwsServiceException e) {
            AwsErrorDetails details = e.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            builder.message((code == null ? "HealthOmics error" : code) + ": "
                            + (details == null ? e.getMessage() : details.errorMessage()));
            builder.detail(SERVICE_STATUS_CODE, e.statusCode());
            if (code != null) {
                builder.detail(SERVICE_ERROR_CODE, code);
            }
            builder.error(e).down();
        } catch (SdkException e) {
            builder.message("HealthOmics is not reachable: " + e.getMessage()).error(e).down();
        }
    }
}
