package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.knowledge.Block;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.telegram.fake.FakeBotApi;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The daily-tip port against the fake Bot API: every outcome the outbox must tell apart. */
class TelegramMessageSenderTest {

    static final String TOKEN = "7000001:AAfakeTokenForTests_only-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBotApi api;
    private TelegramMessageSender sender;
    private final Reply tip =
            Reply.of(
                            Reply.Kind.TIP,
                            List.of(new Block.Paragraph("Sit by the cage & read aloud <quietly>.")))
                    .titled("Today's tip");
    private final Address user = Address.direct(Platform.TELEGRAM, "4242");

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TOKEN);
        sender = senderFor(api.url());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static TelegramMessageSender senderFor(URI url) {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        OkHttpTelegramClient client =
                new OkHttpTelegramClient(http, TOKEN, TelegramAdapter.telegramUrl(url));
        return new TelegramMessageSender(
                new ReplyDelivery(
                        client, new ReplyRenderer(TelegramMessageSender.LIMITS.maxMessageChars())));
    }

    @Test
    void declaresTelegramsLimits() {
        assertEquals(Platform.TELEGRAM, sender.platform());
        assertEquals(4096, sender.limits().maxMessageChars());
        assertEquals(Duration.ofSeconds(1), sender.limits().perChat());
        assertEquals(20, sender.limits().perGroupPerMinute());
        assertEquals(30, sender.limits().overallPerSecond());
    }

    @Test
    void deliversAsEscapedHtmlToTheChat() {
        assertEquals(new SendResult.Delivered(), sender.send(user, tip));
        FakeBotApi.Call call = api.calls("sendMessage").get(0);
        assertEquals("4242", call.text("chat_id"));
        assertEquals("HTML", call.text("parse_mode"));
        assertEquals(
                "<b>Today's tip</b>\n\nSit by the cage &amp; read aloud &lt;quietly&gt;.",
                call.text("text"));
        assertEquals(List.of(), api.rejections());
    }

    @Test
    void sendsIntoAForumTopic() {
        Address topic =
                new Address(
                        Platform.TELEGRAM, "-1001234", Optional.of("77"), Optional.empty(), true);
        assertEquals(new SendResult.Delivered(), sender.send(topic, tip));
        assertEquals(77, api.calls("sendMessage").get(0).params().get("message_thread_id").asInt());
    }

    @Test
    void rateLimitedMeansRetryAfterTheGivenSeconds() {
        api.failNext(
                "sendMessage",
                429,
                "Too Many Requests: retry after 7",
                JSON.createObjectNode().put("retry_after", 7));
        assertEquals(new SendResult.RetryAfter(Duration.ofSeconds(7)), sender.send(user, tip));
    }

    @Test
    void blockedOrKickedIsPermanent() {
        api.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
        assertInstanceOf(SendResult.Permanent.class, sender.send(user, tip));
        api.failNext("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat");
        assertInstanceOf(
                SendResult.Permanent.class,
                sender.send(Address.group(Platform.TELEGRAM, "-100555"), tip));
    }

    @Test
    void chatNotFoundIsPermanent() {
        api.failNext("sendMessage", 400, "Bad Request: chat not found");
        SendResult result = sender.send(user, tip);
        assertInstanceOf(SendResult.Permanent.class, result);
        assertTrue(((SendResult.Permanent) result).reason().contains("chat not found"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            403 | Forbidden: bot was blocked by the user                               | Permanent
            403 | Forbidden: bot was kicked from the supergroup chat                  | Permanent
            403 | Forbidden: user is deactivated                                      | Permanent
            403 | Forbidden: bot can't initiate conversation with a user              | Permanent
            400 | Bad Request: chat not found                                         | Permanent
            400 | Bad Request: group chat was deactivated                             | Permanent
            400 | Bad Request: message thread not found                               | Permanent
            400 | Bad Request: TOPIC_CLOSED                                           | Refused
            400 | Bad Request: not enough rights to send text messages to the chat    | Refused
            403 | Forbidden: bot is not a member of the supergroup chat               | Refused
            400 | Bad Request: CHAT_WRITE_FORBIDDEN                                   | Refused
            400 | Bad Request: CHAT_RESTRICTED                                        | Refused
            400 | Bad Request: need administrator rights in the channel chat          | Refused
            400 | Bad Request: can't parse entities: something new                    | Transient
            """)
    void onlyAGoneChatEndsASubscriptionAndAChatThatRefusesForNowPausesIt(
            int code, String description, String outcome) {
        api.failNext("sendMessage", code, description);
        SendResult result = sender.send(Address.group(Platform.TELEGRAM, "-100555"), tip);
        assertEquals(outcome, result.getClass().getSimpleName(), result.toString());
    }

    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Bad Request: TOPIC_CLOSED                                         | the topic is closed
            Bad Request: not enough rights to send text messages to the chat  | the bot is not allowed to post here
            """)
    @ParameterizedTest
    void aRefusalSaysWhyInWordsAndKeepsTelegramsDescription(String description, String why) {
        api.failNext("sendMessage", 400, description);
        assertEquals(
                new SendResult.Refused(why + " (Telegram: 400 " + description + ")"),
                sender.send(user, tip));
    }

    @Test
    void aMigratedGroupMovesToItsSupergroup() {
        ObjectNode parameters = JSON.createObjectNode().put("migrate_to_chat_id", -1009876543210L);
        api.failNext(
                "sendMessage",
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                parameters);
        Address group = Address.group(Platform.TELEGRAM, "-4321");
        assertEquals(
                new SendResult.Moved(group.movedTo("-1009876543210")), sender.send(group, tip));
    }

    @Test
    void serverErrorsAreTransient() {
        api.failNext("sendMessage", 502, "Bad Gateway");
        assertInstanceOf(SendResult.Transient.class, sender.send(user, tip));
        api.failNext("sendMessage", 500, "Internal Server Error");
        assertInstanceOf(SendResult.Transient.class, sender.send(user, tip));
    }

    @Test
    void aDroppedConnectionIsTransient() {
        api.disconnectNext("sendMessage");
        assertInstanceOf(SendResult.Transient.class, sender.send(user, tip));
    }

    @Test
    void anUnreachableServerIsTransientAndNothingIsThrown() {
        URI gone = api.url();
        api.close();
        SendResult result = senderFor(gone).send(user, tip);
        assertInstanceOf(SendResult.Transient.class, result);
        assertTrue(!result.toString().contains(TOKEN), "the token never shows in a result");
    }

    @Test
    void anUnexpectedBadRequestIsTransientSoTheSubscriptionSurvivesOurMistakes() {
        api.failNext("sendMessage", 400, "Bad Request: can't parse entities: something new");
        assertInstanceOf(SendResult.Transient.class, sender.send(user, tip));
    }

    @Test
    void malformedOrForeignAddressesArePermanentWithoutACall() {
        assertInstanceOf(
                SendResult.Permanent.class,
                sender.send(Address.direct(Platform.DISCORD, "4242"), tip));
        assertInstanceOf(
                SendResult.Permanent.class,
                sender.send(Address.direct(Platform.TELEGRAM, "not-a-chat"), tip));
        assertEquals(List.of(), api.calls("sendMessage"));
    }

    @Test
    void aLongTipGoesOutInParts() {
        assertEquals(new SendResult.Delivered(), sender.send(user, longTip()));
        assertEquals(2, api.calls("sendMessage").size());
        assertEquals(List.of(), api.rejections());
    }

    @Test
    void onceTheFirstPartIsOutTheTipCountsAsDeliveredSoARetryNeverRepeatsIt() {
        api.failLater(
                "sendMessage",
                1,
                429,
                "Too Many Requests: retry after 3",
                JSON.createObjectNode().put("retry_after", 3));
        assertEquals(new SendResult.Delivered(), sender.send(user, longTip()));
    }

    @Test
    void whenTheFirstPartFailsNothingWasSent() {
        api.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
        assertInstanceOf(SendResult.Permanent.class, sender.send(user, longTip()));
        assertEquals(1, api.calls("sendMessage").size());
    }

    private static Reply longTip() {
        return Reply.of(
                Reply.Kind.TIP,
                List.of(
                        new Block.Paragraph("a".repeat(3000)),
                        new Block.Paragraph("b".repeat(3000))));
    }

    @Test
    void nothingToSendIsDeliveredWithoutACall() {
        assertEquals(
                new SendResult.Delivered(), sender.send(user, Reply.of(Reply.Kind.TIP, List.of())));
        assertEquals(List.of(), api.calls("sendMessage"));
    }
}
