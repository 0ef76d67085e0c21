package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code serve} processes, driven through every path that logs: configuration errors, start-up
 * failures of each platform, a full start, an answer, a platform error that echoes the token, the
 * webhook's refusals, shutdown. No token or secret may appear in anything they print.
 */
class ServeLogsTest {

    static final String TELEGRAM_TOKEN = "7000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";
    static final String DISCORD_TOKEN =
            "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";
    static final String WEBHOOK_SECRET = "webhook-secret-0123456789abcdef";
    static final List<String> SECRETS =
            List.of(
                    TELEGRAM_TOKEN,
                    "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq",
                    DISCORD_TOKEN,
                    WEBHOOK_SECRET);
    static final Duration START = Duration.ofSeconds(60);

    @TempDir Path dir;

    private Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("RATBOT_DB_URL", "jdbc:sqlite:" + dir.resolve("data/ratbot.db"));
        env.put("RATBOT_OPS_PORT", "0");
        env.put("RATBOT_INSTANCE_ID", "logs-test");
        for (int i = 0; i < keyValues.length; i += 2) env.put(keyValues[i], keyValues[i + 1]);
        return env;
    }

    private static void assertNoSecret(String output) {
        for (String secret : SECRETS)
            assertFalse(output.contains(secret), "a secret leaked into the output:\n" + output);
    }

    /**
     * Runs a command that must stop at start with exit 2 and one line that contains {@code
     * expected}.
     */
    private String failsAtStart(Map<String, String> env, String expected) throws Exception {
        try (ServeProcess p = ServeProcess.start(dir, env, "serve")) {
            assertEquals(2, p.exitCode(START), p.output());
            String out = p.output();
            assertNoSecret(out);
            String last = out.strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(
                    last.startsWith("ratbot: ") && last.contains(expected),
                    "expected a last line with '" + expected + "':\n" + out);
            return out;
        }
    }

    @Test
    void configurationMistakesNameTheSettingNotTheSecret() throws Exception {
        failsAtStart(
                env("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN, "TELEGRAM_MODE", "push"),
                "TELEGRAM_MODE=push (environment) is not a mode");
        failsAtStart(
                env("TELEGRAM_BOT_TOKEN", "bad-" + WEBHOOK_SECRET),
                "TELEGRAM_BOT_TOKEN (environment): not a Telegram bot token");
        failsAtStart(
                env("DISCORD_BOT_TOKEN", DISCORD_TOKEN, "DISCORD_BOT_TOKN", DISCORD_TOKEN),
                "DISCORD_BOT_TOKN is not a Ratbot setting");
        failsAtStart(env(), "serve: no platform configured");
        failsAtStart(
                env(
                        "TELEGRAM_BOT_TOKEN",
                        TELEGRAM_TOKEN,
                        "RATBOT_DB_URL",
                        "jdbc:postgresql://127.0.0.1:"
                                + freePort()
                                + "/none?user=x&password="
                                + WEBHOOK_SECRET),
                "cannot connect to the database");
    }

    @Test
    void aPlatformThatRefusesTheTokenStopsTheStartNamingThePlatformNotTheToken() throws Exception {
        try (FakeBotApi otherBot = new FakeBotApi("7000002:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq")) {
            failsAtStart(
                    env(
                            "TELEGRAM_BOT_TOKEN",
                            TELEGRAM_TOKEN,
                            "TELEGRAM_API_URL",
                            otherBot.url().toString()),
                    "Telegram refused the bot token (");
        }
    }

    @Test
    void platformsUnreachableAtStartAreTriedAgainNotReadyMeanwhileAndNeverTheConfigurationExitCode()
            throws Exception {
        int telegramPort = freePort(), discordPort = freePort();
        try (ServeProcess p =
                ServeProcess.start(
                        dir,
                        env(
                                "TELEGRAM_BOT_TOKEN",
                                TELEGRAM_TOKEN,
                                "TELEGRAM_API_URL",
                                "http://127.0.0.1:" + telegramPort,
                                "DISCORD_BOT_TOKEN",
                                DISCORD_TOKEN,
                                "DISCORD_API_URL",
                                "http://127.0.0.1:" + discordPort + "/api/v10"),
                        "serve")) {
            int ops = p.opsPort(START);
            p.await(
                    java.util.regex.Pattern.compile(
                            "Telegram cannot be reached at start, trying again in 1 s"),
                    START);
            p.await(
                    java.util.regex.Pattern.compile(
                            "Discord cannot be reached at start, trying again in 1 s"),
                    START);
            HttpResponse<String> waiting = readyz(ops);
            assertEquals(503, waiting.statusCode(), waiting.body());
            assertTrue(
                    waiting.body().contains("telegram: NOT READY (not started, trying again in "),
                    waiting.body());
            assertTrue(
                    waiting.body().contains("discord: NOT READY (not started, trying again in "),
                    waiting.body());
            assertTrue(p.alive(), p.output());

            // Telegram comes up where it was expected: the bot connects by itself and answers.
            try (FakeBotApi telegram = new FakeBotApi(TELEGRAM_TOKEN, telegramPort)) {
                p.await(
                        java.util.regex.Pattern.compile(
                                "Telegram reached and started after \\d+ attempts"),
                        START);
                telegram.enqueue(Updates.privateText(801, "/help"));
                telegram.await("sendMessage", c -> "801".equals(c.text("chat_id")), START);
                assertTrue(
                        readyz(ops).body().contains("telegram: ok (long polling)"),
                        readyz(ops).body());
                p.terminate();
                p.exitCode(START);
            }
            assertNoSecret(p.output());
        }
    }

    @Test
    void aWholeRunFromStartToSigtermLogsNoToken() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi(TELEGRAM_TOKEN);
                ServeProcess p =
                        ServeProcess.start(
                                dir,
                                env(
                                        "TELEGRAM_BOT_TOKEN",
                                        TELEGRAM_TOKEN,
                                        "TELEGRAM_API_URL",
                                        telegram.url().toString()),
                                "serve")) {
            p.awaitReady(START);
            telegram.enqueue(Updates.privateText(501, "How do I bond with my rats?"));
            assertTrue(
                    telegram.await("sendMessage", c -> "501".equals(c.text("chat_id")), START)
                                    .text("text")
                                    .length()
                            > 20);

            // A platform error that echoes the token back, as some proxies and servers do.
            telegram.failNext(
                    "sendMessage",
                    400,
                    "Bad Request: token " + TELEGRAM_TOKEN + " is not allowed here");
            telegram.enqueue(Updates.privateText(502, "Why does my rat grind its teeth?"));
            telegram.awaitUpdatesConsumed(START);
            telegram.enqueue(Updates.privateText(503, "/help"));
            telegram.await("sendMessage", c -> "503".equals(c.text("chat_id")), START);

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
            assertTrue(
                    metrics.contains(
                            "ratbot_questions_total{answered=\"true\",platform=\"telegram\"}"),
                    metrics);

            p.terminate();
            p.exitCode(START);
            String out = p.output();
            assertNoSecret(out);
            System.out.println(out);
            assertTrue(out.contains("shutdown requested") && out.contains("stopped"), out);
            assertTrue(
                    out.lines().noneMatch(l -> l.startsWith("\tat ")),
                    "stack traces in the log:\n" + out);
        }
    }

    @Test
    void webhookModeRefusesWrongSecretsAndLogsNoSecret() throws Exception {
        int port = freePort();
        try (FakeBotApi telegram = new FakeBotApi(TELEGRAM_TOKEN);
                ServeProcess p =
                        ServeProcess.start(
                                dir,
                                env(
                                        "TELEGRAM_BOT_TOKEN",
                                        TELEGRAM_TOKEN,
                                        "TELEGRAM_API_URL",
                                        telegram.url().toString(),
                                        "TELEGRAM_MODE",
                                        "webhook",
                                        "TELEGRAM_WEBHOOK_URL",
                                        "https://127.0.0.1/telegram",
                                        "TELEGRAM_WEBHOOK_SECRET",
                                        WEBHOOK_SECRET,
                                        "TELEGRAM_WEBHOOK_BIND",
                                        "127.0.0.1",
                                        "TELEGRAM_WEBHOOK_PORT",
                                        String.valueOf(port)),
                                "serve")) {
            p.awaitReady(START);
            assertEquals(
                    WEBHOOK_SECRET,
                    telegram.await("setWebhook", START).text("secret_token"),
                    p.output());
            HttpClient http = HttpClient.newHttpClient();
            String update =
                    Updates.privateText(601, "How do I bond with my rats?")
                            .put("update_id", 1)
                            .toString();
            for (String secret : List.of("wrong", WEBHOOK_SECRET.substring(1))) {
                HttpResponse<String> refused =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:" + port + "/telegram"))
                                        .header("X-Telegram-Bot-Api-Secret-Token", secret)
                                        .POST(HttpRequest.BodyPublishers.ofString(update))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(401, refused.statusCode());
            }
            HttpResponse<String> accepted =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/telegram"))
                                    .header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(update))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, accepted.statusCode());
            telegram.await("sendMessage", c -> "601".equals(c.text("chat_id")), START);
            p.terminate();
            p.exitCode(START);
            assertNoSecret(p.output());
        }
    }

    @Test
    void a409StormIsOneLogLineAndNotReadyUntilItEnds() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi(TELEGRAM_TOKEN)) {
            telegram.otherPoller(true);
            try (ServeProcess p =
                    ServeProcess.start(
                            dir,
                            env(
                                    "TELEGRAM_BOT_TOKEN",
                                    TELEGRAM_TOKEN,
                                    "TELEGRAM_API_URL",
                                    telegram.url().toString()),
                            "serve")) {
                int ops = p.opsPort(START);
                telegram.awaitCount("getUpdates", 3, START);
                HttpResponse<String> refused = readyz(ops);
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(
                        refused.body()
                                .contains(
                                        "telegram: NOT READY (another process polls this bot token (Telegram answers 409 Conflict); stop it)"),
                        refused.body());
                String during = p.output();
                assertEquals(
                        1,
                        during.lines().filter(l -> l.contains("refuses getUpdates")).count(),
                        "one line for all refusals:\n" + during);

                telegram.otherPoller(false);
                p.awaitReady(START);
                p.await(
                        java.util.regex.Pattern.compile("Telegram long polling works again"),
                        START);
                telegram.enqueue(Updates.privateText(901, "/help"));
                telegram.await("sendMessage", c -> "901".equals(c.text("chat_id")), START);
                String out = p.output();
                assertTrue(
                        out.lines()
                                .noneMatch(l -> l.startsWith("\tat ") || l.contains("BotSession")),
                        "library errors in the log:\n" + out);
            }
        }
    }

    private static HttpResponse<String> readyz(int port) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
