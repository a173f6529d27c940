package io.github.camelomics.aws2.omics.internal.endpoint;

import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.WatermarkStore;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * What a started endpoint works with, decided once when it starts: the client, the request budget its client draws
 * from, the ledgers and the shared watermark store.
 *
 * @param budget           the budget the component's client draws from; null for the local pace or a given client
 * @param startLedger      the ledger of client tokens and their jobs; null when there is none
 * @param uploadLedger     where uploads record their progress
 * @param sharedWatermarks the consumer's watermark store in the database with sharedWatermark=true, else null
 */
public record EndpointResources(OmicsClient client, RequestBudget budget, StartLedger startLedger,
                                UploadLedger uploadLedger, WatermarkStore sharedWatermarks) {
}
