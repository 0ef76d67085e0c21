package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private final AtomicLong now = new AtomicLong();
    private final Throttle throttle = new Throttle(Duration.ofMinutes(1), now::get);

    @Test
    void oneLineAMinuteThatCountsWhatItHeldBack() {
        assertEquals(
                OptionalInt.of(0), throttle.tryPass(), "the first occurrence is written at once");
        for (int i = 0; i < 146; i++) {
            now.addAndGet(Duration.ofMillis(400).toNanos());
            assertEquals(OptionalInt.empty(), throttle.tryPass());
        }
        now.addAndGet(Duration.ofMillis(1_600).toNanos());
        assertEquals(
                OptionalInt.of(146), throttle.tryPass(), "a minute later, with the 146 held back");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(OptionalInt.empty(), throttle.tryPass());
    }

    @Test
    void afterAResetTheNextOccurrenceIsWrittenAtOnce() {
        throttle.tryPass();
        throttle.tryPass();
        throttle.reset();
        assertEquals(OptionalInt.of(0), throttle.tryPass());
    }
}
