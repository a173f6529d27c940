package io.github.camelomics.aws2.omics.internal.operation;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.internal.request.RequestValues;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * One message's call of an operation: the client, the message to answer on, the endpoint's options, the values the
 * request is built from (they hold its wire form, built once), with waitForCompletion how it waits, and the start
 * ledger of client tokens.
 *
 * @param waiting     null unless the endpoint waits for the jobs it starts or gets
 * @param startLedger null when there is none
 * @param uploadLedger where uploads record their progress
 */
public record Call(OmicsClient client, Message message, Omics2Configuration options, RequestValues values, Waiting waiting,
                   StartLedger startLedger, UploadLedger uploadLedger) {
}
