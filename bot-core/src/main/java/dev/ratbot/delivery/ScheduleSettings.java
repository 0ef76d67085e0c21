package dev.ratbot.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the {@link TipScheduler}.
 *
 * @param tickInterval how often {@link TipScheduler#start()} looks for due subscriptions (tips go
 *     out at most this late); default 10 s
 * @param grace how late a missed tip may still go out (the bot was down at 09:00); older ones are
 *     skipped; default 3 h
 * @param claimBatch subscriptions claimed per transaction; default 500
 * @param maxPerTick subscriptions claimed per tick at most, so that one tick stays bounded; default
 *     100,000
 */
public record ScheduleSettings(
        Duration tickInterval, Duration grace, int claimBatch, int maxPerTick) {

    /**
     * The shortest grace an operator may configure: a few default ticks. A due tip waits up to one
     * tick for the scheduler to find it, and a database hiccup can cost another; with less grace
     * than that, tips that were on time are skipped (a grace of 5 s lost 12 of 20 tips in a fault
     * test).
     */
    public static final Duration MIN_GRACE = Duration.ofMinutes(1);

    public ScheduleSettings {
        Objects.requireNonNull(tickInterval, "tickInterval");
        Objects.requireNonNull(grace, "grace");
        if (!tickInterval.isPositive())
            throw new IllegalArgumentException("tickInterval must be positive");
        if (grace.isNegative()) throw new IllegalArgumentException("grace must not be negative");
        if (claimBatch < 1 || maxPerTick < 1)
            throw new IllegalArgumentException("claimBatch and maxPerTick must be positive");
    }

    public static ScheduleSettings defaults() {
        return new ScheduleSettings(
                Duration.ofSeconds(10), DeliverySettings.DEFAULT_GRACE, 500, 100_000);
    }

    public ScheduleSettings withGrace(Duration grace) {
        return new ScheduleSettings(tickInterval, grace, claimBatch, maxPerTick);
    }

    public ScheduleSettings withTickInterval(Duration tickInterval) {
        return new ScheduleSettings(tickInterval, grace, claimBatch, maxPerTick);
    }

    public ScheduleSettings withClaimBatch(int claimBatch) {
        return new ScheduleSettings(tickInterval, grace, claimBatch, maxPerTick);
    }
}
