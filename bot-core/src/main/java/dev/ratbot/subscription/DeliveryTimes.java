package dev.ratbot.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * When a daily tip falls due, with the daylight-saving rules Ratbot promises: a local time that
 * does not exist on a day (02:30 when clocks spring forward from 02:00 to 03:00) moves to the first
 * valid minute after the gap (03:00); a local time that happens twice (01:30 when clocks fall back)
 * is the earlier one, and the day keeps one delivery. A day is the local date of the delivery
 * instant, so a zone that skips a whole date (Pacific/Apia in 2011) never gets two tips on one
 * local date. Pure functions.
 */
public final class DeliveryTimes {

    private DeliveryTimes() {}

    /** The instant of the delivery scheduled for {@code date} at {@code time} in {@code zone}. */
    public static ZonedDateTime occurrenceOn(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            // In a gap: the transition's instant is the first valid minute after it (03:00, not
            // java.time's 03:30).
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant().atZone(zone);
        }
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    /** The first delivery at or after {@code from}. */
    public static ZonedDateTime firstAtOrAfter(LocalTime time, ZoneId zone, Instant from) {
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 4; i++, day = day.plusDays(1)) {
            ZonedDateTime at = occurrenceOn(day, time, zone);
            if (!at.toInstant().isBefore(from)) return at;
        }
        throw new IllegalStateException("no delivery within three days of " + from + " in " + zone);
    }

    /**
     * The first delivery whose local date is after {@code date}: what follows the delivery for
     * {@code date}.
     */
    public static ZonedDateTime firstAfterDate(LocalTime time, ZoneId zone, LocalDate date) {
        LocalDate day = date.plusDays(1);
        for (int i = 0; i < 3; i++, day = day.plusDays(1)) {
            ZonedDateTime at = occurrenceOn(day, time, zone);
            if (at.toLocalDate().isAfter(date)) return at;
        }
        throw new IllegalStateException(
                "no delivery within three days after " + date + " in " + zone);
    }

    /**
     * The next delivery for {@code /settings}, in the subscription's zone: the first at or after
     * {@code now}. It does not know whether today's tip has already gone out after a change of
     * time; the scheduler does.
     */
    public static ZonedDateTime nextDelivery(Subscription subscription, Instant now) {
        return firstAtOrAfter(subscription.localTime(), subscription.zone(), now);
    }
}
