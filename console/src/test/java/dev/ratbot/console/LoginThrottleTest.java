package dev.ratbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failed logins are slowed per address and overall, on a settable clock. */
class LoginThrottleTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-30T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void threeFailuresAreFreeThenEachFurtherOneDoublesTheWait() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.waitFor("10.0.0.1"));
            throttle.failed("10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(1), throttle.waitFor("10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("10.0.0.1");
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("10.0.0.1"));
        assertEquals(
                Duration.ZERO,
                throttle.waitFor("10.0.0.2"),
                "another address is not slowed by one guesser");
    }

    @Test
    void failuresFromManyAddressesSlowEveryone() {
        for (int i = 0; i < 21; i++) throttle.failed("10.0.1." + i);
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("10.0.9.9"));
    }

    @Test
    void failuresOlderThanTheWindowAreForgottenAndSuccessClearsTheAddress() {
        for (int i = 0; i < 5; i++) throttle.failed("10.0.0.1");
        clock.advance(Duration.ofMinutes(16));
        assertEquals(Duration.ZERO, throttle.waitFor("10.0.0.1"));
        for (int i = 0; i < 5; i++) throttle.failed("10.0.0.3");
        throttle.succeeded("10.0.0.3");
        assertEquals(Duration.ZERO, throttle.waitFor("10.0.0.3"));
    }

    @Test
    void theWaitNeverExceedsFiveMinutes() {
        for (int i = 0; i < 19; i++) throttle.failed("10.0.0.1");
        assertEquals(Duration.ofMinutes(5), throttle.waitFor("10.0.0.1"));
    }
}
