package dev.ratbot.telegram;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * At most one log line per period for a condition that may recur many times a second (a 409
 * conflict, requests that are not updates): {@link #tryPass} says when to write one, and how many
 * occurrences were left unwritten since the last. Thread-safe.
 */
final class Throttle {

    private final long periodNanos;
    private final LongSupplier nanoTime;
    private boolean passed;
    private long last;
    private int held;

    Throttle(Duration period) {
        this(period, System::nanoTime);
    }

    Throttle(Duration period, LongSupplier nanoTime) {
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The number of occurrences held back since the last line, when this one may be written; else
     * empty.
     */
    synchronized OptionalInt tryPass() {
        long now = nanoTime.getAsLong();
        if (passed && now - last < periodNanos) {
            held++;
            return OptionalInt.empty();
        }
        passed = true;
        last = now;
        int before = held;
        held = 0;
        return OptionalInt.of(before);
    }

    /**
     * Starts afresh: the next occurrence is written at once (the condition ended and may begin
     * again).
     */
    synchronized void reset() {
        passed = false;
        held = 0;
    }
}
