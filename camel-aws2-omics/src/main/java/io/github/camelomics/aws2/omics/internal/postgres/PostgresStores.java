package io.github.camelomics.aws2.omics.internal.postgres;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.WatermarkStore;
import io.github.camelomics.aws2.omics.UploadLedger;

/**
 * The shared budgets, start ledgers and watermark stores of one component, one of each per DataSource, so that every endpoint on the
 * same database draws from the same buckets, and the tables are looked for once. Bucket4j is an optional dependency
 * of the component: only the shared budget needs it, and only {@link PostgresRequestBudget} refers to it.
 */
public final class PostgresStores {

    /** What to add to the class path for sharedBudget=true. */
    public static final String BUCKET4J_ARTIFACT = "com.bucket4j:bucket4j_jdk17-postgresql (8.14.0)";

    private final Map<DataSource, PostgresSchema> schemas = new IdentityHashMap<>();
    private final Map<DataSource, RequestBudget> budgets = new IdentityHashMap<>();
    private final Map<DataSource, StartLedger> ledgers = new IdentityHashMap<>();
    private final Map<DataSource, Map<String, WatermarkStore>> watermarkStores = new IdentityHashMap<>();
    private final Map<DataSource, UploadLedger> uploadLedgers = new IdentityHashMap<>();

    /** The budget the options ask for: the user's own, the shared one of the dataSource, or null for the local pace. */
    public synchronized RequestBudget budget(Omics2Configuration options) {
        if (options.getRequestBudget() != null) {
            return options.getRequestBudget();
        }
        if (!options.isSharedBudget()) {
            return null;
        }
        return budgets.computeIfAbsent(options.getDataSource(), dataSource -> new PostgresRequestBudget(dataSource,
                schema(dataSource)));
    }

    /** The ledger the options ask for: the user's own, the one in the dataSource, or null for none. */
    public synchronized StartLedger ledger(Omics2Configuration options) {
        if (options.getStartLedgerRepository() != null) {
            return options.getStartLedgerRepository();
        }
        if (!options.isStartLedger()) {
            return null;
        }
        return ledgers.computeIfAbsent(options.getDataSource(), dataSource -> new JdbcStartLedger(dataSource,
                schema(dataSource)));
    }

    /** The consumer's watermark store in the dataSource when sharedWatermark=true, else null (chosen by the consumer). */
    public synchronized WatermarkStore watermarks(Omics2Configuration options) {
        if (!options.isSharedWatermark()) {
            return null;
        }
        return watermarkStores.computeIfAbsent(options.getDataSource(), dataSource -> new HashMap<>())
                .computeIfAbsent(options.getRegion(), region -> new JdbcWatermarkStore(options.getDataSource(),
                        schema(options.getDataSource()), region));
    }

    /** The upload ledger in the dataSource when the start ledger is there (startLedger=true), else null. */
    public synchronized UploadLedger uploadLedger(Omics2Configuration options) {
        if (!options.isStartLedger() || options.getStartLedgerRepository() != null) {
            return null;
        }
        return uploadLedgers.computeIfAbsent(options.getDataSource(), dataSource -> new JdbcUploadLedger(dataSource,
                schema(dataSource)));
    }

    private PostgresSchema schema(DataSource dataSource) {
        return schemas.computeIfAbsent(dataSource, PostgresSchema::new);
    }

    /** Whether Bucket4j's PostgreSQL integration is on the class path. */
    public static boolean bucket4jPresent() {
        try {
            Class.forName("io.github.bucket4j.postgresql.Bucket4jPostgreSQL", false, PostgresStores.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
