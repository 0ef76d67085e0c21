package dev.ratbot.delivery;

import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.Dialect;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Overall budgets kept in PostgreSQL, shared by every instance on the same database (and schema):
 * bucket4j's distributed buckets, one row of table {@code bucket} per platform and rate, locked
 * with {@code SELECT ... FOR UPDATE} for each token taken, so two instances together send no more
 * than one would.
 *
 * <p>Time: each instance computes refills from the {@link Clock} given to its {@link Pacer} (the
 * system clock in production), so instances' clocks should agree (NTP); a skewed clock makes the
 * shared pace uneven, not faster than the refill allows.
 *
 * <p>Each token taken needs a connection of its own from the database's pool while the outbox's
 * claim holds another, so the pool must have at least two connections per delivery worker. The
 * row's key includes the rate, so instances that declare different rates (during a rolling upgrade)
 * keep separate budgets rather than fight over one bucket's configuration.
 */
public final class SharedOverallBudgets implements OverallBudget.Source {

    private final Database db;

    /**
     * @throws IllegalArgumentException if {@code db} is not PostgreSQL (SQLite has one instance:
     *     use local budgets)
     */
    public SharedOverallBudgets(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        if (db.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException(
                    "shared budgets need PostgreSQL, not " + db.dialect());
        }
    }

    @Override
    public OverallBudget budget(Platform platform, long perSecond, Clock clock) {
        ProxyManager<String> buckets =
                Bucket4jPostgreSQL.selectForUpdateBasedBuilder(db.dataSource())
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .clientClock(new ClockTimeMeter(clock))
                        .build();
        BucketProxy bucket =
                buckets.builder()
                        .build(
                                key(platform, perSecond),
                                () -> Pacing.smoothConfiguration(perSecond, Duration.ofSeconds(1)));
        return () -> Pacing.outcome(bucket.tryConsumeAndReturnRemaining(1));
    }

    static String key(Platform platform, long perSecond) {
        return "overall/" + platform.name() + "/" + perSecond + "-per-second";
    }
}
