package dev.ratbot.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Bounded, jittered exponential backoff for transient failures (network trouble, server errors).
 *
 * <p>After the {@code n}-th consecutive failure the ceiling is {@code min(cap, base * 2^(n-1))} and
 * the delay is drawn uniformly from {@code [ceiling / 2, ceiling]} ("equal jitter"): retries of
 * many deliveries that failed together spread out instead of arriving in step, and no retry comes
 * back almost at once. Once {@code maxAttempts} attempts have failed, {@link #delayAfter(int)} says
 * to give up.
 *
 * <p>Immutable apart from the random generator; thread-safe when that generator is.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final int maxAttempts;
    private final RandomGenerator random;

    /**
     * @param base the ceiling after the first failure; positive
     * @param cap the largest delay ever returned; at least {@code base}
     * @param maxAttempts how many attempts in all (the first try included) before giving up; at
     *     least 1
     * @param random the source of jitter; tests pass a seeded generator
     */
    public Backoff(Duration base, Duration cap, int maxAttempts, RandomGenerator random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero())
            throw new IllegalArgumentException("base must be positive: " + base);
        if (cap.compareTo(base) < 0)
            throw new IllegalArgumentException("cap " + cap + " is below base " + base);
        if (maxAttempts < 1)
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        this.maxAttempts = maxAttempts;
    }

    /**
     * How long to wait before the next attempt after {@code failedAttempts} consecutive failures,
     * or empty when it is time to give up ({@code failedAttempts >= maxAttempts}).
     *
     * @param failedAttempts how many attempts have failed so far; at least 1
     */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1)
            throw new IllegalArgumentException(
                    "failedAttempts must be at least 1: " + failedAttempts);
        if (failedAttempts >= maxAttempts) return Optional.empty();
        long ceiling = ceilingNanos(failedAttempts);
        long half = ceiling / 2;
        return Optional.of(Duration.ofNanos(half + random.nextLong(ceiling - half + 1)));
    }

    /** The upper bound of the delay after {@code failedAttempts} failures, before jitter. */
    Duration ceiling(int failedAttempts) {
        return Duration.ofNanos(ceilingNanos(failedAttempts));
    }

    private long ceilingNanos(int failedAttempts) {
        long capNanos = saturatedNanos(cap);
        long delay = saturatedNanos(base);
        // Doubling stops at the cap, so large attempt numbers never overflow.
        for (int i = 1; i < failedAttempts && delay < capNanos; i++) {
            delay = delay > capNanos / 2 ? capNanos : delay * 2;
        }
        return Math.min(delay, capNanos);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    public Duration base() {
        return base;
    }

    public Duration cap() {
        return cap;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public String toString() {
        return "Backoff[base=" + base + ", cap=" + cap + ", maxAttempts=" + maxAttempts + "]";
    }
}
