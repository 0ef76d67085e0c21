package dev.ratbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.feedback.JdbcAnswerLog;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.subscription.JdbcSubscriptionStore;
import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the console writes and reads, the same on SQLite and PostgreSQL. */
abstract class ConsoleStoreContract {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    protected final MutableClock clock = MutableClock.at(NOW);
    private Database db;

    protected abstract Database open();

    @BeforeEach
    void openStore() {
        db = open();
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    @Test
    void everyChangeToTheEntriesChangesTheRevision() {
        OperatorEntries entries = new OperatorEntries(db, clock);
        long r0 = entries.revision();
        OperatorEntry added =
                entries.add(OperatorEntry.answer(0, "Can rats eat cheese?", "A little.", true));
        long r1 = entries.revision();
        assertNotEquals(r0, r1);
        assertEquals(List.of(added), entries.all());
        assertTrue(
                entries.update(
                        OperatorEntry.answer(
                                added.id(),
                                "Can rats eat cheese?",
                                "A little hard cheese.",
                                false)));
        long r2 = entries.revision();
        assertNotEquals(r1, r2);
        assertEquals(
                Optional.of(
                        OperatorEntry.answer(
                                added.id(),
                                "Can rats eat cheese?",
                                "A little hard cheese.",
                                false)),
                entries.find(added.id()));
        assertTrue(entries.delete(added.id()));
        assertNotEquals(r2, entries.revision());
        assertFalse(entries.delete(added.id()));
        assertEquals(List.of(), entries.all());
    }

    @Test
    void theOverviewCountsQuestionsByDayPlatformAndKind() {
        MutableClock at = MutableClock.at(NOW.minus(Duration.ofDays(2)));
        JdbcAnswerLog log = new JdbcAnswerLog(db, at);
        String key =
                log.recordAnswer(
                        Platform.TELEGRAM,
                        "how do I hold my rat",
                        Optional.of("safe-handling-techniques"),
                        true);
        log.recordFeedback(key, false);
        log.recordAnswer(Platform.DISCORD, "can rats eat cheese", Optional.empty(), false);
        at.set(NOW.minus(Duration.ofHours(1)));
        log.recordAnswer(Platform.DISCORD, "can my rat eat cheese", Optional.empty(), false);

        ConsoleQueries.Overview week = new ConsoleQueries(db, clock).overview(Range.WEEK);
        assertEquals(3, week.questions());
        assertEquals(1, week.answered());
        assertEquals(1, week.down());
        ConsoleQueries.Chart byPlatform = week.charts().get(0);
        assertEquals(1.0, byPlatform.total("Telegram"));
        assertEquals(2.0, byPlatform.total("Discord"));
        ConsoleQueries.Chart byKind = week.charts().get(1);
        assertEquals(1.0, byKind.total("sure"));
        assertEquals(2.0, byKind.total("not covered"));
        assertEquals(
                1,
                new ConsoleQueries(db, clock).overview(Range.DAY).questions(),
                "the last 24 hours");

        List<QuestionGrouper.Asked> lacking = new ConsoleQueries(db, clock).lacking();
        assertEquals(
                List.of("can my rat eat cheese", "can rats eat cheese", "how do i hold my rat"),
                lacking.stream().map(QuestionGrouper.Asked::question).sorted().toList());
    }

    @Test
    void pausedAndStoppedSubscriptionsAreListedWithShortenedChatIds() {
        JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(db, clock);
        subscriptions.subscribe(
                Address.direct(Platform.TELEGRAM, "1000001"),
                LocalTime.of(9, 0),
                ZoneId.of("UTC"),
                "user:1");
        subscriptions.subscribe(
                Address.direct(Platform.TELEGRAM, "1000002"),
                LocalTime.of(9, 0),
                ZoneId.of("UTC"),
                "user:2");
        subscriptions.stop(Address.direct(Platform.TELEGRAM, "1000002"), "blocked by the user");
        List<ConsoleQueries.Inactive> inactive =
                new ConsoleQueries(db, clock).inactiveSubscriptions(10);
        assertEquals(1, inactive.size());
        assertEquals("\u20260002", inactive.get(0).chat());
        assertEquals("stopped", inactive.get(0).status());
        assertEquals("blocked by the user", inactive.get(0).reason());
    }
}
