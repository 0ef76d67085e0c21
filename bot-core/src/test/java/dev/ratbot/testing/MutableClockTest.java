package dev.ratbot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void itStandsStillUntilMovedAndZonedCopiesMoveTogether() {
        MutableClock utc = MutableClock.at("2026-03-08T06:59:00Z");
        MutableClock newYork = utc.withZone(ZoneId.of("America/New_York"));
        assertEquals(Instant.parse("2026-03-08T06:59:00Z"), utc.instant());
        assertEquals(utc.instant(), utc.instant());
        utc.advance(Duration.ofMinutes(1));
        assertEquals(Instant.parse("2026-03-08T07:00:00Z"), newYork.instant());
        // 07:00 UTC on the day New York springs forward is 03:00 EDT.
        assertEquals(3, ZonedDateTime.now(newYork).getHour());
        newYork.set(Instant.parse("2026-11-01T05:30:00Z"));
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), utc.instant());
        assertEquals(utc.instant().toEpochMilli(), utc.millis());
        assertEquals(ZoneId.of("America/New_York"), newYork.getZone());
    }
}
