package io.github.camelomics.aws2.omics.internal.operation;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.WaitTimer;
import io.github.camelomics.aws2.omics.internal.endpoint.EndpointResources;
import io.github.camelomics.aws2.omics.internal.request.RequestValues;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * One message's call of an operation: the message to answer on, the endpoint's options and resources, the values the
 * request is built from (they hold its wire form, built once), and with waitForCompletion how it waits.
 *
 * @param timer       the clock of waits
 * @param keepWaiting false once the route, the producer or Camel stops: every wait ends then
 * @param waiting     the asynchronous wait for jobs, built (with the component's threads) only by the operations that
 *                    hand the exchange to a watch; null unless waitForCompletion=true
 */
public record Call(Message message, Omics2Configuration options, RequestValues values, EndpointResources resources,
                   WaitTimer timer, BooleanSupplier keepWaiting, Supplier<Waiting> waiting) {

    public OmicsClient client() {
        return resources.client();
    }
}
