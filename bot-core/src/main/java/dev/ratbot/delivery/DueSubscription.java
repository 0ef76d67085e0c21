package dev.ratbot.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A subscription whose daily tip is due, as the scheduler claimed it.
 *
 * @param id the subscription
 * @param localTime its local time of day
 * @param zone its zone
 * @param dueAt the occurrence that is due ({@code next_due_at})
 * @param cycle its current pass through the tip catalogue
 * @param platform its platform, as stored
 */
record DueSubscription(
        long id, LocalTime localTime, ZoneId zone, Instant dueAt, long cycle, String platform) {

    /** The local date the due occurrence belongs to: the key of "one tip per local day". */
    LocalDate day() {
        return dueAt.atZone(zone).toLocalDate();
    }
}
