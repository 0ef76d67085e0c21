package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.delivery.Backoff;
import dev.ratbot.delivery.DeliverySettings;
import dev.ratbot.delivery.DeliveryWorker;
import dev.ratbot.delivery.Pacer;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code serve} processes on one PostgreSQL database and a fake Telegram: 5,000
 * subscriptions fall due at once; one instance is killed with SIGKILL in the middle; the other
 * finishes. No tip is sent twice, and every tip the dead instance had claimed but not confirmed is
 * accounted for in the store (UNCONFIRMED, naming it). While both run, together they send no faster
 * than Telegram allows one bot (their overall budget is shared in the database).
 *
 * <p>Paced at Telegram's 30 messages a second, 5,000 tips take three minutes of mostly waiting. It
 * ran beside the module's other tests for a while, but its two busy instances on a two-core machine
 * starved the Discord shard-lease test's three into a double connection, so it runs alone again. It
 * shares nothing with the others: its own bot, schema, fake server, folders and processes.
 */
class TwoServeInstancesTest {

    private static final int SUBSCRIPTIONS = Integer.getInteger("ratbot.test.subscriptions", 5_000);

    /**
     * A bot of its own: long polling is one PostgreSQL advisory lock per bot for the whole
     * database, so with the other tests' bot this test's instances would hold it against theirs.
     */
    private static final String TOKEN = "7000002:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";

    private static final Duration START = Duration.ofSeconds(90);

    @TempDir Path dir;

    @Test
    void fiveThousandDueTipsExactlyOnceAcrossTwoInstancesWhenOneIsKilled(TestReporter report)
            throws Exception {
        String base = Postgres.url();
        String schema =
                "t_two_serve_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection admin = DriverManager.getConnection(base);
                Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            ServeProcess a =
                    ServeProcess.start(dir.resolve("a"), env(url, telegram, "instance-a"), "serve");
            ServeProcess b = null;
            try {
                a.awaitReady(START);
                // Alone, the first instance must take the long-polling lock; wait for it rather
                // than race the second
                // instance's start (on a loaded machine the first attempt can come after
                // readiness).
                a.await(java.util.regex.Pattern.compile("took the telegram-polling"), START);
                report.publishEntry(
                        "before insertDueSubscriptions",
                        "sends=" + telegram.calls("sendMessage").size());
                insertDueSubscriptions(url);
                b = ServeProcess.start(dir.resolve("b"), env(url, telegram, "instance-b"), "serve");
                b.awaitReady(START);
                assertFalse(
                        b.output().contains("took the telegram-polling"),
                        "only the first instance polls:\n" + b.output());

                long bothFrom = System.nanoTime();
                int sentBefore = telegram.calls("sendMessage").size();
                awaitSends(telegram, SUBSCRIPTIONS / 2, Duration.ofMinutes(5));
                // The instances share Telegram's overall budget of 30/s through the database; each
                // pacing on its
                // own would send about twice that. One second's slack, and slowness can only lower
                // the rate.
                double bothSeconds = (System.nanoTime() - bothFrom) / 1e9;
                int sentTogether = telegram.calls("sendMessage").size() - sentBefore;
                report.publishEntry(
                        "both instances",
                        String.format(
                                java.util.Locale.ROOT,
                                "%d sends in %.1f s",
                                sentTogether,
                                bothSeconds));
                assertTrue(
                        sentTogether <= 30 * bothSeconds + 30,
                        sentTogether + " sends in " + bothSeconds + " s by two instances");
                report.publishEntry(
                        "before a.kill", "sends=" + telegram.calls("sendMessage").size());
                // Strike while the first instance has tips claimed and not yet confirmed, if we can
                // catch it so.
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < until && sendingBy(url, "instance-a") == 0)
                    Thread.onSpinWait();
                a.kill();
                a.exitCode(Duration.ofSeconds(30));

                // Long polling moves to the survivor: it answers a question sent after the kill.
                report.publishEntry(
                        "before telegram.enqueue", "sends=" + telegram.calls("sendMessage").size());
                telegram.enqueue(Updates.privateText(42, "How do I bond with my rats?"));
                telegram.await(
                        "sendMessage", c -> "42".equals(c.text("chat_id")), Duration.ofSeconds(60));
                assertTrue(b.output().contains("took the telegram-polling"), b.output());

                report.publishEntry(
                        "before await", "sends=" + telegram.calls("sendMessage").size());
                try {
                    awaitNothingPending(url, Duration.ofMinutes(6));
                } catch (AssertionError e) {
                    throw new AssertionError(
                            e.getMessage() + "\n--- instance b:\n" + b.output(), e);
                }
                report.publishEntry(
                        "before b.terminate", "sends=" + telegram.calls("sendMessage").size());
                b.terminate();
                b.exitCode(Duration.ofSeconds(60));
            } finally {
                a.close();
                if (b != null) b.close();
            }

            // Later, any instance's worker finds the dead one's expired leases and records them as
            // UNCONFIRMED.
            sweepAfterLeasesExpire(url);

            Map<String, Integer> received = new HashMap<>();
            for (FakeBotApi.Call call : telegram.calls("sendMessage")) {
                String chat = call.text("chat_id");
                if (!chat.equals("42")) received.merge(chat, 1, Integer::sum);
            }
            Map<String, Long> statuses = statusCounts(url);
            Set<String> sent = chatsWithStatus(url, "SENT");
            report.publishEntry("received", received.size() + " tips, statuses " + statuses);

            assertEquals(
                    List.of(),
                    received.entrySet().stream()
                            .filter(e -> e.getValue() != 1)
                            .map(Map.Entry::getKey)
                            .toList(),
                    "chats that got a tip twice");
            assertEquals(
                    Set.of(),
                    sent.stream()
                            .filter(chat -> !received.containsKey(chat))
                            .collect(java.util.stream.Collectors.toSet()),
                    "chats recorded SENT that the platform never saw");
            assertEquals(
                    SUBSCRIPTIONS,
                    statuses.getOrDefault("SENT", 0L) + statuses.getOrDefault("UNCONFIRMED", 0L),
                    "every due tip is SENT or UNCONFIRMED: " + statuses);
            assertTrue(received.keySet().containsAll(sent), "every SENT tip reached Telegram");
            assertTrue(received.size() <= SUBSCRIPTIONS);
            assertTrue(
                    statuses.getOrDefault("UNCONFIRMED", 0L) < 1000,
                    "only what was in flight is lost: " + statuses);
            assertTrue(
                    unconfirmedAllClaimedBy(url, "instance-a"),
                    "every lost tip names the killed instance");
            Map<String, Long> sentBy = sentBy(url);
            assertTrue(
                    sentBy.getOrDefault("instance-a", 0L) > 0
                            && sentBy.getOrDefault("instance-b", 0L) > 0,
                    "both sent: " + sentBy);
        } finally {
            try (Connection admin = DriverManager.getConnection(base);
                    Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private Map<String, String> env(String url, FakeBotApi telegram, String instance) {
        return Map.of(
                "RATBOT_DB_URL",
                url,
                "RATBOT_OPS_PORT",
                "0",
                "RATBOT_INSTANCE_ID",
                instance,
                "TELEGRAM_BOT_TOKEN",
                TOKEN,
                "TELEGRAM_API_URL",
                telegram.url().toString());
    }

    private static void insertDueSubscriptions(String url) throws Exception {
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO subscriptions (platform, chat_id, thread_id, is_group, local_time, zone,"
                                        + " status, created_by, created_at, updated_at, next_due_at) SELECT 'TELEGRAM', (100000 + i)::text, '', false, ?, 'UTC',"
                                        + " 'ACTIVE', 'test', ?, ?, ? FROM generate_series(1, ?) AS i")) {
            ps.setString(
                    1,
                    Instant.ofEpochMilli(now)
                            .atOffset(ZoneOffset.UTC)
                            .toLocalTime()
                            .withSecond(0)
                            .withNano(0)
                            .toString());
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setLong(4, now - 1000);
            ps.setInt(5, SUBSCRIPTIONS);
            assertEquals(SUBSCRIPTIONS, ps.executeUpdate());
        }
    }

    private static void awaitSends(FakeBotApi telegram, int count, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (telegram.calls("sendMessage").size() < count) {
            assertTrue(
                    System.nanoTime() < end,
                    "only " + telegram.calls("sendMessage").size() + " sends within " + timeout);
            Thread.sleep(200);
        }
    }

    private static void awaitNothingPending(String url, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Long> statuses = statusCounts(url);
            long total = statuses.values().stream().mapToLong(Long::longValue).sum();
            if (total == SUBSCRIPTIONS
                    && statuses.getOrDefault("PENDING", 0L) == 0
                    && sendingNotBy(url, "instance-a") == 0) return;
            assertTrue(System.nanoTime() < end, "still pending after " + timeout + ": " + statuses);
            Thread.sleep(500);
        }
    }

    private static void sweepAfterLeasesExpire(String url) {
        DeliverySettings settings = DeliverySettings.defaults("sweeper");
        Clock later =
                Clock.fixed(Instant.now().plus(settings.lease()).plusSeconds(60), ZoneOffset.UTC);
        try (Database db = Database.open(DatabaseSettings.of(url))) {
            new DeliveryWorker(
                            db,
                            List.of(),
                            Pacer.unpaced(later),
                            new Backoff(
                                    Duration.ofSeconds(1),
                                    Duration.ofSeconds(1),
                                    1,
                                    new SplittableRandom(1)),
                            tipId -> Optional.empty(),
                            later,
                            settings)
                    .runOnce();
        }
    }

    private static Map<String, Long> statusCounts(String url) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT status, count(*) FROM deliveries GROUP BY status")) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }

    private static long sendingBy(String url, String instance) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT count(*) FROM deliveries WHERE status = 'SENDING' AND claimed_by = ?")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long sendingNotBy(String url, String instance) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT count(*) FROM deliveries WHERE status = 'SENDING' AND claimed_by <> ?")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Set<String> chatsWithStatus(String url, String status) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT s.chat_id FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE d.status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static boolean unconfirmedAllClaimedBy(String url, String instance) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT count(*) FROM deliveries WHERE status = 'UNCONFIRMED' AND (claimed_by <> ? OR reason NOT LIKE ?)")) {
            ps.setString(1, instance);
            ps.setString(2, "%claimed by " + instance + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        }
    }

    private static Map<String, Long> sentBy(String url) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT claimed_by, count(*) FROM deliveries WHERE status = 'SENT' GROUP BY claimed_by")) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }
}
