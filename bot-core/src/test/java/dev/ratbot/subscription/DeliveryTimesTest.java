package dev.ratbot.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryTimesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aTimeInTheSpringForwardGapMovesToTheFirstValidMinute() {
        // 2026-03-08: New York clocks jump from 02:00 to 03:00.
        ZonedDateTime at =
                DeliveryTimes.occurrenceOn(
                        LocalDate.parse("2026-03-08"), LocalTime.of(2, 30), NEW_YORK);
        assertEquals(ZonedDateTime.parse("2026-03-08T03:00-04:00[America/New_York]"), at);
        assertEquals(
                ZonedDateTime.parse("2026-03-08T03:00-04:00[America/New_York]"),
                DeliveryTimes.occurrenceOn(
                        LocalDate.parse("2026-03-08"), LocalTime.of(2, 0), NEW_YORK));
        assertEquals(
                ZonedDateTime.parse("2026-03-09T02:30-04:00[America/New_York]"),
                DeliveryTimes.firstAfterDate(
                        LocalTime.of(2, 30), NEW_YORK, LocalDate.parse("2026-03-08")));
    }

    @Test
    void aRepeatedTimeOnFallBackDayIsTheEarlierOneAndTheDayHasOneDelivery() {
        // 2026-11-01: New York clocks fall back from 02:00 EDT to 01:00 EST; 01:30 happens twice.
        ZonedDateTime at =
                DeliveryTimes.occurrenceOn(
                        LocalDate.parse("2026-11-01"), LocalTime.of(1, 30), NEW_YORK);
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), at.toInstant());
        // Just after the first 01:30 the next delivery is the next day's, not the second 01:30.
        ZonedDateTime next =
                DeliveryTimes.firstAtOrAfter(
                        LocalTime.of(1, 30), NEW_YORK, Instant.parse("2026-11-01T05:30:01Z"));
        assertEquals(ZonedDateTime.parse("2026-11-02T01:30-05:00[America/New_York]"), next);
        assertEquals(
                next,
                DeliveryTimes.firstAfterDate(
                        LocalTime.of(1, 30), NEW_YORK, LocalDate.parse("2026-11-01")));
    }

    @Test
    void eastAndWestOfUtcAndAcrossTheDateLine() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        // Kiritimati (UTC+14): it is already 02:00 on June 2nd, so 09:00 there is 19:00 UTC today.
        assertEquals(
                ZonedDateTime.parse("2026-06-02T09:00+14:00[Pacific/Kiritimati]"),
                DeliveryTimes.firstAtOrAfter(
                        LocalTime.of(9, 0), ZoneId.of("Pacific/Kiritimati"), now));
        // Pago Pago (UTC-11): 01:00 on June 1st, so 09:00 there is 20:00 UTC today, a calendar day
        // "behind".
        assertEquals(
                ZonedDateTime.parse("2026-06-01T09:00-11:00[Pacific/Pago_Pago]"),
                DeliveryTimes.firstAtOrAfter(
                        LocalTime.of(9, 0), ZoneId.of("Pacific/Pago_Pago"), now));
        assertEquals(
                ZonedDateTime.parse("2026-06-02T09:00+09:00[Asia/Tokyo]"),
                DeliveryTimes.firstAtOrAfter(LocalTime.of(9, 0), ZoneId.of("Asia/Tokyo"), now));
        assertEquals(
                ZonedDateTime.parse("2026-06-01T09:00-07:00[America/Los_Angeles]"),
                DeliveryTimes.firstAtOrAfter(
                        LocalTime.of(9, 0), ZoneId.of("America/Los_Angeles"), now));
    }

    @Test
    void aZoneThatSkipsAWholeDateNeverGetsTwoDeliveriesOnOneDate() {
        // Samoa skipped 2011-12-30 when it crossed the date line: the delivery "for" that date
        // lands at
        // 00:00 on the 31st, and what follows it is the 1st of January, not a second one on the
        // 31st.
        ZoneId apia = ZoneId.of("Pacific/Apia");
        ZonedDateTime skipped =
                DeliveryTimes.occurrenceOn(LocalDate.parse("2011-12-30"), LocalTime.of(9, 0), apia);
        assertEquals(LocalDate.parse("2011-12-31"), skipped.toLocalDate());
        assertEquals(
                LocalDate.parse("2012-01-01"),
                DeliveryTimes.firstAfterDate(LocalTime.of(9, 0), apia, skipped.toLocalDate())
                        .toLocalDate());
    }

    @Test
    void settingsShowTheNextDeliveryInLocalTime() {
        Subscription s =
                new Subscription(
                        1,
                        Address.direct(Platform.TELEGRAM, "1"),
                        LocalTime.of(9, 0),
                        ZoneId.of("Europe/London"),
                        SubscriptionStatus.ACTIVE,
                        "u",
                        Optional.empty());
        assertEquals(
                ZonedDateTime.parse("2026-01-15T09:00Z[Europe/London]"),
                DeliveryTimes.nextDelivery(s, Instant.parse("2026-01-15T08:59:00Z")));
        assertEquals(
                ZonedDateTime.parse("2026-01-16T09:00Z[Europe/London]"),
                DeliveryTimes.nextDelivery(s, Instant.parse("2026-01-15T09:00:01Z")));
        assertEquals(
                ZonedDateTime.parse("2026-07-15T09:00+01:00[Europe/London]"),
                DeliveryTimes.nextDelivery(s, Instant.parse("2026-07-15T07:59:00Z")));
    }
}
