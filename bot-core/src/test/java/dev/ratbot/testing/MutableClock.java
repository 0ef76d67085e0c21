package dev.ratbot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests set and advance by hand, so schedules and rate limits are tested without
 * sleeping. Thread-safe: one instance may be shared by the code under test and the test. Clocks
 * made by {@link #withZone(ZoneId)} share the same instant, so advancing one advances all of them.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A clock standing at {@code start} in UTC. */
    public static MutableClock at(Instant start) {
        return at(start, ZoneOffset.UTC);
    }

    /** A clock standing at {@code start} in {@code zone}. */
    public static MutableClock at(Instant start, ZoneId zone) {
        return new MutableClock(
                new AtomicReference<>(Objects.requireNonNull(start, "start")), zone);
    }

    /**
     * A clock standing at the given ISO-8601 instant, e.g. {@code "2026-03-08T06:00:00Z"}, in UTC.
     */
    public static MutableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** Moves the clock forward (or back, for a negative amount) and returns the new instant. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return now.updateAndGet(t -> t.plus(amount));
    }

    /** Moves the clock forward by {@code millis} milliseconds and returns the new instant. */
    public Instant advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    /** Puts the clock at {@code instant}. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public MutableClock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
