package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.message.Platform;
import dev.ratbot.message.SendResult;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pause-instead-of-stop outcomes of the outbox on PostgreSQL, whose booleans and locks differ
 * from SQLite's.
 */
class RefusedTipsOnPostgresTest {

    @Test
    void aRefusedTipPausesTheNextDayIsTriedAndAGoneChatStillStops() {
        Database db = TestDatabases.postgres("refused_tips");
        String schema = TestDatabases.schemaOf(db);
        MutableClock clock = MutableClock.at("2026-05-01T08:00:00Z");
        try (TipRig rig = TipRig.standard(db, clock)) {
            Subscription closed =
                    rig.store.subscribe(
                            TipRig.telegram("closed"), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
            Subscription gone =
                    rig.store.subscribe(
                            TipRig.telegram("gone"), LocalTime.of(9, 0), ZoneId.of("UTC"), "u");
            AtomicInteger refusals = new AtomicInteger();
            rig.sender(Platform.TELEGRAM)
                    .answering(
                            to ->
                                    switch (to.chatId()) {
                                        case "closed" ->
                                                refusals.getAndIncrement() == 0
                                                        ? new SendResult.Refused(
                                                                "the topic is closed")
                                                        : new SendResult.Delivered();
                                        default ->
                                                new SendResult.Permanent(
                                                        "403 Forbidden: bot was blocked by the user");
                                    });
            rig.runUntil(Instant.parse("2026-05-01T10:00:00Z"), Duration.ofMinutes(30));
            Subscription paused = rig.store.findById(closed.id()).orElseThrow();
            assertEquals(SubscriptionStatus.PAUSED, paused.status());
            assertEquals(
                    Optional.of(PauseReason.cannotPost("the topic is closed")),
                    paused.pauseReason());
            assertEquals(
                    SubscriptionStatus.STOPPED,
                    rig.store.findById(gone.id()).orElseThrow().status());
            rig.runUntil(Instant.parse("2026-05-02T10:00:00Z"), Duration.ofMinutes(30));
            assertEquals(
                    Map.of("2026-05-01", "FAILED", "2026-05-02", "SENT"),
                    rig.deliveries(closed.id()));
            assertEquals(
                    SubscriptionStatus.ACTIVE,
                    rig.store.findById(closed.id()).orElseThrow().status());
            assertEquals(Map.of("2026-05-01", "FAILED"), rig.deliveries(gone.id()));
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }
}
