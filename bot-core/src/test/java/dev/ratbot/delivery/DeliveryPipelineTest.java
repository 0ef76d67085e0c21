package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.message.SendResult;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's pipeline ({@link DeliveryWorker#pump()}, and the background loop built on it) on a
 * SQLite file and a settable clock: sends wait on a gate that the test opens, so what is in flight
 * is exact, not timed.
 */
class DeliveryPipelineTest {

    private static final Instant NINE = Instant.parse("2026-05-01T09:00:00Z");
    private static final Duration GUARD = Duration.ofSeconds(30);

    @TempDir Path dir;
    private final MutableClock clock = MutableClock.at("2026-05-01T08:00:00Z");
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger waiting = new AtomicInteger();
    private TipRig rig;

    @AfterEach
    void close() {
        gate.countDown();
        if (rig != null) rig.close();
    }

    /**
     * A rig whose one Telegram sender, declaring {@code limits}, holds every send until the gate
     * opens.
     */
    private TipRig rig(PlatformLimits limits, int concurrency, int subscriptions) {
        RecordingSender telegram = new RecordingSender(Platform.TELEGRAM, limits, clock);
        telegram.answering(
                to -> {
                    waiting.incrementAndGet();
                    try {
                        if (!gate.await(GUARD.toSeconds(), TimeUnit.SECONDS))
                            return new SendResult.Transient("gate never opened");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new SendResult.Delivered();
                });
        rig =
                new TipRig(
                        TestDatabases.sqlite(dir),
                        clock,
                        ScheduleSettings.defaults(),
                        DeliverySettings.defaults("pipe").withConcurrency(concurrency),
                        Pacer.forSenders(List.of(telegram), clock),
                        List.of(telegram));
        for (int i = 0; i < subscriptions; i++) {
            rig.store.subscribe(
                    TipRig.telegram("c" + i), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
        }
        clock.set(NINE);
        rig.scheduler.tick();
        return rig;
    }

    private static final PlatformLimits UNLIMITED = new PlatformLimits(4096, 0, Duration.ZERO, 0);
    private static final PlatformLimits TELEGRAM =
            new PlatformLimits(4096, 30, Duration.ofSeconds(1), 20);

    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "waited " + GUARD + " for " + what);
            Thread.onSpinWait();
        }
    }

    @Test
    void theWorkerKeepsAsManySendsInFlightAsItsConcurrencyAndNoMore() {
        rig(UNLIMITED, 8, 20);
        assertEquals(8, rig.worker.pump());
        await("eight sends in the platform's hands", () -> waiting.get() == 8);
        assertEquals(8, rig.worker.inFlight());
        assertEquals(Map.of("SENDING", 8L, "PENDING", 12L), rig.statusCounts());
        // Every slot is taken: nothing more is claimed until a send comes back.
        assertEquals(0, rig.worker.pump());
        assertEquals(Map.of("SENDING", 8L, "PENDING", 12L), rig.statusCounts());
        gate.countDown();
        assertTrue(rig.worker.awaitInFlight(GUARD));
        assertEquals(Map.of("SENT", 8L, "PENDING", 12L), rig.statusCounts());
        while (rig.worker.pump() > 0) assertTrue(rig.worker.awaitInFlight(GUARD));
        assertEquals(Map.of("SENT", 20L), rig.statusCounts());
        Map<String, Long> perChat =
                rig.sender(Platform.TELEGRAM).sent().stream()
                        .collect(
                                Collectors.groupingBy(s -> s.to().chatId(), Collectors.counting()));
        assertEquals(20, perChat.size());
        assertEquals(
                List.of(1L),
                perChat.values().stream().distinct().toList(),
                "each chat exactly once");
    }

    @Test
    void thePacerGrantsTheNextSendWhileEarlierOnesAreStillInFlight() {
        rig(TELEGRAM, 64, 10);
        assertEquals(1, rig.worker.pump(), "the first permit");
        // The budget of 30/s has no second permit at the same instant: nothing more goes, however
        // many slots are free.
        assertEquals(0, rig.worker.pump());
        assertTrue(
                rig.worker.restAfterIdleRound().compareTo(Duration.ofMillis(34)) <= 0,
                rig.worker.restAfterIdleRound().toString());
        for (int i = 1; i < 10; i++) {
            clock.advance(Duration.ofMillis(34));
            assertEquals(
                    1,
                    rig.worker.pump(),
                    "permit " + (i + 1) + " while " + i + " are still in flight");
        }
        await("ten sends in the platform's hands", () -> waiting.get() == 10);
        assertEquals(10, rig.worker.inFlight());
        gate.countDown();
        assertTrue(rig.worker.awaitInFlight(GUARD));
        assertEquals(Map.of("SENT", 10L), rig.statusCounts());
    }

    @Test
    void aLongQueueOnOnePlatformDoesNotHoldBackAnother() {
        RecordingSender telegram = new RecordingSender(Platform.TELEGRAM, TELEGRAM, clock);
        RecordingSender discord =
                new RecordingSender(
                        Platform.DISCORD,
                        new PlatformLimits(2000, 50, Duration.ofSeconds(1), 60),
                        clock);
        rig =
                new TipRig(
                        TestDatabases.sqlite(dir),
                        clock,
                        ScheduleSettings.defaults(),
                        DeliverySettings.defaults("pipe").withConcurrency(8),
                        Pacer.forSenders(List.of(telegram, discord), clock),
                        List.of(telegram, discord));
        for (int i = 0; i < 20; i++)
            rig.store.subscribe(
                    TipRig.telegram("t" + i), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
        for (int i = 0; i < 2; i++) {
            rig.store.subscribe(
                    dev.ratbot.message.Address.direct(Platform.DISCORD, "d" + i),
                    LocalTime.of(9, 1),
                    ZoneId.of("UTC"),
                    "u");
        }
        clock.set(NINE);
        rig.scheduler.tick();
        clock.set(NINE.plusSeconds(60));
        rig.scheduler.tick();
        // Twenty Telegram tips are older than the Discord ones and more than the eight free slots;
        // each platform's
        // pacer still grants one now, and Discord's is used.
        rig.worker.pump();
        assertTrue(rig.worker.awaitInFlight(GUARD));
        assertEquals(1, telegram.sent().size());
        assertEquals(1, discord.sent().size());
    }

    @Test
    void aSendThatOutlivesItsLeaseStaysUnconfirmedAndIsNeverSentAgain() {
        rig(UNLIMITED, 8, 1);
        assertEquals(1, rig.worker.pump());
        await("the send in the platform's hands", () -> waiting.get() == 1);
        // Another instance sweeps after the lease: the send may have gone out, so it is
        // UNCONFIRMED.
        clock.advance(Duration.ofMinutes(6));
        DeliveryWorker other =
                new DeliveryWorker(
                        rig.db,
                        List.<MessageSender>of(RecordingSender.unlimited(Platform.TELEGRAM, clock)),
                        Pacer.unpaced(clock),
                        new Backoff(
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(1),
                                1,
                                new SplittableRandom(1)),
                        TipRig.TIPS,
                        clock,
                        DeliverySettings.defaults("other"));
        other.drain();
        assertEquals(Map.of("UNCONFIRMED", 1L), rig.statusCounts());
        // The platform answers at last: too late to record, and nothing is sent again.
        gate.countDown();
        assertTrue(rig.worker.awaitInFlight(GUARD));
        assertEquals(Map.of("UNCONFIRMED", 1L), rig.statusCounts());
        rig.worker.drain();
        other.drain();
        assertEquals(1, rig.sender(Platform.TELEGRAM).sent().size());
    }

    @Test
    void stoppingTheLoopLetsTheSendsInFlightFinishAndClaimsNoMore() throws Exception {
        rig(UNLIMITED, 8, 20);
        rig.worker.start();
        await("eight sends in the platform's hands", () -> waiting.get() == 8);
        CompletableFuture<Boolean> stopped =
                CompletableFuture.supplyAsync(() -> rig.worker.stop(GUARD));
        await("the worker to stop claiming", rig.worker::stopping);
        gate.countDown();
        assertTrue(stopped.get(GUARD.toSeconds(), TimeUnit.SECONDS));
        assertEquals(Map.of("SENT", 8L, "PENDING", 12L), rig.statusCounts());
        assertEquals(8, rig.sender(Platform.TELEGRAM).sent().size());
    }
}
