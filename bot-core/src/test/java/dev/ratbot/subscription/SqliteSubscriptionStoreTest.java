package dev.ratbot.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSubscriptionStoreTest extends SubscriptionStoreContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir Path dir;
    private Database db;

    @Override
    protected SubscriptionStore store() {
        db = TestDatabases.sqlite(dir);
        return new JdbcSubscriptionStore(db, CLOCK);
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void subscriptionsSurviveAReopenAndKnowTheirNextDelivery() {
        Address a = Address.direct(Platform.TELEGRAM, "42");
        store().subscribe(a, LocalTime.of(9, 0), LONDON, "u");
        db.close();
        db = TestDatabases.sqlite(dir);
        JdbcSubscriptionStore reopened = new JdbcSubscriptionStore(db, CLOCK);
        assertEquals(LocalTime.of(9, 0), reopened.find(a).orElseThrow().localTime());
        // 10:00 UTC is 11:00 in London (BST): today's 09:00 has passed, so tomorrow 08:00 UTC.
        assertEquals(Optional.of(Instant.parse("2026-05-05T08:00:00Z")), reopened.nextDue(a));
        reopened.setPaused(a, true);
        assertEquals(Optional.empty(), reopened.nextDue(a));
        reopened.setPaused(a, false);
        assertEquals(Optional.of(Instant.parse("2026-05-05T08:00:00Z")), reopened.nextDue(a));
    }

    @Test
    void aPauseForAFixableReasonKeepsTheNextDailyTryAndAPauseUntilTheBotIsBackHasNone() {
        JdbcSubscriptionStore store = (JdbcSubscriptionStore) store();
        Address topic = Address.direct(Platform.TELEGRAM, "43");
        store.subscribe(topic, LocalTime.of(9, 0), LONDON, "u");
        store.pause(topic, PauseReason.cannotPost("the topic is closed"));
        assertEquals(Optional.of(Instant.parse("2026-05-05T08:00:00Z")), store.nextDue(topic));
        store.pause(topic, PauseReason.away("the bot was removed from the group"));
        assertEquals(Optional.empty(), store.nextDue(topic));
        store.setPaused(topic, false);
        assertEquals(Optional.of(Instant.parse("2026-05-05T08:00:00Z")), store.nextDue(topic));
    }
}
