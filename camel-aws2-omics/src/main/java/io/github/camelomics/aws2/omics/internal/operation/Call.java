package io.github.camelomics.aws2.omics.internal.operation;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

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
 * @param keepWaiting false once the route, the producer or Camel stops: every wait ends then; null unless
 *                    waitForCompletion=true
 * @param resume      lets an exchange handed to a watch go on once answered, failed with the given exception or not
 *                    when it is null; null unless waitForCompletion=true
 */
record Call(Message message, Omics2Configuration options, RequestValues values, EndpointResources resources,
            WaitTimer timer, BooleanSupplier keepWaiting, Consumer<RuntimeException> resume) {

    OmicsClient client() {
        return resources.client();
    }
}
