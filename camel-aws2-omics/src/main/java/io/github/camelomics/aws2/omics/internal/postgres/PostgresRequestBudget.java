package io.github.camelomics.aws2.omics.internal.postgres;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * the SDK's retries absorb the difference.
 */
final class PostgresRequestBudget implements RequestBudget {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresRequestBudget.class);

    private final PostgresSchema schema;
    private final ProxyManager<String> buckets;
    private final Map<QuotaLine, BucketProxy> lines = new ConcurrentHashMap<>();
    private final RequestBudget fallback = ClientSettings.localBudget();
    private final AtomicBoolean degraded = new AtomicBoolean();

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
            if (!degraded.getAndSet(true)) {
                LOG.warn("The shared request budget in PostgreSQL failed ({}); pacing requests in this JVM until it "
                         + "answers again", describe(e));
            }
            return fallback.acquire(line, maxWait);
        }
        if (degraded.getAndSet(false)) {
            LOG.info("The shared request budget in PostgreSQL answers again");
        }
        return granted;
    }

    /** True from the failure that made it pace in this JVM until the database answers again. */
    @Override
    public boolean isOnFallback() {
        return degraded.get();
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
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }

    @Override
    public String toString() {
        return "PostgresRequestBudget[table=" + PostgresSchema.BUDGET_TABLE + "]";
    }
}
