package dev.ratbot.delivery;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/** How Ratbot shapes its token buckets. */
final class Pacing {

    private Pacing() {}

    /**
     * A bucket that holds a single token and earns {@code tokens} per {@code period}: sends are
     * spaced at least {@code period / tokens} apart, so any window of length {@code period} (start
     * included, end excluded) carries at most {@code tokens} sends. A larger capacity would allow a
     * burst on top of the refill and break that sliding-window promise, which is what the platforms
     * actually enforce. The spacing is rounded up to whole nanoseconds so that rounding can only
     * make the pace slower, never faster.
     */
    static Bucket smooth(long tokens, Duration period, TimeMeter time) {
        Duration spacing = spacing(tokens, period);
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, spacing))
                .withCustomTimePrecision(time)
                .build();
    }

    /** The configuration of {@link #smooth}, for buckets kept elsewhere (a database). */
    static BucketConfiguration smoothConfiguration(long tokens, Duration period) {
        Duration spacing = spacing(tokens, period);
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, spacing))
                .build();
    }

    /**
     * A consumption probe as the budgets report it: empty when consumed, else the (positive) wait.
     */
    static Optional<Duration> outcome(ConsumptionProbe probe) {
        return probe.isConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }

    /**
     * The least time between two sends that {@code tokens} per {@code period} allows, rounded up.
     */
    static Duration spacing(long tokens, Duration period) {
        if (tokens < 1) throw new IllegalArgumentException("tokens must be positive: " + tokens);
        return Duration.ofNanos(Math.max(1, Math.ceilDiv(period.toNanos(), tokens)));
    }
}
