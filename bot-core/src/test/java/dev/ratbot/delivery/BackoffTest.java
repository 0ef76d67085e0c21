package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff =
            new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 6, new SplittableRandom(1));

    @Test
    void theCeilingDoublesFromTheBaseUntilTheCap() {
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(4), backoff.ceiling(3));
        assertEquals(Duration.ofSeconds(32), backoff.ceiling(6));
        assertEquals(Duration.ofMinutes(1), backoff.ceiling(7));
        assertEquals(Duration.ofMinutes(1), backoff.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void itGivesUpOnceEveryAttemptHasFailed() {
        for (int failed = 1; failed < 6; failed++)
            assertTrue(backoff.delayAfter(failed).isPresent(), "after " + failed);
        assertEquals(Optional.empty(), backoff.delayAfter(6));
        assertEquals(Optional.empty(), backoff.delayAfter(100));
    }

    @Test
    void aSingleAttemptNeverRetries() {
        Backoff once =
                new Backoff(
                        Duration.ofSeconds(1), Duration.ofSeconds(1), 1, new SplittableRandom(1));
        assertEquals(Optional.empty(), once.delayAfter(1));
    }

    @Test
    void deliveriesThatFailedTogetherRetryAtDifferentMoments() {
        Set<Duration> delays = new HashSet<>();
        for (int i = 0; i < 100; i++) delays.add(backoff.delayAfter(4).orElseThrow());
        assertTrue(delays.size() > 90, "only " + delays.size() + " distinct delays");
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Backoff a =
                new Backoff(
                        Duration.ofMillis(100),
                        Duration.ofSeconds(10),
                        8,
                        new SplittableRandom(99));
        Backoff b =
                new Backoff(
                        Duration.ofMillis(100),
                        Duration.ofSeconds(10),
                        8,
                        new SplittableRandom(99));
        for (int failed = 1; failed < 8; failed++)
            assertEquals(a.delayAfter(failed), b.delayAfter(failed));
        assertNotEquals(
                new Backoff(
                                Duration.ofMillis(100),
                                Duration.ofSeconds(10),
                                8,
                                new SplittableRandom(98))
                        .delayAfter(3),
                new Backoff(
                                Duration.ofMillis(100),
                                Duration.ofSeconds(10),
                                8,
                                new SplittableRandom(99))
                        .delayAfter(3));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        SplittableRandom r = new SplittableRandom();
        assertThrows(
                IllegalArgumentException.class,
                () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3, r));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, r));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, r));
        assertThrows(IllegalArgumentException.class, () -> backoff.delayAfter(0));
    }

    @Property(tries = 300)
    void everyDelayLiesBetweenHalfTheCeilingAndTheCeilingAndNeverAboveTheCap(
            @ForAll @LongRange(min = 1, max = 10_000) long baseMillis,
            @ForAll @LongRange(min = 1, max = 1_000) long capFactor,
            @ForAll @IntRange(min = 1, max = 200) int failed,
            @ForAll long seed) {
        Duration base = Duration.ofMillis(baseMillis);
        Duration cap = base.multipliedBy(capFactor);
        Backoff b = new Backoff(base, cap, 201, new SplittableRandom(seed));
        Duration delay = b.delayAfter(failed).orElseThrow();
        Duration ceiling = b.ceiling(failed);
        assertTrue(ceiling.compareTo(cap) <= 0);
        assertTrue(delay.compareTo(ceiling) <= 0, delay + " > " + ceiling);
        assertTrue(delay.compareTo(ceiling.dividedBy(2)) >= 0, delay + " < half of " + ceiling);
        // cap <= 1000 * base < 2^10 * base, so eleven doublings always reach it.
        long expected = Math.min(cap.toNanos(), base.toNanos() * (1L << Math.min(failed - 1, 11)));
        assertEquals(Duration.ofNanos(Math.min(expected, cap.toNanos())), ceiling);
    }
}
