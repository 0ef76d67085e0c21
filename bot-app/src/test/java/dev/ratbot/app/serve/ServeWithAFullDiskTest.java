package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.feedback.JdbcAnswerLog;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import dev.ratbot.store.StoreException;
import dev.ratbot.store.StoreHealth;
import dev.ratbot.subscription.JdbcSubscriptionStore;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code serve} whose SQLite file has no room left (its max_page_count reached and its last
 * pages filled): it still answers every question on Telegram, /subscribe says kindly that it cannot
 * reach its records, /readyz stays 200 and says the store is degraded, and the log says so once,
 * however many messages arrive.
 */
class ServeWithAFullDiskTest {

    private static final String TOKEN = ServeLogsTest.TELEGRAM_TOKEN;
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir Path dir;

    /**
     * Fills the file as a disk fills up: its last pages, the subscriptions' and the questions'
     * pages, to the last byte.
     */
    private static void fill(Database db) {
        db.withConnection(c -> c.createStatement().executeUpdate("CREATE TABLE filler (x BLOB)"));
        for (int size = 4096; size >= 8; size /= 2) {
            int n = size;
            untilFull(
                    () ->
                            db.withConnection(
                                    c -> {
                                        try (PreparedStatement ps =
                                                c.prepareStatement(
                                                        "INSERT INTO filler VALUES (?)")) {
                                            ps.setBytes(1, new byte[n]);
                                            return ps.executeUpdate();
                                        }
                                    }));
        }
        JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(db, Clock.systemUTC());
        AtomicInteger chat = new AtomicInteger();
        untilFull(
                () ->
                        subscriptions.subscribe(
                                Address.direct(Platform.TELEGRAM, "9" + chat.incrementAndGet()),
                                LocalTime.NOON,
                                ZoneOffset.UTC,
                                "filler"));
        JdbcAnswerLog answers = new JdbcAnswerLog(db, Clock.systemUTC());
        untilFull(
                () ->
                        answers.recordAnswer(
                                Platform.TELEGRAM,
                                "filler " + chat.incrementAndGet(),
                                Optional.empty(),
                                false));
    }

    private static void untilFull(Runnable write) {
        try {
            while (true) write.run();
        } catch (StoreException e) {
            assertEquals(
                    StoreHealth.Problem.FULL,
                    StoreHealth.classify(e).orElseThrow().problem(),
                    e.getMessage());
        }
    }

    @Test
    void questionsAreAnsweredReadinessSaysDegradedAndTheLogSaysItOnce() throws Exception {
        Path file = dir.resolve("data/ratbot.db");
        long pages;
        try (Database db = Database.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
            pages =
                    db.withConnection(
                            c -> {
                                try (ResultSet rs =
                                        c.createStatement().executeQuery("PRAGMA page_count")) {
                                    rs.next();
                                    return rs.getLong(1);
                                }
                            });
        }
        String url = "jdbc:sqlite:" + file + "?max_page_count=" + (pages + 4);
        try (Database db = Database.open(DatabaseSettings.of(url))) {
            fill(db);
        }
        try (FakeBotApi telegram = new FakeBotApi(TOKEN);
                ServeProcess p =
                        ServeProcess.start(
                                dir,
                                Map.of(
                                        "RATBOT_DB_URL",
                                        url,
                                        "RATBOT_OPS_PORT",
                                        "0",
                                        "RATBOT_INSTANCE_ID",
                                        "full-disk",
                                        "TELEGRAM_BOT_TOKEN",
                                        TOKEN,
                                        "TELEGRAM_API_URL",
                                        telegram.url().toString()),
                                "serve")) {
            p.awaitReady(START);
            for (int i = 0; i < 5; i++) {
                long chat = 701L + i;
                telegram.enqueue(Updates.privateText(chat, "How do I hold my rat properly?"));
                String answer =
                        telegram.await(
                                        "sendMessage",
                                        c -> Long.toString(chat).equals(c.text("chat_id")),
                                        START)
                                .text("text");
                assertTrue(answer.contains("Support them from underneath"), answer);
            }
            telegram.enqueue(Updates.privateText(799, "/subscribe 08:00 Europe/London"));
            String subscribe =
                    telegram.await("sendMessage", c -> "799".equals(c.text("chat_id")), START)
                            .text("text");
            assertTrue(subscribe.contains("can't reach my records"), subscribe);

            HttpResponse<String> ready =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + p.opsPort(START)
                                                                    + "/readyz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(
                    ready.body().contains("database: ok (degraded: sqlite full ("), ready.body());
            String metrics =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + p.opsPort(START)
                                                                    + "/metrics"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            assertTrue(metrics.contains("ratbot_store_degraded 1.0"), metrics);

            p.terminate();
            p.exitCode(START);
            String out = p.output();
            assertEquals(
                    1, out.lines().filter(l -> l.contains("the store is degraded")).count(), out);
            assertTrue(out.contains("5 questions were not recorded"), out);
        }
    }
}
