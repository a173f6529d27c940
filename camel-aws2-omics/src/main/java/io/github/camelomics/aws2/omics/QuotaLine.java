package io.github.camelomics.aws2.omics;

/**
 * One line of the HealthOmics request quota: the requests of one operation, in one region, of one account. The service
 * allows each line 5 requests per second unless the quota was raised.
 *
 * @param budgetKey        the name of the account in the budget (option budgetKey, {@code default} unless set):
 *                         replicas that share a budget and an account must use the same name
 * @param region           the region the request is sent to, such as {@code eu-west-1}
 * @param operation        the operation, as the service names it: {@code StartReadSetImportJob}
 * @param permitsPerSecond the line's rate (option requestsPerSecond)
 */
public record QuotaLine(String budgetKey, String region, String operation, double permitsPerSecond) {

    /** {@code budgetKey/region/operation}: the same line has the same id in every replica. */
    public String id() {
        return budgetKey + "/" + region + "/" + operation;
    }
}
