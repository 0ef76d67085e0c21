package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook mode: the adapter registers its public address and secret with {@code setWebhook}, and
 * the test plays Telegram and the launcher's HTTP server, handing updates to the adapter's webhook
 * receiver with and without the right secret (the HTTP side is tested with the launcher's server).
 */
class WebhookEndToEndTest {

    private static final String TOKEN = TelegramMessageSenderTest.TOKEN;
    private static final String SECRET = "wh_Secret-0123456789";
    private static final URI PUBLIC_URL = URI.create("https://bot.example.org/telegram/hook");
    private static final Duration WAIT = LongPollingEndToEndTest.WAIT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBotApi api;
    private TelegramAdapter adapter;
    private WebhookReceiver webhook;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TOKEN);
        ConversationFixture fixture = new ConversationFixture();
        TelegramSettings settings = TelegramSettings.webhook(TOKEN, api.url(), PUBLIC_URL, SECRET);
        adapter =
                new TelegramAdapter(
                        settings,
                        fixture.conversation,
                        ConversationFixture.engine(),
                        1,
                        Sleeper.REAL);
        adapter.start();
        webhook = adapter.webhook().orElseThrow();
    }

    @AfterEach
    void stop() {
        adapter.close();
        api.close();
        assertEquals(List.of(), api.rejections());
    }

    @Test
    void registersTheWebhookWithItsSecretAndDoesNotPoll() {
        FakeBotApi.Call set = api.await("setWebhook", WAIT);
        assertEquals(PUBLIC_URL.toString(), set.text("url"));
        assertEquals(SECRET, set.text("secret_token"));
        assertTrue(set.params().get("allowed_updates").toString().contains("callback_query"));
        assertEquals(Optional.of(PUBLIC_URL.toString()), api.webhookUrl());
        api.await("setMyCommands", WAIT);
        assertEquals(List.of(), api.calls("getUpdates"));
        assertEquals(List.of(), api.calls("deleteWebhook"));
    }

    @Test
    void anUpdateWithTheRightSecretIsAnswered() throws Exception {
        assertEquals(
                TAKEN, post(SECRET, Updates.privateText(11, "How do I pick up my rat safely?")));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        assertEquals("11", sent.text("chat_id"));
        assertTrue(TelegramHtmlChecker.visibleText(sent.text("text")).contains("Joshua Paulson"));
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndNothingHappens() throws Exception {
        assertEquals(REFUSED, post("wh_Secret-0123456788", Updates.privateText(21, "/help")));
        assertEquals(REFUSED, post(null, Updates.privateText(22, "/help")));
        assertEquals(
                REFUSED,
                post(SECRET.toLowerCase(java.util.Locale.ROOT), Updates.privateText(23, "/help")));
        // A good one afterwards is answered; the refused ones never are (one worker keeps the
        // order).
        assertEquals(TAKEN, post(SECRET, Updates.privateText(24, "/help")));
        api.await("sendMessage", c -> "24".equals(c.text("chat_id")), WAIT);
        assertEquals(
                List.of("24"),
                api.calls("sendMessage").stream().map(c -> c.text("chat_id")).toList());
    }

    @Test
    void buttonTapsArriveByWebhookToo() {
        ObjectNode tap = Updates.buttonTap(31, "private", 31, "/topics");
        api.expect(tap);
        assertEquals(TAKEN, post(SECRET, tap));
        api.await(
                "answerCallbackQuery",
                c -> Updates.callbackId(tap).equals(c.text("callback_query_id")),
                WAIT);
        api.await("sendMessage", c -> "31".equals(c.text("chat_id")), WAIT);
    }

    private static final String TAKEN = "TAKEN", REFUSED = "refused: wrong secret";

    /** What the launcher's server does with a request: the secret first, then the body. */
    private String post(String secret, ObjectNode update) {
        try {
            update.put("update_id", 1);
            if (!webhook.authorized(secret)) return REFUSED;
            return webhook.take(JSON.writeValueAsBytes(update)).name();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
