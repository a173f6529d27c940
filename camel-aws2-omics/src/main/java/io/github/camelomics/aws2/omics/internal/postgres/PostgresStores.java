package io.github.camelomics.aws2.omics.internal.postgres;

import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.WatermarkStore;

/**
 * The shared budgets, ledgers and watermark stores of one component in PostgreSQL, one of each per DataSource (the
 * watermark stores also per region), so that every endpoint on the same database draws from the same buckets, and the
 * tables are looked for once. Which of them an endpoint uses is decided elsewhere (internal.endpoint.EndpointResources).
 * Bucket4j is an optional dependency of the component: only the shared budget needs it, and only
 * {@link PostgresRequestBudget} refers to it.
 */
public final class PostgresStores {

    /** What to add to the class path for sharedBudget=true. */
    public static final String BUCKET4J_ARTIFACT = "com.bucket4j:bucket4j_jdk17-postgresql (8.14.0)";

    private final Map<DataSource, PostgresSchema> schemas = new IdentityHashMap<>();
    private final Map<DataSource, SharedBudget> budgets = new IdentityHashMap<>();
    private final Map<DataSource, StartLedger> ledgers = new IdentityHashMap<>();
    private final Map<DataSource, Map<String, WatermarkStore>> watermarkStores = new IdentityHashMap<>();
    private final Map<DataSource, UploadLedger> uploadLedgers = new IdentityHashMap<>();

    /** The request budget shared by the replicas on this database (needs Bucket4j). */
    public synchronized SharedBudget budget(DataSource dataSource) {
        return budgets.computeIfAbsent(dataSource, source -> new PostgresRequestBudget(source, schema(source)));
    }

    /** The ledger of client tokens and their jobs in this database. */
    public synchronized StartLedger startLedger(DataSource dataSource) {
        return ledgers.computeIfAbsent(dataSource, source -> new JdbcStartLedger(source, schema(source)));
    }

    /** The consumers' watermarks of one region in this database. */
    public synchronized WatermarkStore watermarks(DataSource dataSource, String region) {
        return watermarkStores.computeIfAbsent(dataSource, source -> new HashMap<>())
                .computeIfAbsent(region, inRegion -> new JdbcWatermarkStore(dataSource, schema(dataSource), inRegion));
    }

    /** The ledger of uploads in progress in this database. */
    public synchronized UploadLedger uploadLedger(DataSource dataSource) {
        return uploadLedgers.computeIfAbsent(dataSource, source -> new JdbcUploadLedger(source, schema(source)));
    }

    /**
     * A request budget shared in a database, with what health checks and meters read of it: whether it paces requests in
     * this JVM for now, the database having failed (calls go on either way).
     */
    public interface SharedBudget extends RequestBudget {

        /** Why requests are paced in this JVM now; null while the budget draws from the database. */
        Fallback fallback();

        /** What the gauge {@code aws2.omics.budget.fallback} and the dev console read: 1 while this is true. */
        @Override
        default boolean isOnFallback() {
            return fallback() != null;
        }
    }

    /**
     * The database failure that put a shared budget on its per-JVM fallback: never a stack trace, nor the DataSource's
     * text (it may hold a password).
     *
     * @param errorCode    the SQLState of the failure (08001: the database cannot be reached), else its exception's
     *                     simple class name
     * @param errorMessage the first line of the driver's message (else of the deepest cause's)
     * @param since        when the fallback began
     */
    public record Fallback(String errorCode, String errorMessage, Instant since) {
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
