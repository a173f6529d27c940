package io.github.camelomics.aws2.omics;

import java.util.Map;

import io.github.camelomics.aws2.omics.internal.postgres.PostgresStores.Fallback;
import io.github.camelomics.aws2.omics.internal.postgres.PostgresStores.SharedBudget;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The request budget shared in PostgreSQL (sharedBudget=true) of one budgetKey, as the fallback gauge sees it: UP while
 * it draws from the database, and UP too while the database has failed and each JVM paces itself, with degraded=true,
 * fallback=true and the database's error code and message. Calls go on meanwhile, so the replica is neither unready
 * nor dead: a DOWN would take every replica out of service at once over a database outage that fails no call.
 */
final class SharedBudgetHealthCheck extends AbstractHealthCheck {

    static final String BUDGET_KEY = "budget.key";
    /** true while requests are paced in this JVM, the database having failed: the gauge aws2.omics.budget.fallback */
    static final String FALLBACK = "fallback";
    /** true while on the fallback: working, sharing the quota less well between replicas */
    static final String DEGRADED = "degraded";
    static final String FALLBACK_SINCE = "fallback.since";
    /** the database's failure: its SQLState (08001: not reachable), else the exception's class */
    static final String DATABASE_ERROR_CODE = "database.error.code";
    static final String DATABASE_ERROR_MESSAGE = "database.error.message";

    private final String budgetKey;
    private final SharedBudget budget;

    SharedBudgetHealthCheck(String budgetKey, SharedBudget budget) {
        super("camel", "aws2-omics-budget-" + budgetKey);
        this.budgetKey = budgetKey;
        this.budget = budget;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Fallback fallback = budget.fallback(); // read once: the message and details tell one state
        builder.detail(BUDGET_KEY, budgetKey).detail(FALLBACK, fallback != null).detail(DEGRADED, fallback != null);
        if (fallback != null) {
            builder.detail(DATABASE_ERROR_CODE, fallback.errorCode())
                    .detail(DATABASE_ERROR_MESSAGE, fallback.errorMessage())
                    .detail(FALLBACK_SINCE, fallback.since().toString())
                    .message("The shared request budget's database failed (" + fallback.errorCode() + ": "
                             + fallback.errorMessage() + "): since " + fallback.since()
                             + " each JVM paces its own requests, which go on");
        }
        builder.up();
    }
}
