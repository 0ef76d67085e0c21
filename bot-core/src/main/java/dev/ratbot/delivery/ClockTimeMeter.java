package dev.ratbot.delivery;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * Lets bucket4j read time from an injected {@link Clock}, so tests drive the buckets with a
 * settable clock.
 */
final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        return nanos(clock.instant());
    }

    static long nanos(Instant t) {
        // Fits in a long until the year 2262.
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
