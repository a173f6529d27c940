package io.github.camelomics.aws2.omics.operation;

import java.util.function.BooleanSupplier;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.job.ImportJobWaiter;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * What an operation works with once its request is built: the client, the message to answer on, the endpoint's
 * options, for waiting the waiter and whether waiting is still wanted (false once the route or Camel stops), and the
 * values the request was built from (with its wire form, built once).
 */
public record OperationContext(
        OmicsClient client, Message message, Omics2Configuration options, ImportJobWaiter waiter,
        BooleanSupplier keepWaiting, RequestValues values) {
}
