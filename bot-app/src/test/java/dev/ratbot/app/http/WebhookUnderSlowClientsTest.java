package dev.ratbot.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.app.config.Setting;
import dev.ratbot.app.ops.OpsEndpoint;
import dev.ratbot.app.ops.RatbotMetrics;
import dev.ratbot.app.ops.Redactor;
import dev.ratbot.telegram.TelegramAdapter;
import dev.ratbot.telegram.TelegramSettings;
import dev.ratbot.telegram.WebhookReceiver;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The slowloris that made the old webhook endpoint unreachable for minutes: many unauthenticated
 * connections sending their headers a byte at a time, and authenticated ones sending bodies as
 * slowly. With the default limits, a real update from Telegram is still taken and answered within
 * two seconds, and the endpoint keeps answering readiness.
 */
class WebhookUnderSlowClientsTest {

    private static final String TOKEN = "7000001:AAfakeTokenForTests_only-0123456789";
    private static final String SECRET = "wh_Secret-0123456789";
    private static final int SLOW_HEADS = 60, SLOW_BODIES = 20;

    @Test
    void aRealUpdateIsAnsweredWithinTwoSecondsWhileSlowClientsHoldConnections() throws Exception {
        ConversationFixture fixture = new ConversationFixture();
        OpsEndpoint ops =
                new OpsEndpoint(new RatbotMetrics("slowloris").registry(), new Redactor(List.of()));
        List<RawClient> slow = new ArrayList<>();
        Thread trickler = null;
        try (FakeBotApi telegram = new FakeBotApi(TOKEN);
                TelegramAdapter adapter =
                        new TelegramAdapter(
                                TelegramSettings.webhook(
                                        TOKEN,
                                        telegram.url(),
                                        URI.create("https://bot.example.org/hook"),
                                        SECRET),
                                fixture.conversation,
                                ConversationFixture.engine());
                WebServer web =
                        WebServer.builder()
                                .ops(
                                        new Listener(
                                                Site.OPS,
                                                "127.0.0.1",
                                                0,
                                                Setting.RATBOT_OPS_BIND,
                                                Setting.RATBOT_OPS_PORT,
                                                Limits.DEFAULT),
                                        ops)
                                .webhook(
                                        new Listener(
                                                Site.WEBHOOK,
                                                "127.0.0.1",
                                                0,
                                                Setting.TELEGRAM_WEBHOOK_BIND,
                                                Setting.TELEGRAM_WEBHOOK_PORT,
                                                Limits.DEFAULT),
                                        adapter.webhook().orElseThrow())
                                .build()
                                .start()) {
            adapter.start();
            int port = web.port(Site.WEBHOOK);
            // The first answer warms the engine up (its model loads on first use): measured is the
            // endpoint, not that.
            assertEquals(
                    200,
                    post(port, 700, "How do I pick up my rat?", Duration.ofSeconds(60))
                            .statusCode());
            telegram.await(
                    "sendMessage", c -> "700".equals(c.text("chat_id")), Duration.ofSeconds(60));
            for (int i = 0; i < SLOW_HEADS; i++)
                slow.add(new RawClient(port).send("POST /hook HTTP/1.1\r\nHost: x\r\nX-Slow: "));
            for (int i = 0; i < SLOW_BODIES; i++) {
                slow.add(
                        new RawClient(port)
                                .send(
                                        "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
                                                + WebhookReceiver.SECRET_HEADER
                                                + ": "
                                                + SECRET
                                                + "\r\n\r\n{"));
            }
            trickler =
                    Thread.ofVirtual()
                            .start(
                                    () -> {
                                        while (!Thread.currentThread().isInterrupted()) {
                                            for (RawClient c : slow) c.trickle('a');
                                            try {
                                                Thread.sleep(500);
                                            } catch (InterruptedException e) {
                                                return;
                                            }
                                        }
                                    });
            Thread.sleep(300);

            long posted = System.nanoTime();
            assertEquals(
                    200,
                    post(port, 701, "How do I bond with my rats?", Duration.ofSeconds(2))
                            .statusCode());
            telegram.await(
                    "sendMessage", c -> "701".equals(c.text("chat_id")), Duration.ofSeconds(2));
            long millis = (System.nanoTime() - posted) / 1_000_000;
            assertTrue(millis < 2_000, "answered after " + millis + " ms");
            assertEquals(
                    Optional.empty(),
                    web.unanswered(Site.WEBHOOK, Duration.ofSeconds(1)),
                    "readiness's probe is answered too");
        } finally {
            if (trickler != null) trickler.interrupt();
            for (RawClient c : slow) c.close();
            ops.close();
        }
    }

    private static HttpResponse<String> post(int port, long chat, String text, Duration timeout)
            throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook"))
                                .header(WebhookReceiver.SECRET_HEADER, SECRET)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                Updates.privateText(chat, text)
                                                        .put("update_id", chat)
                                                        .toString()))
                                .timeout(timeout)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
