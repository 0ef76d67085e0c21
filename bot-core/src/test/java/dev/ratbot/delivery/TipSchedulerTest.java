package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Platform;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler on a SQLite file and a settable clock: local times, daylight saving, the date line,
 * grace.
 */
class TipSchedulerTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir Path dir;
    private MutableClock clock;
    private TipRig rig;

    @BeforeEach
    void open() {
        clock = MutableClock.at("2026-03-06T12:00:00Z");
        rig = TipRig.standard(TestDatabases.sqlite(dir), clock);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private List<Instant> sendTimes(String chat) {
        return rig.sender(Platform.TELEGRAM).sentTo(chat).stream()
                .map(RecordingSender.Sent::at)
                .toList();
    }

    @Test
    void springForwardMovesAMissingTimeToTheFirstValidMinute() {
        rig.store.subscribe(TipRig.telegram("ny-0230"), LocalTime.of(2, 30), NEW_YORK, "u");
        rig.store.subscribe(TipRig.telegram("ny-0900"), LocalTime.of(9, 0), NEW_YORK, "u");
        rig.runUntil(Instant.parse("2026-03-10T00:00:00Z"), Duration.ofMinutes(5));
        assertEquals(
                List.of(
                        Instant.parse("2026-03-07T07:30:00Z"), // 02:30 EST
                        Instant.parse("2026-03-08T07:00:00Z"), // 02:30 does not exist: 03:00 EDT
                        Instant.parse("2026-03-09T06:30:00Z")), // 02:30 EDT
                sendTimes("ny-0230"));
        // Subscribed at 07:00 EST on the 6th, so the 9:00 one starts that day; 09:00 EDT is 13:00Z
        // after the change.
        assertEquals(
                List.of(
                        Instant.parse("2026-03-06T14:00:00Z"),
                        Instant.parse("2026-03-07T14:00:00Z"),
                        Instant.parse("2026-03-08T13:00:00Z"),
                        Instant.parse("2026-03-09T13:00:00Z")),
                sendTimes("ny-0900"));
    }

    @Test
    void fallBackSendsARepeatedTimeOnce() {
        clock.set(Instant.parse("2026-10-30T12:00:00Z"));
        Subscription s =
                rig.store.subscribe(TipRig.telegram("ny-0130"), LocalTime.of(1, 30), NEW_YORK, "u");
        rig.runUntil(Instant.parse("2026-11-03T00:00:00Z"), Duration.ofMinutes(5));
        assertEquals(
                List.of(
                        Instant.parse("2026-10-31T05:30:00Z"), // 01:30 EDT
                        Instant.parse("2026-11-01T05:30:00Z"), // the first 01:30 (EDT); the second
                        // (06:30Z, EST) sends nothing
                        Instant.parse("2026-11-02T06:30:00Z")), // 01:30 EST
                sendTimes("ny-0130"));
        assertEquals(
                Map.of("2026-10-31", "SENT", "2026-11-01", "SENT", "2026-11-02", "SENT"),
                rig.deliveries(s.id()));
    }

    @Test
    void zonesEastAndWestOfUtcAndAcrossTheDateLineGetOneTipPerLocalDay() {
        clock.set(Instant.parse("2026-06-01T00:00:00Z"));
        List<String> zones =
                List.of(
                        "Pacific/Kiritimati",
                        "Pacific/Pago_Pago",
                        "Asia/Tokyo",
                        "America/Los_Angeles",
                        "Europe/London",
                        "UTC+05:30");
        for (String zone : zones)
            rig.store.subscribe(TipRig.telegram(zone), LocalTime.of(9, 0), ZoneId.of(zone), "u");
        rig.runUntil(Instant.parse("2026-06-04T00:00:00Z"), Duration.ofMinutes(15));
        // From 2026-06-01T00:00Z to 2026-06-04T00:00Z inclusive: Tokyo's 09:00 is 00:00Z, so it
        // sees four.
        Map<String, Integer> expected =
                Map.of(
                        "Pacific/Kiritimati",
                        3,
                        "Pacific/Pago_Pago",
                        3,
                        "Asia/Tokyo",
                        4,
                        "America/Los_Angeles",
                        3,
                        "Europe/London",
                        3,
                        "UTC+05:30",
                        3);
        for (String zone : zones) {
            List<Instant> times = sendTimes(zone);
            assertEquals(expected.get(zone), times.size(), zone + " " + times);
            for (Instant t : times)
                assertEquals(LocalTime.of(9, 0), t.atZone(ZoneId.of(zone)).toLocalTime(), zone);
        }
        // At the start it is already 14:00 on June 1st in Kiritimati (UTC+14) but 13:00 on May 31st
        // in Pago Pago
        // (UTC-11): the same three UTC days are different local dates on either side of the date
        // line.
        long kiritimati = rig.store.find(TipRig.telegram("Pacific/Kiritimati")).orElseThrow().id();
        long pagoPago = rig.store.find(TipRig.telegram("Pacific/Pago_Pago")).orElseThrow().id();
        assertEquals(
                Map.of("2026-06-02", "SENT", "2026-06-03", "SENT", "2026-06-04", "SENT"),
                rig.deliveries(kiritimati));
        assertEquals(
                Map.of("2026-06-01", "SENT", "2026-06-02", "SENT", "2026-06-03", "SENT"),
                rig.deliveries(pagoPago));
        assertEquals(Instant.parse("2026-06-01T19:00:00Z"), sendTimes("Pacific/Kiritimati").get(0));
        assertEquals(Instant.parse("2026-06-01T20:00:00Z"), sendTimes("Pacific/Pago_Pago").get(0));
    }

    @Test
    void aMissedTipGoesOutLateWithinTheGraceAndIsSkippedBeyondIt() {
        clock.set(Instant.parse("2026-05-01T06:00:00Z"));
        Subscription s =
                rig.store.subscribe(
                        TipRig.telegram("late"), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
        // The bot is down from 06:00 to 11:59: two hours fifty-nine late is within the default
        // three hours.
        clock.set(Instant.parse("2026-05-01T11:59:00Z"));
        rig.step();
        assertEquals(List.of(Instant.parse("2026-05-01T11:59:00Z")), sendTimes("late"));
        // Down again until 12:01 the next day: more than three hours late, skipped, and no send.
        clock.set(Instant.parse("2026-05-02T12:01:00Z"));
        rig.step();
        assertEquals(1, sendTimes("late").size());
        assertEquals("SKIPPED", rig.deliveries(s.id()).get("2026-05-02"));
        assertTrue(
                rig.reason(s.id(), "2026-05-02").contains("grace"),
                rig.reason(s.id(), "2026-05-02"));
        rig.runUntil(Instant.parse("2026-05-03T09:30:00Z"), Duration.ofMinutes(30));
        assertEquals(
                List.of(
                        Instant.parse("2026-05-01T11:59:00Z"),
                        Instant.parse("2026-05-03T09:01:00Z")),
                sendTimes("late"));
    }

    @Test
    void aLongOutageNeverFloodsOldTips() {
        clock.set(Instant.parse("2026-05-01T06:00:00Z"));
        Subscription s =
                rig.store.subscribe(
                        TipRig.telegram("away"), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
        clock.set(Instant.parse("2026-05-08T10:00:00Z"));
        rig.step();
        rig.step();
        // Seven missed days: one SKIPPED row for the first, and today's (one hour late) goes out
        // once.
        assertEquals(Map.of("2026-05-01", "SKIPPED", "2026-05-08", "SENT"), rig.deliveries(s.id()));
        assertEquals(1, sendTimes("away").size());
    }

    @Test
    void changingTheTimeAfterTodaysTipSendsNoSecondOneToday() {
        clock.set(Instant.parse("2026-05-01T08:00:00Z"));
        Subscription s =
                rig.store.subscribe(
                        TipRig.telegram("fickle"), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
        rig.runUntil(Instant.parse("2026-05-01T10:00:00Z"), Duration.ofMinutes(10));
        rig.store.subscribe(TipRig.telegram("fickle"), LocalTime.of(18, 0), ZoneId.of("UTC"), "u");
        rig.store.setPaused(TipRig.telegram("fickle"), true);
        rig.store.setPaused(TipRig.telegram("fickle"), false);
        rig.runUntil(Instant.parse("2026-05-02T19:00:00Z"), Duration.ofMinutes(10));
        assertEquals(
                List.of(
                        Instant.parse("2026-05-01T09:00:00Z"),
                        Instant.parse("2026-05-02T18:00:00Z")),
                sendTimes("fickle"));
        assertEquals(2, rig.deliveries(s.id()).size());
    }

    @Test
    void pausedAndStoppedSubscriptionsGetNothingAndAPauseAfterTheClaimCancels() {
        clock.set(Instant.parse("2026-05-01T08:00:00Z"));
        rig.store.subscribe(TipRig.telegram("paused"), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
        rig.store.subscribe(TipRig.telegram("stopped"), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
        Subscription late =
                rig.store.subscribe(
                        TipRig.telegram("paused-late"), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
        rig.store.setPaused(TipRig.telegram("paused"), true);
        rig.store.stop(TipRig.telegram("stopped"), "unsubscribed");
        clock.set(Instant.parse("2026-05-01T09:00:00Z"));
        assertEquals(1, rig.scheduler.tick());
        rig.store.setPaused(TipRig.telegram("paused-late"), true);
        rig.worker.drain();
        assertEquals(List.of(), rig.allSent());
        assertEquals(Map.of("2026-05-01", "CANCELLED"), rig.deliveries(late.id()));
    }

    @Test
    void eachSubscriptionWalksTheWholeCatalogueBeforeATipRepeats() {
        clock.set(Instant.parse("2026-05-01T08:00:00Z"));
        rig.store.subscribe(TipRig.telegram("walker"), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
        rig.runUntil(Instant.parse("2026-05-08T10:00:00Z"), Duration.ofHours(1));
        List<String> texts =
                rig.sender(Platform.TELEGRAM).sentTo("walker").stream()
                        .map(s -> s.reply().blocks().get(0).plainText())
                        .toList();
        assertEquals(8, texts.size());
        // Days 1-5 are the whole catalogue of five; days 6-8 start the next pass, again without
        // repeats.
        assertEquals(5, new java.util.HashSet<>(texts.subList(0, 5)).size());
        assertEquals(3, new java.util.HashSet<>(texts.subList(5, 8)).size());
        Set<String> all =
                TipRig.TIP_LIST.stream()
                        .map(dev.ratbot.tips.Tip::text)
                        .collect(java.util.stream.Collectors.toSet());
        assertTrue(all.containsAll(texts), texts.toString());
    }
}
