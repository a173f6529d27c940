package io.github.camelomics.aws2.omics.internal.operation;

import java.util.function.BooleanSupplier;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.WaitTimer;
import io.github.camelomics.aws2.omics.internal.request.RequestValues;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * One message's call of an operation: the client, the message to answer on, the endpoint's options, the values the
 * request is built from (they hold its wire form, built once), for waiting the clock and whether waiting is still
 * wanted (false once the route or Camel stops), and the start ledger of client tokens (null when there is none).
 */
public record Call(
        OmicsClient client, Message message, Omics2Configuration options, RequestValues values, WaitTimer waitTimer,
        BooleanSupplier keepWaiting, StartLedger startLedger) {
}
