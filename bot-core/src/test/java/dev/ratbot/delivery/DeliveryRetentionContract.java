package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.message.Platform;
import dev.ratbot.message.SendResult;
import dev.ratbot.store.Database;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery records are deleted after the retention (issue 14), on a settable clock, and the pruning
 * never breaks "one tip per subscription and local day" nor "no tip repeats within a pass through
 * the catalogue". Run against SQLite and PostgreSQL.
 */
abstract class DeliveryRetentionContract {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** A fresh migrated database. */
    protected abstract Database database();

    private final MutableClock clock = MutableClock.at("2026-01-01T08:00:00Z");
    private TipRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    private TipRig rig(Duration retention) {
        rig =
                new TipRig(
                        database(),
                        clock,
                        ScheduleSettings.defaults(),
                        DeliverySettings.defaults("retention")
                                .withConcurrency(1)
                                .withRetention(retention),
                        Pacer.unpaced(clock),
                        List.of(RecordingSender.unlimited(Platform.TELEGRAM, clock)));
        return rig;
    }

    private Subscription subscribeAtNine() {
        return rig.store.subscribe(TipRig.telegram("42"), LocalTime.of(9, 0), UTC, "u");
    }

    /**
     * Steps from today's 09:00 one day at a time until {@code last} 09:00, sending each day's tip.
     */
    private void dailyUntil(String last) {
        clock.set(
                clock.instant()
                        .atZone(UTC)
                        .toLocalDate()
                        .atTime(9, 0)
                        .toInstant(java.time.ZoneOffset.UTC));
        rig.runUntil(Instant.parse(last + "T09:00:00Z"), Duration.ofDays(1));
    }

    @Test
    void recordsOlderThanTheRetentionAreDeletedAndYoungerOnesKept() {
        rig(Duration.ofDays(30));
        Subscription s = subscribeAtNine();
        dailyUntil("2026-03-01");
        assertEquals(60, rig.deliveries(s.id()).size());
        clock.set(Instant.parse("2026-03-01T10:00:00Z"));
        // Due before 2026-01-30T10:00: the 30 days from January 1st to 30th.
        assertEquals(30, rig.worker.prune());
        Map<String, String> left = new TreeMap<>(rig.deliveries(s.id()));
        assertEquals(30, left.size());
        assertEquals("2026-01-31", left.keySet().iterator().next());
        assertEquals(0, rig.worker.prune(), "nothing more to delete");
    }

    @Test
    void todaysAndYesterdaysRecordsAreKeptWhateverTheRetentionSoNoSecondTipGoesOutToday() {
        rig(Duration.ofHours(1));
        Subscription s = subscribeAtNine();
        // A closed topic: every day's tip is refused (FAILED), and the subscription is retried
        // daily.
        rig.sender(Platform.TELEGRAM)
                .answering(to -> new SendResult.Refused("the topic is closed"));
        dailyUntil("2026-01-03");
        assertEquals(
                Map.of("2026-01-01", "FAILED", "2026-01-02", "FAILED", "2026-01-03", "FAILED"),
                rig.deliveries(s.id()));
        clock.set(Instant.parse("2026-01-03T10:00:00Z"));
        assertEquals(1, rig.worker.prune());
        assertEquals(
                Map.of("2026-01-02", "FAILED", "2026-01-03", "FAILED"), rig.deliveries(s.id()));
        // The topic reopens and the user moves the tip to 18:00: today already had its tip, so none
        // goes out today.
        rig.sender(Platform.TELEGRAM).answering(to -> new SendResult.Delivered());
        rig.store.subscribe(TipRig.telegram("42"), LocalTime.of(18, 0), UTC, "u");
        rig.runUntil(Instant.parse("2026-01-04T19:00:00Z"), Duration.ofMinutes(30));
        assertEquals(
                List.of(
                        Instant.parse("2026-01-01T09:00:00Z"),
                        Instant.parse("2026-01-02T09:00:00Z"),
                        Instant.parse("2026-01-03T09:00:00Z"),
                        Instant.parse("2026-01-04T18:00:00Z")),
                rig.sender(Platform.TELEGRAM).sent().stream()
                        .map(RecordingSender.Sent::at)
                        .toList());
    }

    @Test
    void recordsStillWaitingOrInFlightAreNeverDeleted() {
        rig(Duration.ofDays(30));
        Subscription s = subscribeAtNine();
        clock.set(Instant.parse("2026-01-01T09:00:00Z"));
        rig.scheduler.tick();
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        assertEquals(0, rig.worker.prune());
        assertEquals(Map.of("2026-01-01", "PENDING"), rig.deliveries(s.id()));
        // Once the sweep has settled it (too late to send), it goes like any other.
        rig.worker.runOnce();
        assertEquals(Map.of("2026-01-01", "EXPIRED"), rig.deliveries(s.id()));
        assertEquals(1, rig.worker.prune());
        assertEquals(Map.of(), rig.deliveries(s.id()));
    }

    @Test
    void theTipsOfTheCurrentPassAreKeptSoNoTipRepeatsWithinIt() {
        rig(Duration.ofHours(1));
        Subscription s = subscribeAtNine();
        // Four of the catalogue's five tips, then a prune that may only delete what lies outside
        // the pass.
        dailyUntil("2026-01-04");
        clock.set(Instant.parse("2026-01-04T23:00:00Z"));
        assertEquals(0, rig.worker.prune());
        assertEquals(4, rig.deliveries(s.id()).size());
        // The fifth day completes the pass with the one tip not given yet; the sixth starts the
        // next pass.
        dailyUntil("2026-01-06");
        List<String> texts =
                rig.sender(Platform.TELEGRAM).sent().stream()
                        .map(x -> x.reply().blocks().get(0).plainText())
                        .toList();
        assertEquals(6, texts.size());
        assertEquals(
                5,
                Set.copyOf(texts.subList(0, 5)).size(),
                "the whole catalogue before any repeat: " + texts);
        // Now the first pass is over: its records due more than two days ago go.
        clock.set(Instant.parse("2026-01-06T10:00:00Z"));
        assertEquals(4, rig.worker.prune());
        assertEquals(
                List.of("2026-01-05", "2026-01-06"),
                List.copyOf(new TreeMap<>(rig.deliveries(s.id())).keySet()));
    }
}
