package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies in a busy group, on the real clock, against a fake that answers 429 as Telegram does when
 * a chat gets more than it allows: flood control and pacing keep the bot within the limits.
 */
class RepliesUnderLoadTest {

    private static final long GROUP = -100777;
    private static final long SPAMMER = 5001;
    private static final long NEIGHBOUR = 5002;

    private FakeBotApi api;
    private TelegramAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TelegramMessageSenderTest.TOKEN);
        api.enforceRateLimits();
        ConversationFixture fixture = new ConversationFixture();
        // The defaults: Telegram's limits on the system clock, six messages a minute per user.
        adapter =
                new TelegramAdapter(
                        TelegramSettings.longPolling(TelegramMessageSenderTest.TOKEN, api.url()),
                        fixture.conversation,
                        ConversationFixture.engine());
        adapter.start();
    }

    @AfterEach
    void stop() {
        adapter.close();
        api.close();
        assertEquals(List.of(), api.rejections());
    }

    @Test
    void twoHundredQuestionsFromOneUserGetSixAnswersAndOneSlowDownWithinTelegramsLimits()
            throws Exception {
        for (int i = 0; i < 200; i++)
            api.enqueue(
                    Updates.groupText(GROUP, SPAMMER, "/ask how do I hold my rat? (" + i + ")"));
        var tip = Updates.groupText(GROUP, NEIGHBOUR, "/tip");
        int asked = tip.path("message").path("message_id").asInt();
        api.enqueue(tip);
        FakeBotApi.Call neighbour =
                api.await(
                        "sendMessage",
                        c ->
                                c.params().path("reply_parameters").path("message_id").asInt()
                                        == asked,
                        Duration.ofSeconds(60));
        Thread.sleep(4000); // anything more for the spammer would come now
        List<FakeBotApi.Call> sent = api.calls("sendMessage");
        long slowDowns =
                sent.stream()
                        .filter(
                                c ->
                                        text(c).startsWith(
                                                        "You're sending messages faster than I can answer"))
                        .count();
        assertEquals(1, slowDowns);
        assertEquals(8, sent.size(), "six answers, one slow down, the neighbour's tip");
        assertTrue(
                sent.indexOf(neighbour) == 7,
                "the neighbour is answered after the spammer's turn, not dropped");
        assertEquals(List.of(), api.rateLimited(), "no 429 from Telegram's limits");
    }

    private static String text(FakeBotApi.Call c) {
        try {
            return TelegramHtmlChecker.visibleText(c.text("text"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
