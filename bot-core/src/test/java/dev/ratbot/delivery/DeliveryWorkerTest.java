package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery worker on a SQLite file and a settable clock: outcomes, crashes, pacing and
 * shutdown.
 */
class DeliveryWorkerTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NINE = Instant.parse("2026-05-01T09:00:00Z");

    @TempDir Path dir;
    private MutableClock clock;
    private TipRig rig;

    @BeforeEach
    void open() {
        clock = MutableClock.at("2026-05-01T08:00:00Z");
        rig = TipRig.standard(TestDatabases.sqlite(dir), clock);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private Subscription subscribe(String chat) {
        return rig.store.subscribe(TipRig.telegram(chat), LocalTime.of(9, 0), UTC, "u");
    }

    private RecordingSender telegram() {
        return rig.sender(Platform.TELEGRAM);
    }

    @Test
    void aTipIsSentAsATipReplyWithItsSectionAndAttribution() {
        subscribe("1");
        clock.set(NINE);
        rig.step();
        Reply reply = telegram().sent().get(0).reply();
        assertEquals(Reply.Kind.TIP, reply.kind());
        assertTrue(reply.title().orElseThrow().startsWith("Daily tip"), reply.title().toString());
        assertTrue(reply.choices().get(0).data().startsWith("/topic "), reply.choices().toString());
        assertEquals("Joshua Paulson", reply.attribution().orElseThrow().author());
    }

    @Test
    void aPermanentFailureStopsExactlyThatSubscription() {
        Subscription a = subscribe("a");
        Subscription blocked = subscribe("blocked");
        Subscription c = subscribe("c");
        telegram()
                .answering(
                        to ->
                                to.chatId().equals("blocked")
                                        ? new SendResult.Permanent(
                                                "Forbidden: bot was blocked by the user")
                                        : new SendResult.Delivered());
        clock.set(NINE);
        rig.step();
        Subscription stopped = rig.store.findById(blocked.id()).orElseThrow();
        assertEquals(SubscriptionStatus.STOPPED, stopped.status());
        assertEquals(Optional.of("Forbidden: bot was blocked by the user"), stopped.stopReason());
        assertEquals(SubscriptionStatus.ACTIVE, rig.store.findById(a.id()).orElseThrow().status());
        assertEquals(SubscriptionStatus.ACTIVE, rig.store.findById(c.id()).orElseThrow().status());
        assertEquals(Map.of("2026-05-01", "FAILED"), rig.deliveries(blocked.id()));
        // The next day only the other two hear from the bot.
        telegram().clear();
        rig.runUntil(Instant.parse("2026-05-02T10:00:00Z"), Duration.ofMinutes(30));
        assertEquals(
                List.of("a", "c"),
                telegram().sent().stream().map(s -> s.to().chatId()).sorted().toList());
    }

    @Test
    void
            aRefusedTipPausesThatSubscriptionWithTheReasonTriesTheNextDayAndResumesWhenItGoesThrough() {
        Subscription a = subscribe("a");
        Subscription topic = subscribe("closed-topic");
        AtomicInteger refusals = new AtomicInteger();
        telegram()
                .answering(
                        to ->
                                to.chatId().equals("closed-topic") && refusals.getAndIncrement() < 2
                                        ? new SendResult.Refused("the topic is closed")
                                        : new SendResult.Delivered());
        clock.set(NINE);
        rig.step();
        Subscription paused = rig.store.findById(topic.id()).orElseThrow();
        assertEquals(SubscriptionStatus.PAUSED, paused.status());
        assertEquals(
                Optional.of(PauseReason.cannotPost("the topic is closed")), paused.pauseReason());
        assertEquals(Optional.empty(), paused.stopReason());
        assertEquals(SubscriptionStatus.ACTIVE, rig.store.findById(a.id()).orElseThrow().status());
        assertEquals(Map.of("2026-05-01", "FAILED"), rig.deliveries(topic.id()));
        assertEquals("refused: the topic is closed", rig.reason(topic.id(), "2026-05-01"));
        // The next day's tip is tried at its time, refused again: still paused, never stopped.
        rig.runUntil(Instant.parse("2026-05-02T10:00:00Z"), Duration.ofMinutes(30));
        assertEquals(
                Map.of("2026-05-01", "FAILED", "2026-05-02", "FAILED"), rig.deliveries(topic.id()));
        assertEquals(
                SubscriptionStatus.PAUSED, rig.store.findById(topic.id()).orElseThrow().status());
        // The topic was reopened: the third day's tip goes through and the subscription is active
        // again.
        rig.runUntil(Instant.parse("2026-05-03T10:00:00Z"), Duration.ofMinutes(30));
        assertEquals("SENT", rig.deliveries(topic.id()).get("2026-05-03"));
        Subscription resumed = rig.store.findById(topic.id()).orElseThrow();
        assertEquals(SubscriptionStatus.ACTIVE, resumed.status());
        assertEquals(Optional.empty(), resumed.pauseReason());
        assertEquals(
                3,
                telegram().sent().stream()
                        .filter(x -> x.to().chatId().equals("closed-topic"))
                        .count());
    }

    @Test
    void aSubscriptionPausedUntilTheBotIsBackOrByTheUserGetsNoTip() {
        Subscription removed = subscribe("removed");
        Subscription byUser = subscribe("by-user");
        rig.store.pause(
                TipRig.telegram("removed"), PauseReason.away("the bot was removed from the group"));
        rig.store.setPaused(TipRig.telegram("by-user"), true);
        rig.runUntil(Instant.parse("2026-05-02T10:00:00Z"), Duration.ofMinutes(30));
        assertEquals(List.of(), telegram().sent());
        assertEquals(Map.of(), rig.deliveries(removed.id()));
        assertEquals(Map.of(), rig.deliveries(byUser.id()));
    }

    @Test
    void aUserPauseIsNotOverriddenByARefusalOfATipAlreadyOnItsWay() {
        Subscription s = subscribe("paused-meanwhile");
        telegram()
                .answering(
                        to -> {
                            rig.store.setPaused(to, true);
                            return new SendResult.Refused(
                                    "not enough rights to send text messages to the chat");
                        });
        clock.set(NINE);
        rig.step();
        Subscription after = rig.store.findById(s.id()).orElseThrow();
        assertEquals(SubscriptionStatus.PAUSED, after.status());
        assertEquals(Optional.empty(), after.pauseReason());
    }

    @Test
    void aRetryAfterPausesThePlatformForThatLongAndOthersCarryOn() {
        for (int i = 0; i < 5; i++) subscribe("t" + i);
        rig.store.subscribe(Address.direct(Platform.DISCORD, "d0"), LocalTime.of(9, 0), UTC, "u");
        AtomicInteger calls = new AtomicInteger();
        telegram()
                .answering(
                        to ->
                                calls.getAndIncrement() == 0
                                        ? new SendResult.RetryAfter(Duration.ofSeconds(2))
                                        : new SendResult.Delivered());
        clock.set(NINE);
        rig.step();
        // The first Telegram send was answered "retry after 2 s": nothing more went to Telegram in
        // that round.
        assertEquals(1, telegram().sent().size());
        assertEquals(1, rig.sender(Platform.DISCORD).sent().size());
        assertEquals(Duration.ofSeconds(2), rig.pacer.pausedFor(Platform.TELEGRAM));
        for (int ms = 100; ms < 2000; ms += 100) {
            clock.set(NINE.plusMillis(ms));
            rig.worker.drain();
            assertEquals(1, telegram().sent().size(), "sent during the pause at +" + ms + " ms");
        }
        clock.set(NINE.plusSeconds(2));
        rig.worker.drain();
        assertEquals(6, telegram().sent().size());
        assertTrue(
                telegram().sent().stream()
                        .skip(1)
                        .allMatch(s -> !s.at().isBefore(NINE.plusSeconds(2))));
        assertEquals(Map.of("SENT", 6L), rig.statusCounts());
    }

    @Test
    void aMovedChatIsFollowedAndKeepsItsSubscription() {
        Address group = Address.group(Platform.TELEGRAM, "-100");
        Subscription s = rig.store.subscribe(group, LocalTime.of(9, 0), UTC, "u");
        telegram()
                .answering(
                        to ->
                                to.chatId().equals("-100")
                                        ? new SendResult.Moved(group.movedTo("-100999"))
                                        : new SendResult.Delivered());
        clock.set(NINE);
        rig.step();
        assertEquals(
                List.of("-100", "-100999"),
                telegram().sent().stream().map(x -> x.to().chatId()).toList());
        Subscription moved = rig.store.findById(s.id()).orElseThrow();
        assertEquals("-100999", moved.address().chatId());
        assertEquals(SubscriptionStatus.ACTIVE, moved.status());
        assertTrue(moved.address().group());
        assertEquals(Map.of("2026-05-01", "SENT"), rig.deliveries(s.id()));
        rig.runUntil(Instant.parse("2026-05-02T09:30:00Z"), Duration.ofMinutes(30));
        assertEquals(
                List.of("-100", "-100999", "-100999"),
                telegram().sent().stream().map(x -> x.to().chatId()).toList());
    }

    @Test
    void aMoveOntoAChatWithItsOwnSubscriptionStopsTheOldOneOnly() {
        Subscription old =
                rig.store.subscribe(
                        Address.group(Platform.TELEGRAM, "-100"), LocalTime.of(9, 0), UTC, "u");
        Subscription existing =
                rig.store.subscribe(
                        Address.group(Platform.TELEGRAM, "-100999"), LocalTime.of(12, 0), UTC, "u");
        telegram()
                .answering(
                        to ->
                                to.chatId().equals("-100")
                                        ? new SendResult.Moved(to.movedTo("-100999"))
                                        : new SendResult.Delivered());
        clock.set(NINE);
        rig.step();
        assertEquals(
                SubscriptionStatus.STOPPED, rig.store.findById(old.id()).orElseThrow().status());
        assertEquals(
                SubscriptionStatus.ACTIVE,
                rig.store.findById(existing.id()).orElseThrow().status());
        assertEquals(Map.of("2026-05-01", "CANCELLED"), rig.deliveries(old.id()));
    }

    @Test
    void transientFailuresBackOffAndFinallyGiveUpWithAReason() {
        Subscription flaky = subscribe("flaky");
        Subscription dead = subscribe("dead");
        AtomicInteger flakyCalls = new AtomicInteger();
        telegram()
                .answering(
                        to ->
                                switch (to.chatId()) {
                                    case "flaky" ->
                                            flakyCalls.incrementAndGet() < 3
                                                    ? new SendResult.Transient("502 Bad Gateway")
                                                    : new SendResult.Delivered();
                                    default -> new SendResult.Transient("connection reset");
                                });
        clock.set(NINE);
        rig.step();
        assertEquals(2, telegram().sent().size());
        // Nothing is retried at once: the backoff (10 s base, doubling, jittered) spaces the
        // attempts.
        rig.worker.drain();
        assertEquals(2, telegram().sent().size());
        rig.runUntil(NINE.plus(Duration.ofMinutes(10)), Duration.ofSeconds(1));
        assertEquals(3, telegram().sentTo("flaky").size());
        assertEquals(4, telegram().sentTo("dead").size(), "four attempts in all");
        assertEquals(Map.of("2026-05-01", "SENT"), rig.deliveries(flaky.id()));
        assertEquals(Map.of("2026-05-01", "FAILED"), rig.deliveries(dead.id()));
        assertTrue(
                rig.reason(dead.id(), "2026-05-01")
                        .contains("gave up after 4 attempts: connection reset"));
        assertEquals(
                SubscriptionStatus.ACTIVE, rig.store.findById(dead.id()).orElseThrow().status());
        List<Instant> times =
                telegram().sentTo("dead").stream().map(RecordingSender.Sent::at).toList();
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            assertTrue(gap.compareTo(Duration.ofSeconds(5)) >= 0, "gap " + i + " " + gap);
        }
    }

    @Test
    void aSenderThatThrowsCountsAsATransientFailure() {
        Subscription s = subscribe("boom");
        AtomicInteger calls = new AtomicInteger();
        telegram()
                .answering(
                        to -> {
                            if (calls.incrementAndGet() == 1)
                                throw new IllegalStateException("socket closed");
                            return new SendResult.Delivered();
                        });
        clock.set(NINE);
        rig.step();
        rig.runUntil(NINE.plusSeconds(30), Duration.ofSeconds(1));
        assertEquals(Map.of("2026-05-01", "SENT"), rig.deliveries(s.id()));
        assertEquals(2, telegram().sent().size());
    }

    /** Stands for the process dying inside the platform call: nothing is recorded after it. */
    private static final class Crash extends Error {
        Crash() {
            super("process killed");
        }
    }

    @Test
    void killedAfterTheSchedulerClaimedButBeforeTheWorkerRanTheNextInstanceSendsItOnce() {
        Subscription s = subscribe("k1");
        clock.set(NINE);
        assertEquals(1, rig.scheduler.tick());
        // The process dies here: the row is PENDING and nobody holds it. A new instance on the same
        // file takes over.
        rig.close();
        rig = TipRig.standard(TestDatabases.sqlite(dir), clock);
        clock.set(NINE.plusSeconds(30));
        rig.runUntil(Instant.parse("2026-05-01T23:59:00Z"), Duration.ofMinutes(10));
        assertEquals(1, telegram().sent().size());
        assertEquals(Map.of("2026-05-01", "SENT"), rig.deliveries(s.id()));
    }

    @Test
    void killedBetweenClaimAndSendTheNextInstanceSendsNoSecondTipAndAccountsForTheLostOne() {
        Subscription s = subscribe("k2");
        Subscription other = subscribe("k3");
        telegram()
                .answering(
                        to -> {
                            throw new Crash();
                        });
        clock.set(NINE);
        rig.scheduler.tick();
        try {
            rig.worker.runOnce();
        } catch (Crash expected) {
            // The worker had marked the round SENDING and called the platform when the process
            // "died".
        }
        assertEquals(Map.of("SENDING", 2L), rig.statusCounts());
        rig.db.close();

        // A new instance on the same database: the rows belong to the dead worker until their lease
        // (5 min) ends.
        rig = TipRig.standard(TestDatabases.sqlite(dir), clock);
        clock.set(NINE.plusSeconds(60));
        rig.step();
        assertEquals(List.of(), telegram().sent());
        clock.set(NINE.plus(Duration.ofMinutes(6)));
        rig.step();
        // Lease over: it may have reached the user, so it is marked UNCONFIRMED and never resent.
        assertEquals(Map.of("2026-05-01", "UNCONFIRMED"), rig.deliveries(s.id()));
        assertTrue(
                rig.reason(s.id(), "2026-05-01").contains("lease"),
                rig.reason(s.id(), "2026-05-01"));
        assertEquals(Map.of("2026-05-01", "UNCONFIRMED"), rig.deliveries(other.id()));
        rig.runUntil(Instant.parse("2026-05-01T23:59:00Z"), Duration.ofMinutes(10));
        assertEquals(List.of(), telegram().sent());
        // The next day is a normal day.
        rig.runUntil(Instant.parse("2026-05-02T09:30:00Z"), Duration.ofMinutes(10));
        assertEquals(2, telegram().sent().size());
        assertEquals("SENT", rig.deliveries(s.id()).get("2026-05-02"));
    }

    @Test
    void shutdownReleasesWhatWasClaimedButNotHandedToAPlatform() {
        for (int i = 0; i < 5; i++) subscribe("r" + i);
        AtomicInteger calls = new AtomicInteger();
        telegram()
                .answering(
                        to -> {
                            // Shutdown begins while the second send is in flight: that one
                            // finishes, the rest are released.
                            if (calls.incrementAndGet() == 2) rig.worker.releaseUnsent();
                            return new SendResult.Delivered();
                        });
        clock.set(NINE);
        rig.scheduler.tick();
        rig.worker.runOnce();
        assertEquals(2, telegram().sent().size());
        assertEquals(Map.of("SENT", 2L, "PENDING", 3L), rig.statusCounts());
        // Another instance picks the released ones up at once.
        rig.close();
        rig = TipRig.standard(TestDatabases.sqlite(dir), clock);
        rig.worker.drain();
        assertEquals(3, telegram().sent().size());
        assertEquals(Map.of("SENT", 5L), rig.statusCounts());
    }

    @Test
    void startAndStopRunTheBackgroundLoop() {
        subscribe("bg");
        clock.set(NINE);
        rig.scheduler.tick();
        rig.worker.start();
        // The loop runs on a real thread; wait for its one send without assuming how long it takes.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (telegram().sent().isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertTrue(rig.worker.stop(Duration.ofSeconds(10)));
        assertEquals(1, telegram().sent().size());
        assertEquals(Map.of("SENT", 1L), rig.statusCounts());
    }

    @Test
    void pacingHoldsTheDeclaredRatePerSecond() {
        rig.close();
        clock = MutableClock.at("2026-05-01T08:00:00Z");
        RecordingSender limited =
                new RecordingSender(
                        Platform.TELEGRAM,
                        new PlatformLimits(4096, 30, Duration.ofSeconds(1), 20),
                        clock);
        Database db = TestDatabases.sqlite(dir.resolve("paced"));
        rig =
                new TipRig(
                        db,
                        clock,
                        ScheduleSettings.defaults(),
                        DeliverySettings.defaults("paced").withConcurrency(1),
                        Pacer.forSenders(List.of(limited), clock),
                        List.of(limited));
        for (int i = 0; i < 100; i++) subscribe("p" + i);
        clock.set(NINE);
        rig.runUntil(NINE.plusSeconds(5), Duration.ofMillis(10));
        List<Instant> times = limited.sent().stream().map(RecordingSender.Sent::at).toList();
        assertEquals(100, times.size());
        for (Instant start : times) {
            long inWindow =
                    times.stream()
                            .filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(1)))
                            .count();
            assertTrue(inWindow <= 30, "window from " + start + " carries " + inWindow);
        }
        assertFalse(
                times.get(99).isBefore(NINE.plusMillis(3000)), "100 sends at 30/s take over 3 s");
    }

    @Test
    void whenThePacerRefusesTheLoopRestsOnlyUntilItsNextPermit() {
        rig.close();
        clock = MutableClock.at("2026-05-01T08:00:00Z");
        RecordingSender limited =
                new RecordingSender(
                        Platform.TELEGRAM,
                        new PlatformLimits(4096, 30, Duration.ofSeconds(1), 20),
                        clock);
        rig =
                new TipRig(
                        TestDatabases.sqlite(dir.resolve("rest")),
                        clock,
                        ScheduleSettings.defaults(),
                        DeliverySettings.defaults("rest").withConcurrency(1),
                        Pacer.forSenders(List.of(limited), clock),
                        List.of(limited));
        for (int i = 0; i < 10; i++) subscribe("r" + i);
        assertEquals(
                DeliverySettings.defaults("rest").idleWait(),
                rig.worker.restAfterIdleRound(),
                "nothing refused yet");
        clock.set(NINE);
        rig.scheduler.tick();
        rig.worker.drain();
        // One send went; the rest wait for the next 1/30 s permit, so the loop must not sleep the
        // whole idle wait.
        assertEquals(1, limited.sent().size());
        Duration rest = rig.worker.restAfterIdleRound();
        assertTrue(
                rest.compareTo(Duration.ofMillis(34)) <= 0 && !rest.isNegative(), "rests " + rest);
    }
}
