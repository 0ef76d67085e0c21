package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starting, failing to start, and what an operator reads when it fails: one line, never the token.
 */
class AdapterStartTest {

    private static final String TOKEN = TelegramMessageSenderTest.TOKEN;
    private static final String OTHER_TOKEN = "7000002:AAanotherTokenNobodyKnows_0123456789";
    private final ConversationFixture fixture = new ConversationFixture();
    private FakeBotApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TOKEN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aRefusedTokenStopsTheStartWithAClearLine() {
        TelegramAdapter adapter = adapter(TelegramSettings.longPolling(OTHER_TOKEN, api.url()));
        TelegramStartException e = assertThrows(TelegramStartException.class, adapter::start);
        assertTrue(e.getMessage().contains("TELEGRAM_BOT_TOKEN"), e.getMessage());
        assertFalse(e.unreachable(), "a refusal is for the operator to fix, not to retry");
        assertFalse(
                e.getMessage().contains(OTHER_TOKEN) || e.getMessage().contains("AAanother"),
                e.getMessage());
        assertFalse(adapter.isRunning());
        adapter.close();
    }

    @Test
    void anUnreachableServerStopsTheStart() {
        URI gone = api.url();
        api.close();
        TelegramAdapter adapter = adapter(TelegramSettings.longPolling(TOKEN, gone));
        TelegramStartException e = assertThrows(TelegramStartException.class, adapter::start);
        assertTrue(e.getMessage().contains("cannot reach"), e.getMessage());
        assertTrue(e.unreachable(), "worth trying again later");
        assertFalse(e.getMessage().contains(TOKEN));
        adapter.close();
    }

    @Test
    void aRefusedWebhookStopsTheStartAndClosesTheReceiver() throws Exception {
        api.failNext("setWebhook", 400, "Bad Request: bad webhook: Failed to resolve host");
        TelegramAdapter adapter =
                adapter(
                        TelegramSettings.webhook(
                                TOKEN,
                                api.url(),
                                URI.create("https://nowhere.invalid/hook"),
                                "secret"));
        TelegramStartException e = assertThrows(TelegramStartException.class, adapter::start);
        assertTrue(e.getMessage().contains("webhook"), e.getMessage());
        assertFalse(e.unreachable(), "Telegram refused the webhook's address");
        WebhookReceiver webhook = adapter.webhook().orElseThrow();
        assertFalse(webhook.open());
        assertEquals(
                WebhookReceiver.Outcome.BUSY,
                webhook.take(
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .writeValueAsBytes(
                                        Updates.privateText(5, "/help").put("update_id", 1))));
        adapter.close();
    }

    @Test
    void aFailedCommandMenuIsNotFatal() {
        api.failNext("setMyCommands", 500, "Internal Server Error");
        TelegramAdapter adapter = adapter(TelegramSettings.longPolling(TOKEN, api.url()));
        adapter.start();
        assertTrue(adapter.isRunning());
        adapter.close();
    }

    @Test
    void theSenderWorksWithoutStarting() {
        TelegramAdapter adapter = adapter(TelegramSettings.longPolling(TOKEN, api.url()));
        SendResult result =
                adapter.sender()
                        .send(
                                Address.direct(Platform.TELEGRAM, "5"),
                                Reply.text(Reply.Kind.TIP, "Offer a pea."));
        assertEquals(new SendResult.Delivered(), result);
        assertEquals(Platform.TELEGRAM, adapter.sender().platform());
        adapter.close();
    }

    @Test
    void anInstanceThatStopsPollingKeepsSendingAndCanTakeOverAgain() {
        TelegramAdapter adapter = adapter(TelegramSettings.longPolling(TOKEN, api.url()));
        adapter.start();
        adapter.stop();
        assertFalse(adapter.isRunning());
        Address chat = Address.direct(Platform.TELEGRAM, "5");
        assertEquals(
                new SendResult.Delivered(),
                adapter.sender().send(chat, Reply.text(Reply.Kind.TIP, "Offer a pea.")));
        adapter.start();
        api.enqueue(Updates.privateText(6, "/help"));
        api.await("sendMessage", c -> "6".equals(c.text("chat_id")), Duration.ofSeconds(10));
        adapter.close();
        assertThrows(IllegalStateException.class, adapter::start);
        assertInstanceOf(
                SendResult.Transient.class,
                adapter.sender().send(chat, Reply.text(Reply.Kind.TIP, "Offer a pea.")));
    }

    @Test
    void stoppingDoesNotWaitForAHeldPoll() throws Exception {
        api.holdEmptyPolls(
                Duration.ofSeconds(50)); // as Telegram holds getUpdates when nothing is new
        TelegramAdapter adapter = adapter(TelegramSettings.longPolling(TOKEN, api.url()));
        adapter.start();
        api.await("getUpdates", Duration.ofSeconds(10));
        long started = System.nanoTime();
        adapter.close();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertTrue(
                seconds < 4, "close waited " + seconds + " s for a poll it should have cancelled");
    }

    @Test
    void noLogLineOrResultCarriesTheToken() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            TelegramAdapter refused = adapter(TelegramSettings.longPolling(OTHER_TOKEN, api.url()));
            assertThrows(TelegramStartException.class, refused::start);
            refused.close();

            TelegramAdapter adapter = adapter(TelegramSettings.longPolling(TOKEN, api.url()));
            adapter.start();
            api.failNext("sendMessage", 502, "Bad Gateway");
            api.enqueue(Updates.privateText(9, "/help"));
            api.await("sendMessage", Duration.ofSeconds(10));
            api.disconnectNext("answerCallbackQuery");
            api.enqueue(Updates.buttonTap(9, "private", 9, "/topics"));
            api.await("answerCallbackQuery", Duration.ofSeconds(10));
            api.failNext("getChatMember", 400, "Bad Request: user not found");
            api.enqueue(Updates.groupText(-100777, 9, "/pause"));
            api.await(
                    "sendMessage",
                    c -> "-100777".equals(c.text("chat_id")),
                    Duration.ofSeconds(10));
            SendResult lost =
                    adapter.sender()
                            .send(
                                    Address.direct(Platform.TELEGRAM, "9"),
                                    Reply.text(Reply.Kind.TIP, "tip"));
            assertEquals(new SendResult.Delivered(), lost);
            adapter.close();
            api.close();
            SendResult unreachable =
                    adapter(TelegramSettings.longPolling(TOKEN, api.url()))
                            .sender()
                            .send(
                                    Address.direct(Platform.TELEGRAM, "9"),
                                    Reply.text(Reply.Kind.TIP, "tip"));
            assertInstanceOf(SendResult.Transient.class, unreachable);
            assertFalse(unreachable.toString().contains("AAfake"));
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(
                logs.contains("not delivered") || logs.contains("not acknowledged"),
                "the failures were logged: " + logs);
        assertFalse(logs.contains("AAfakeToken") || logs.contains("AAanotherToken"), logs);
    }

    private TelegramAdapter adapter(TelegramSettings settings) {
        return new TelegramAdapter(
                settings, fixture.conversation, ConversationFixture.engine(), 1, Sleeper.REAL);
    }
}
