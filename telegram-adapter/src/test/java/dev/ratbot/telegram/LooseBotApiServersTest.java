package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that speak the Bot API less strictly than Telegram, the way the independent emulator
 * {@code telegram-test-api} does (tried by hand with {@code scripts/try-telegram-emulator}): the
 * fake is told to answer as it did, and the bot must still start, answer, send and keep polling.
 */
class LooseBotApiServersTest {

    private static final String TOKEN = TelegramMessageSenderTest.TOKEN;
    private static final Duration WAIT = LongPollingEndToEndTest.WAIT;
    private static final long USER = 4242;
    private static final long GROUP = -1001234567890L;

    private final ConversationFixture fixture = new ConversationFixture();
    private FakeBotApi api;
    private TelegramAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TOKEN);
    }

    @AfterEach
    void stop() {
        if (adapter != null) adapter.close();
        api.close();
    }

    @Test
    void startsWhenGetMeLeavesOutFieldsTheBotDoesNotNeed() {
        // The emulator's getMe has no is_bot, which the library's User requires.
        api.alterAnswers(
                "getMe",
                answer -> {
                    ObjectNode me = (ObjectNode) answer.get("result");
                    me.remove(
                            java.util.List.of(
                                    "is_bot",
                                    "first_name",
                                    "can_join_groups",
                                    "can_read_all_group_messages",
                                    "supports_inline_queries"));
                    return answer;
                });
        adapter = polling();
        adapter.start();
        assertEquals(Optional.of(FakeBotApi.BOT_USERNAME), adapter.botUsername());
        // The identity is in use: a mention of the bot in a group is answered.
        api.enqueue(
                Updates.groupText(
                        GROUP, USER, "@" + FakeBotApi.BOT_USERNAME + " how do I hold my rat?"));
        api.await("sendMessage", c -> String.valueOf(GROUP).equals(c.text("chat_id")), WAIT);
    }

    @Test
    void aMessageEchoedInAnUnexpectedShapeCountsAsDelivered() {
        // The emulator echoes the sent message with its date in milliseconds, too big for the
        // library's Message.
        api.alterAnswers(
                "sendMessage",
                answer -> {
                    if (answer.path("ok").asBoolean())
                        ((ObjectNode) answer.get("result")).put("date", System.currentTimeMillis());
                    return answer;
                });
        adapter = polling();
        SendResult result =
                adapter.sender()
                        .send(
                                Address.direct(Platform.TELEGRAM, "5"),
                                Reply.text(Reply.Kind.TIP, "Offer a pea."));
        // Anything else would make the outbox send the same tip again.
        assertEquals(new SendResult.Delivered(), result);
        assertEquals(1, api.calls("sendMessage").size());
    }

    @Test
    void errorsOutsideTheDocumentedEnvelopeAreFailuresNotHangs() {
        api.unsupported("sendMessage");
        adapter = polling();
        SendResult result =
                adapter.sender()
                        .send(
                                Address.direct(Platform.TELEGRAM, "5"),
                                Reply.text(Reply.Kind.TIP, "Offer a pea."));
        assertInstanceOf(SendResult.Transient.class, result);
        assertTrue(result.toString().contains("not supported"), result.toString());
    }

    @Test
    void unsupportedOptionalMethodsDegradeAndPollingGoesOn() throws Exception {
        api.unsupported("setMyCommands");
        api.unsupported("getChatMember");
        api.unsupported("answerCallbackQuery");
        api.unsupported("answerInlineQuery");
        adapter = polling();
        adapter.start();
        api.await("setMyCommands", WAIT);

        // Without getChatMember nobody counts as an administrator: the group is told so, nothing
        // changes.
        api.enqueue(Updates.groupText(GROUP, USER, "/pause"));
        FakeBotApi.Call refused =
                api.await(
                        "sendMessage", c -> String.valueOf(GROUP).equals(c.text("chat_id")), WAIT);
        assertTrue(
                TelegramHtmlChecker.visibleText(refused.text("text")).contains("administrator"),
                refused.text("text"));

        // A tap that cannot be acknowledged is still answered.
        api.enqueue(Updates.buttonTap(USER, "private", USER, "/topics"));
        api.await("answerCallbackQuery", WAIT);
        api.await("sendMessage", c -> String.valueOf(USER).equals(c.text("chat_id")), WAIT);

        api.enqueue(Updates.inlineQuery(USER, "hold"));
        api.await("answerInlineQuery", WAIT);

        // And polling goes on.
        api.enqueue(Updates.privateText(USER + 1, "/help"));
        api.await("sendMessage", c -> String.valueOf(USER + 1).equals(c.text("chat_id")), WAIT);
        assertTrue(adapter.isRunning());
    }

    @Test
    void aServerThatAnswersEmptyPollsAtOnceIsNotHammered() throws Exception {
        // The emulator ignores getUpdates' timeout and answers an empty list at once.
        api.holdEmptyPolls(Duration.ZERO);
        adapter = polling();
        adapter.start();
        api.await("getUpdates", WAIT);
        int before = api.calls("getUpdates").size();
        Thread.sleep(2_000);
        int polls = api.calls("getUpdates").size() - before;
        // One poll per MIN_EMPTY_POLL (500 ms) at most, with a little slack; without the pause it
        // is thousands.
        assertTrue(
                polls <= 2_000 / PollingHttp.MIN_EMPTY_POLL.toMillis() + 2,
                polls + " polls in 2 s");
        // Updates still arrive, and stopping does not wait out a pause.
        api.enqueue(Updates.privateText(USER, "/help"));
        api.await("sendMessage", c -> String.valueOf(USER).equals(c.text("chat_id")), WAIT);
        long started = System.nanoTime();
        adapter.close();
        assertTrue(
                System.nanoTime() - started < Duration.ofSeconds(3).toNanos(),
                "close waited for a paused poll");
    }

    @Test
    void aWebhookAcceptedWithoutAResultIsAccepted() {
        // The emulator answers setWebhook with ok: true and result: null.
        api.alterAnswers(
                "setWebhook",
                answer -> answer.path("ok").asBoolean() ? answer.putNull("result") : answer);
        adapter =
                new TelegramAdapter(
                        TelegramSettings.webhook(
                                TOKEN,
                                api.url(),
                                URI.create("https://bot.example.org/hook"),
                                "wh_Secret-0123456789"),
                        fixture.conversation,
                        ConversationFixture.engine(),
                        1,
                        Sleeper.REAL);
        adapter.start();
        assertTrue(adapter.isRunning());
        assertEquals(Optional.of("https://bot.example.org/hook"), api.webhookUrl());
    }

    private TelegramAdapter polling() {
        return new TelegramAdapter(
                TelegramSettings.longPolling(TOKEN, api.url()),
                fixture.conversation,
                ConversationFixture.engine(),
                1,
                Sleeper.REAL);
    }
}
