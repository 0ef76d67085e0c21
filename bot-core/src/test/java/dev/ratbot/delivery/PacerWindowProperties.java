package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class PacerWindowProperties {

    @Property(tries = 200)
    void noWindowOfOneSecondCarriesMoreThanTheOverallLimit(
            @ForAll @IntRange(min = 1, max = 100) int perSecond,
            @ForAll @Size(min = 50, max = 400)
                    List<@LongRange(min = 0, max = 80_000_000) Long> gapsNanos,
            @ForAll boolean comeBackWhenTold) {
        MutableClock clock = MutableClock.at("2026-11-01T05:30:00Z");
        Pacer pacer =
                new Pacer(
                        Map.of(
                                Platform.DISCORD,
                                new PlatformLimits(2000, perSecond, Duration.ZERO, 0)),
                        clock);
        List<Instant> permitted = new ArrayList<>();
        for (int i = 0; i < gapsNanos.size(); i++) {
            Optional<Duration> wait = pacer.tryAcquire(Address.direct(Platform.DISCORD, "ch" + i));
            if (wait.isEmpty()) permitted.add(clock.instant());
            clock.advance(Duration.ofNanos(gapsNanos.get(i)));
            if (wait.isPresent() && comeBackWhenTold) clock.advance(wait.get());
        }
        int max = PacerTest.maxInAnyWindow(permitted, Duration.ofSeconds(1));
        assertTrue(max <= perSecond, max + " sends in one second with a limit of " + perSecond);
    }

    @Property(tries = 100)
    void noChatGetsMoreThanOneMessagePerInterval(
            @ForAll @LongRange(min = 1, max = 5_000) long intervalMillis,
            @ForAll @Size(min = 50, max = 300)
                    List<@LongRange(min = 0, max = 3_000) Long> gapsMillis) {
        MutableClock clock = MutableClock.at("2026-03-08T07:00:00Z");
        Duration interval = Duration.ofMillis(intervalMillis);
        Pacer pacer =
                new Pacer(
                        Map.of(Platform.TELEGRAM, new PlatformLimits(4096, 30, interval, 0)),
                        clock);
        List<Instant> permitted = new ArrayList<>();
        for (long gap : gapsMillis) {
            if (pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "one")).isEmpty())
                permitted.add(clock.instant());
            clock.advanceMillis(gap);
        }
        assertTrue(PacerTest.maxInAnyWindow(permitted, interval) <= 1);
    }
}
