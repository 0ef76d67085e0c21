package dev.ratbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.feedback.JdbcAnswerLog;
import dev.ratbot.feedback.QueuedAnswerLog;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import dev.ratbot.store.StoreHealth;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.subscription.JdbcSubscriptionStore;
import dev.ratbot.testing.ConversationFixture;
import dev.ratbot.testing.MutableClock;
import dev.ratbot.testing.TcpProxy;
import dev.ratbot.tips.OnDemandTips;
import dev.ratbot.tips.TipCatalogue;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the store do not reach the answers: with PostgreSQL unreachable or the SQLite file
 * full, questions are answered as fast as ever and recorded when the store is back; what needs the
 * store says so at once, in a friendly word; and the outage is heard once, not per message. Real
 * PostgreSQL behind a TCP proxy the test cuts, and a real SQLite file with a size limit.
 */
class AnswersWithoutTheStoreTest {

    private static final Address CHAT = Address.direct(Platform.TELEGRAM, "4242");

    @TempDir Path dir;

    private final MutableClock clock = MutableClock.at("2026-06-01T08:00:00Z");
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final StoreHealth health =
            new StoreHealth(
                    clock,
                    new StoreHealth.Listener() {
                        @Override
                        public void degraded(StoreHealth.Degraded now) {
                            heard.add("degraded: " + now.problem());
                        }

                        @Override
                        public void recovered(StoreHealth.Degraded was, Duration after) {
                            heard.add("back");
                        }
                    });
    private final AtomicInteger recorded = new AtomicInteger();
    private final QueuedAnswerLog.Events events =
            new QueuedAnswerLog.Events() {
                @Override
                public void recorded(int questions) {
                    recorded.addAndGet(questions);
                }

                @Override
                public void dropped(int questions, QueuedAnswerLog.DropReason reason) {}
            };

    private static Conversation conversation(Database replies, AnswerLog log, MutableClock clock) {
        var pack = ConversationFixture.pack();
        OnDemandTips tips =
                new OnDemandTips(
                        TipCatalogue.from(pack), pack.attribution(), new SplittableRandom(7));
        return new Conversation(
                ConversationFixture.engine(),
                tips,
                new JdbcSubscriptionStore(replies, clock),
                log,
                clock);
    }

    private static Reply say(Conversation conversation, String text) {
        return conversation.handle(new Incoming(CHAT, "user-1", text, Rights.OWNER)).orElseThrow();
    }

    private static void await(BooleanSupplier condition, Duration within, String what)
            throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end)
                throw new AssertionError("not within " + within + ": " + what);
            Thread.sleep(20);
        }
    }

    private static long questionsStored(Database db) {
        return db.withConnection(
                c -> {
                    try (ResultSet rs =
                            c.createStatement().executeQuery("SELECT count(*) FROM answers")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    /**
     * The pool waits up to 30 s for a connection (Hikari's default, the wait users saw): ten
     * questions, /help and /tip with PostgreSQL cut off all come back while the writer still waits,
     * and are written once it is back.
     */
    @Test
    void withPostgresqlDownQuestionsAreAnsweredAtOnceAndRecordedWhenItIsBack() throws Exception {
        InetSocketAddress pg = TestDatabases.postgresAddress();
        String schema = TestDatabases.newSchemaName("no_store_pg");
        try (TcpProxy proxy = TcpProxy.to(pg.getHostString(), pg.getPort());
                Database db =
                        TestDatabases.postgresVia(
                                proxy.port(), schema, Duration.ofSeconds(30), health);
                QueuedAnswerLog log =
                        new QueuedAnswerLog(
                                        new JdbcAnswerLog(db, clock),
                                        health,
                                        QueuedAnswerLog.Limits.DEFAULTS,
                                        events)
                                .start()) {
            Conversation conversation = conversation(db.forReplies(), log, clock);
            say(conversation, "How do I hold my rat properly?");
            await(() -> recorded.get() == 1, Duration.ofSeconds(10), "the first question written");

            proxy.cut();
            List<Long> millis = new ArrayList<>();
            for (String text :
                    List.of(
                            "Why does my rat chirp?",
                            "What treats are safe?",
                            "/help",
                            "/tip",
                            "How do I bond with my rats?",
                            "Can rats eat chocolate?",
                            "my rat bit me, what do I do?",
                            "how do i pick up my rat without scaring it?",
                            "Do rats like music?",
                            "How often should I play with my rats?",
                            "What toys do rats like?",
                            "why do rats brux?")) {
                long start = System.nanoTime();
                Reply reply = say(conversation, text);
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertNotEquals(Reply.Kind.ERROR, reply.kind(), text + ": " + reply.plainText());
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.println(
                    "answers with PostgreSQL down, ms: median "
                            + sorted.get(sorted.size() / 2)
                            + ", slowest "
                            + sorted.getLast());
            // Loose on purpose: waiting for the store even once would take the pool's 30 s.
            assertTrue(sorted.getLast() < 10_000, "an answer waited for the store: " + millis);

            proxy.restore();
            await(
                    () -> recorded.get() == 11,
                    Duration.ofSeconds(60),
                    "the ten questions written after the outage, got " + recorded.get());
            assertEquals(11, questionsStored(db));
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }

    /**
     * Once the store is known to be unreachable, /subscribe, /settings and a rating answer at once
     * with a friendly word, although their pool would wait 30 s; the outage is heard once, and so
     * is its end.
     */
    @Test
    void withPostgresqlDownWhatNeedsTheStoreFailsFastAndTheOutageIsHeardOnce() throws Exception {
        InetSocketAddress pg = TestDatabases.postgresAddress();
        String schema = TestDatabases.newSchemaName("no_store_fast");
        QueuedAnswerLog.Limits limits =
                QueuedAnswerLog.Limits.DEFAULTS.withRetryEvery(Duration.ofMillis(100));
        try (TcpProxy proxy = TcpProxy.to(pg.getHostString(), pg.getPort());
                // The writer's pool gives up on a connection after 1 s, the replies' pool would
                // wait 30 s: one health.
                Database writes =
                        TestDatabases.postgresVia(
                                proxy.port(), schema, Duration.ofSeconds(1), health);
                Database replies =
                        TestDatabases.postgresVia(
                                proxy.port(), schema, Duration.ofSeconds(30), health);
                QueuedAnswerLog log =
                        new QueuedAnswerLog(
                                        new JdbcAnswerLog(writes, clock), health, limits, events)
                                .start()) {
            Conversation conversation = conversation(replies.forReplies(), log, clock);
            String key =
                    say(conversation, "How do I hold my rat properly?").feedbackKey().orElseThrow();
            await(() -> recorded.get() == 1, Duration.ofSeconds(10), "the answer written");

            proxy.cut();
            say(conversation, "Why does my rat chirp?");
            await(
                    health::unreachable,
                    Duration.ofSeconds(20),
                    "the writer finds the store unreachable");
            for (String text :
                    List.of(
                            "/subscribe 08:00 Europe/London",
                            "/settings",
                            "/feedback " + key + " up",
                            "/unsubscribe")) {
                long start = System.nanoTime();
                Reply reply = say(conversation, text);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(Conversation.storeUnavailable(), reply, text);
                assertTrue(ms < 10_000, text + " waited " + ms + " ms for the store");
            }
            for (int i = 0; i < 20; i++) say(conversation, "What treats are safe? " + i);
            Thread.sleep(500); // the writer retries every 100 ms meanwhile

            proxy.restore();
            await(health::ok, Duration.ofSeconds(30), "the store back");
            assertEquals(
                    List.of("degraded: unreachable", "back"),
                    heard,
                    "one line when it went, one when it came back");
            await(
                    () -> recorded.get() == 22,
                    Duration.ofSeconds(30),
                    "the questions asked meanwhile written, got " + recorded.get());
            Reply subscribed = say(conversation, "/subscribe 08:00 Europe/London");
            assertEquals(Reply.Kind.SETTINGS, subscribed.kind(), subscribed.plainText());
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }

    /**
     * A SQLite file that may grow by 20 pages only: the questions that fill it are answered all the
     * same, the store is full (heard once), and when there is room again the ones waiting are
     * written.
     */
    @Test
    void withTheDiskFullQuestionsAreAnsweredAndWaitForRoom() throws Exception {
        Path file = dir.resolve("full.db");
        long pages;
        try (Database fresh = Database.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
            pages =
                    fresh.withConnection(
                            c -> {
                                try (ResultSet rs =
                                        c.createStatement().executeQuery("PRAGMA page_count")) {
                                    rs.next();
                                    return rs.getLong(1);
                                }
                            });
        }
        QueuedAnswerLog.Limits limits =
                QueuedAnswerLog.Limits.DEFAULTS.withRetryEvery(Duration.ofMillis(50));
        try (Database db =
                        Database.open(
                                DatabaseSettings.of(
                                        "jdbc:sqlite:" + file + "?max_page_count=" + (pages + 20)),
                                health);
                QueuedAnswerLog log =
                        new QueuedAnswerLog(new JdbcAnswerLog(db, clock), health, limits, events)
                                .start()) {
            db.probe();
            assertTrue(health.ok(), "room for 20 pages is not full yet");
            Conversation conversation = conversation(db.forReplies(), log, clock);
            BooleanSupplier full =
                    () ->
                            health.degraded()
                                    .map(d -> d.problem() == StoreHealth.Problem.FULL)
                                    .orElse(false);
            int asked = 0;
            while (!full.getAsBoolean()) {
                assertTrue(asked < 500, "20 pages never filled up");
                Reply reply =
                        say(
                                conversation,
                                "what does it mean when my rat does thing number "
                                        + asked
                                        + " "
                                        + "and so on ".repeat(90));
                assertNotEquals(Reply.Kind.ERROR, reply.kind(), reply.plainText());
                int expected = ++asked;
                await(
                        () -> recorded.get() == expected || full.getAsBoolean(),
                        Duration.ofSeconds(10),
                        "written or found full");
            }
            for (int i = 0; i < 3; i++, asked++) {
                Reply reply = say(conversation, "/ask how do I hold my rat " + i + "?");
                assertEquals(
                        Reply.Kind.ANSWER,
                        reply.kind(),
                        "answered with the disk full: " + reply.plainText());
            }
            db.probe();
            assertEquals(
                    StoreHealth.Problem.FULL,
                    health.degraded().orElseThrow().problem(),
                    "a probe does not clear a failed write");
            int written = recorded.get();
            int total = asked;

            // The operator makes room (here: deletes the stored questions with the sqlite3 tool's
            // connection).
            try (Connection operator = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement s = operator.createStatement()) {
                assertEquals(written, s.executeUpdate("DELETE FROM answers"));
            }
            await(
                    () -> recorded.get() == total,
                    Duration.ofSeconds(20),
                    "the waiting questions written, got " + recorded.get() + " of " + total);
            assertEquals(total - written, questionsStored(db));
            db.probe();
            assertTrue(health.ok(), "the writes and a probe find room: " + health.degraded());
            assertEquals(
                    List.of("degraded: full", "back"),
                    heard,
                    "one line when it filled up, one when there was room again");
        }
    }
}
