package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code serve} processes on one PostgreSQL database take Telegram updates from a fake Bot
 * API under a steady stream of questions; the one that polls is stopped (SIGTERM) in the middle and
 * the other takes over polling. Every question is answered, and none twice, as counted by the fake.
 */
class ServeHandOverTest {

    private static final String TOKEN = ServeLogsTest.TELEGRAM_TOKEN;
    private static final Duration START = Duration.ofSeconds(90);
    private static final int QUESTIONS = 500;

    @TempDir Path dir;

    @Test
    void aHandOverBetweenTwoServeProcessesUnderASteadyStreamLosesNoUpdateAndAnswersNoneTwice()
            throws Exception {
        String base = Postgres.url();
        String schema =
                "t_handover_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection admin = DriverManager.getConnection(base);
                Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (FakeBotApi telegram = new FakeBotApi(TOKEN);
                ServeProcess a =
                        ServeProcess.start(
                                dir.resolve("a"), env(url, telegram, "instance-a"), "serve")) {
            a.awaitReady(START);
            a.await(Pattern.compile("took the telegram-polling"), START);
            try (ServeProcess b =
                    ServeProcess.start(
                            dir.resolve("b"), env(url, telegram, "instance-b"), "serve")) {
                b.awaitReady(START);
                Thread feeder =
                        Thread.ofVirtual()
                                .start(
                                        () -> {
                                            for (int i = 1; i <= QUESTIONS; i++) {
                                                telegram.enqueue(
                                                        Updates.privateText(300_000 + i, "/help"));
                                                try {
                                                    Thread.sleep(40);
                                                } catch (InterruptedException e) {
                                                    return;
                                                }
                                            }
                                        });
                awaitSends(telegram, QUESTIONS / 4, Duration.ofMinutes(2));
                a.terminate();
                a.exitCode(Duration.ofSeconds(60)); // 143 after a clean shutdown on SIGTERM
                b.await(Pattern.compile("took the telegram-polling"), Duration.ofSeconds(60));
                feeder.join();
                awaitSends(telegram, QUESTIONS, Duration.ofMinutes(3));
                Thread.sleep(2000); // an update answered twice would show now
                Map<String, Long> perChat =
                        telegram.calls("sendMessage").stream()
                                .collect(
                                        Collectors.groupingBy(
                                                c -> c.text("chat_id"), Collectors.counting()));
                assertEquals(QUESTIONS, perChat.size(), "every question was answered");
                assertEquals(
                        Map.of(1L, (long) QUESTIONS),
                        perChat.values().stream()
                                .collect(
                                        Collectors.groupingBy(
                                                Function.identity(), Collectors.counting())),
                        "none twice");
                assertEquals(List.of(), telegram.rejections());
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(base);
                    Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void awaitSends(FakeBotApi telegram, int count, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (telegram.calls("sendMessage").size() < count) {
            if (System.nanoTime() > end)
                throw new AssertionError(
                        "only "
                                + telegram.calls("sendMessage").size()
                                + " of "
                                + count
                                + " answers");
            Thread.sleep(100);
        }
    }

    private static Map<String, String> env(String url, FakeBotApi telegram, String instance) {
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
}
