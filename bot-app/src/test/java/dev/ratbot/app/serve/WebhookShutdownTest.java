package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in webhook mode with hundreds of updates accepted (answered 200 to Telegram, which will
 * not send them again) and not yet answered: the stopping instance finishes what it can, hands the
 * rest back to the store and says how many, and the next start answers those. Every accepted update
 * is answered exactly once across the two runs.
 */
class WebhookShutdownTest {

    private static final String TOKEN = ServeLogsTest.TELEGRAM_TOKEN;
    private static final String SECRET = ServeLogsTest.WEBHOOK_SECRET;
    private static final Duration START = ServeLogsTest.START;
    private static final int UPDATES = 400;
    private static final Pattern HANDED_BACK =
            Pattern.compile(
                    "Telegram stopped: (\\d+) updates answered while stopping, (\\d+) handed back to the store for the next start to answer, 0 lost");

    @TempDir Path dir;

    private Map<String, String> env(int port, FakeBotApi telegram) {
        Map<String, String> env = new HashMap<>();
        env.put("RATBOT_DB_URL", "jdbc:sqlite:" + dir.resolve("ratbot.db"));
        env.put("RATBOT_OPS_PORT", "0");
        env.put("RATBOT_INSTANCE_ID", "stop-test");
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url().toString());
        env.put("TELEGRAM_MODE", "webhook");
        env.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram");
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("TELEGRAM_WEBHOOK_BIND", "127.0.0.1");
        env.put("TELEGRAM_WEBHOOK_PORT", String.valueOf(port));
        return env;
    }

    @Test
    void whatAStopCannotFinishIsHandedBackAndAnsweredByTheNextStart() throws Exception {
        int port = ServeLogsTest.freePort();
        try (FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            telegram.latency("sendMessage", Duration.ofMillis(200));
            try (ServeProcess first = ServeProcess.start(dir, env(port, telegram), "serve")) {
                first.awaitReady(START);
                HttpClient http = HttpClient.newHttpClient();
                List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
                for (int chat = 1; chat <= UPDATES; chat++) {
                    String update =
                            Updates.privateText(10_000 + chat, "/help")
                                    .put("update_id", chat)
                                    .toString();
                    posts.add(
                            http.sendAsync(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/telegram"))
                                            .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(update))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()));
                }
                Map<Integer, Long> statuses =
                        posts.stream()
                                .collect(
                                        Collectors.groupingBy(
                                                p -> p.join().statusCode(), Collectors.counting()));
                assertEquals(Map.of(200, (long) UPDATES), statuses, "all accepted");
                first.terminate();
                first.exitCode(START);
                String out = first.output();
                Matcher stopped = HANDED_BACK.matcher(out);
                assertTrue(
                        stopped.find(),
                        "the stop says what became of the accepted updates:\n" + out);
                assertTrue(
                        Integer.parseInt(stopped.group(2)) > 0,
                        "this many could not be answered in the stop's time: " + stopped.group());
            }
            try (ServeProcess second = ServeProcess.start(dir, env(port, telegram), "serve")) {
                second.awaitReady(START);
                telegram.awaitCount("sendMessage", UPDATES, Duration.ofMinutes(2));
                Thread.sleep(500);
                Map<String, Long> perChat =
                        telegram.calls("sendMessage").stream()
                                .collect(
                                        Collectors.groupingBy(
                                                c -> c.text("chat_id"), Collectors.counting()));
                assertEquals(UPDATES, perChat.size(), "every accepted update answered");
                assertEquals(
                        Map.of(),
                        perChat.entrySet().stream()
                                .filter(e -> e.getValue() > 1)
                                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                        "none twice");
                second.terminate();
                second.exitCode(START);
            }
        }
    }
}
