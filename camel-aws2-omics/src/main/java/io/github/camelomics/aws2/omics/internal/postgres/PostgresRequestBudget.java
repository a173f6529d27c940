package io.github.camelomics.aws2.omics.internal.postgres;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.camelomics.aws2.omics.QuotaLine;
import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.internal.client.ClientSettings;
import io.github.camelomics.aws2.omics.internal.postgres.PostgresStores.Fallback;
import io.github.camelomics.aws2.omics.internal.postgres.PostgresStores.SharedBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared budget: one Bucket4j token bucket per quota line in PostgreSQL (table
 * {@value PostgresSchema#BUDGET_TABLE}), so that every replica using the database draws from the same buckets. Each
 * permit is reserved in one short transaction (SELECT ... FOR UPDATE of the line's row), then waited for in the
 * caller's thread, so waiting callers of all replicas go in the order they reserved.
 * <p>
 * A bucket holds one permit and gains one every 1/rate seconds: requests leave evenly spaced, as with the in-JVM pace,
 * and the service's own burst allowance (5) stays free to absorb network jitter and small clock differences between
 * replicas (Bucket4j reads each replica's clock: keep them synchronized, as NTP does).
 * <p>
 * When the database cannot be reached or fails, calls are not failed for it: they fall back to pacing in this JVM
 * (one WARN when that starts, one INFO when the database answers again). Replicas then share the quota less well and
 * the SDK's retries absorb the difference. While it lasts, {@link #fallback()} says why, for the health check and the
 * fallback gauge.
 */
final class PostgresRequestBudget implements SharedBudget {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresRequestBudget.class);

    private final PostgresSchema schema;
    private final ProxyManager<String> buckets;
    private final Map<QuotaLine, BucketProxy> lines = new ConcurrentHashMap<>();
    private final RequestBudget localPace = ClientSettings.localBudget();
    /** The database's last failure while on the local pace; null while the database answers. */
    private final AtomicReference<Fallback> fallback = new AtomicReference<>();

    PostgresRequestBudget(DataSource dataSource, PostgresSchema schema) {
        this.schema = schema;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(PostgresSchema.BUDGET_TABLE)
                .build();
    }

    @Override
    public boolean acquire(QuotaLine line, Duration maxWait) throws InterruptedException {
        boolean granted;
        try {
            schema.ensure();
            BucketProxy bucket = lines.computeIfAbsent(line, this::bucket);
            if (maxWait == null) {
                bucket.asBlocking().consume(1);
                granted = true;
            } else {
                granted = bucket.asBlocking().tryConsume(1, maxWait);
            }
        } catch (SQLException | RuntimeException e) {
            // the latest failure, since the first one
            Fallback before = fallback.getAndUpdate(last -> new Fallback(errorCode(e), errorMessage(e),
                    last == null ? Instant.now() : last.since()));
            if (before == null) {
                LOG.warn("The shared request budget in PostgreSQL failed ({}); pacing requests in this JVM until it "
                         + "answers again", describe(e));
            }
            return localPace.acquire(line, maxWait);
        }
        if (fallback.getAndSet(null) != null) {
            LOG.info("The shared request budget in PostgreSQL answers again");
        }
        return granted;
    }

    @Override
    public Fallback fallback() {
        return fallback.get();
    }

    /**
     * The line's bucket. Its configuration is stored with it; a replica with a higher rate (a raised quota) replaces
     * the stored one, keeping the tokens, while a lower rate is taken only by a bucket made anew (see docs/SCALING.md).
     */
    private BucketProxy bucket(QuotaLine line) {
        long intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / line.permitsPerSecond());
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(intervalNanos)))
                .build();
        return buckets.builder()
                .withImplicitConfigurationReplacement(Math.round(line.permitsPerSecond() * 1000),
                        TokensInheritanceStrategy.AS_IS)
                .build(line.id(), () -> configuration);
    }

    /** The failure's class and message, and its cause's: never the DataSource, whose text may hold a password. */
    private static String describe(Exception e) {
        Throwable root = root(e);
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }

    /** The SQLState of the failure or of a cause (Bucket4j wraps the driver's), else the root cause's class. */
    private static String errorCode(Exception e) {
        SQLException driver = driverFailure(e);
        return driver != null ? driver.getSQLState() : root(e).getClass().getSimpleName();
    }

    /** The driver's words (a socket's "Connection refused" says less), first line only: hints and context follow it. */
    private static String errorMessage(Exception e) {
        SQLException driver = driverFailure(e);
        Throwable said = driver != null ? driver : root(e);
        String message = said.getMessage();
        return message == null ? said.getClass().getSimpleName() : message.lines().findFirst().orElse("").trim();
    }

    /** The outermost SQLException with a SQLState in the failure's chain, if any. */
    private static SQLException driverFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
        }
        return null;
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Override
    public String toString() {
        return "PostgresRequestBudget[table=" + PostgresSchema.BUDGET_TABLE + "]";
    }
}
