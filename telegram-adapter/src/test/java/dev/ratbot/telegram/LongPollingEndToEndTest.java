package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.delivery.Pacer;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter on the real telegrambots client and long-polling application, against the fake Bot
 * API: updates go in through getUpdates, and what comes out is checked as Telegram would check it.
 * After every test, the fake must not have refused a single request.
 */
class LongPollingEndToEndTest {

    static final String TOKEN = TelegramMessageSenderTest.TOKEN;
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long USER = 4242;
    static final long GROUP = -1001234567890L;
    static final long ADMIN = 777;
    static final long MEMBER = 888;

    private FakeBotApi api;
    private ConversationFixture fixture;
    private TelegramAdapter adapter;
    private final List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * The pacer's time: replies wait for their turn on it, and waiting advances it instead of
     * sleeping.
     */
    private final MutableClock paceClock = MutableClock.at("2026-06-01T08:00:00Z");

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TOKEN);
        fixture = new ConversationFixture();
        // One chat at a time (one chat's updates are always handled in order; the tests that look
        // for "nothing was
        // sent" send everything to one chat); flood control off.
        adapter =
                TelegramAdapter.builder(
                                TelegramSettings.longPolling(TOKEN, api.url()),
                                fixture.conversation,
                                ConversationFixture.engine())
                        .parallelChats(1)
                        .subscriptions(fixture.subscriptions)
                        .clock(paceClock)
                        .pacer(
                                new Pacer(
                                        Map.of(Platform.TELEGRAM, TelegramMessageSender.LIMITS),
                                        paceClock))
                        .sleeper(
                                d -> {
                                    waits.add(d);
                                    paceClock.advance(d);
                                })
                        .floodPerMinute(0)
                        .build();
        adapter.start();
    }

    @AfterEach
    void stop() {
        adapter.close();
        api.close();
        assertEquals(List.of(), api.rejections(), "Telegram would have refused these requests");
    }

    @Test
    void startsLikeABotShould() {
        assertTrue(adapter.isRunning());
        assertEquals(Optional.of(FakeBotApi.BOT_USERNAME), adapter.botUsername());
        api.await("getMe", WAIT);
        api.await("deleteWebhook", WAIT);
        FakeBotApi.Call commands = api.await("setMyCommands", WAIT);
        List<String> names = new ArrayList<>();
        commands.params().get("commands").forEach(c -> names.add(c.get("command").asText()));
        assertEquals(
                List.of(
                        "start",
                        "help",
                        "ask",
                        "tip",
                        "topics",
                        "subscribe",
                        "unsubscribe",
                        "pause",
                        "resume",
                        "settings"),
                names);
        List<String> undescribed = new ArrayList<>();
        commands.params()
                .get("commands")
                .forEach(
                        c -> {
                            if (c.get("description").asText().isBlank())
                                undescribed.add(c.get("command").asText());
                        });
        assertEquals(List.of(), undescribed, "commands without a description");
        FakeBotApi.Call poll = api.await("getUpdates", WAIT);
        List<String> allowed = new ArrayList<>();
        poll.params().get("allowed_updates").forEach(a -> allowed.add(a.asText()));
        assertEquals(TelegramAdapter.ALLOWED_UPDATES, allowed);
    }

    @Test
    void aPrivateQuestionGetsTheGuidesAnswerWithTopicsAndFeedbackButtons() throws Exception {
        api.enqueue(Updates.privateText(USER, "How do I pick up my rat safely?"));
        FakeBotApi.Call sent =
                api.await("sendMessage", c -> Long.toString(USER).equals(c.text("chat_id")), WAIT);
        assertEquals("HTML", sent.text("parse_mode"));
        String html = sent.text("text");
        assertTrue(html.startsWith("<b>"), html);
        String visible = TelegramHtmlChecker.visibleText(html);
        assertTrue(visible.contains("Joshua Paulson"), "the attribution is shown: " + visible);
        List<String> data = callbackData(sent);
        assertTrue(data.stream().anyMatch(d -> d.startsWith("/topic ")), data.toString());
        assertTrue(data.stream().anyMatch(d -> d.matches("/feedback \\S+ up")), data.toString());
        assertTrue(data.stream().filter(d -> d.startsWith("/topic ")).count() <= 3);
        assertFalse(
                sent.params().has("reply_parameters"),
                "private answers need not quote the question");
    }

    @Test
    void tappingATopicAnswersWithThatSection() throws Exception {
        SectionRef section =
                ConversationFixture.engine().topics().stream()
                        .filter(t -> ConversationFixture.engine().section(t.id()).isPresent())
                        .findFirst()
                        .orElseThrow();
        ObjectNode tap = Updates.buttonTap(USER, "private", USER, "/topic " + section.id());
        api.enqueue(tap);
        api.await(
                "answerCallbackQuery",
                c -> Updates.callbackId(tap).equals(c.text("callback_query_id")),
                WAIT);
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        assertTrue(
                TelegramHtmlChecker.visibleText(sent.text("text")).startsWith(section.title()),
                sent.text("text"));
    }

    @Test
    void feedbackIsRecordedAndAcknowledgedWithoutANewMessage() throws Exception {
        api.enqueue(Updates.privateText(USER, "How do I pick up my rat safely?"));
        FakeBotApi.Call answer = api.await("sendMessage", WAIT);
        String down =
                callbackData(answer).stream()
                        .filter(d -> d.endsWith(" down"))
                        .findFirst()
                        .orElseThrow();
        String key = down.split(" ")[1];
        ObjectNode tap = Updates.buttonTap(USER, "private", USER, down);
        api.enqueue(tap);
        FakeBotApi.Call ack =
                api.await(
                        "answerCallbackQuery",
                        c -> Updates.callbackId(tap).equals(c.text("callback_query_id")),
                        WAIT);
        assertTrue(
                ack.text("text") != null && ack.text("text").startsWith("Thanks"),
                String.valueOf(ack.text("text")));
        assertEquals(Optional.of(false), fixture.answerLog.entry(key).orElseThrow().helpful());
        assertEquals(1, api.calls("sendMessage").size(), "a rating sends no message to the chat");
    }

    @Test
    void aStaleOrForeignButtonIsStillAcknowledged() {
        ObjectNode tap = Updates.buttonTap(USER, "private", USER, "/topic no-such-section");
        api.enqueue(tap);
        api.await(
                "answerCallbackQuery",
                c -> Updates.callbackId(tap).equals(c.text("callback_query_id")),
                WAIT);
        api.await("sendMessage", WAIT); // the conversation says the topic is gone
    }

    @Test
    void topicsComeAsAKeyboard() {
        api.enqueue(Updates.privateText(USER, "/topics"));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        List<String> data = callbackData(sent);
        assertEquals(ConversationFixture.engine().topics().size(), data.size());
        assertTrue(data.stream().allMatch(d -> d.startsWith("/topic ")));
    }

    @Test
    void subscribeWithoutArgumentsOffersTimesAndExplainsZones() throws Exception {
        api.enqueue(Updates.privateText(USER, "/subscribe"));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        assertTrue(TelegramHtmlChecker.visibleText(sent.text("text")).contains("zone"));
        List<String> data = callbackData(sent);
        assertTrue(
                data.size() >= 3
                        && data.stream()
                                .allMatch(
                                        d -> d.startsWith("/subscribe ") || d.equals("/location")),
                data.toString());
        assertTrue(
                fixture.subscriptions
                        .find(Address.direct(Platform.TELEGRAM, Long.toString(USER)))
                        .isPresent());
        assertEquals(List.of(), api.calls("getChatMember"), "a private chat needs no admin check");
    }

    @Test
    void subscribeOffersTheZonesOfTheUsersLanguageAndATapSetsOne() throws Exception {
        api.enqueue(Updates.privateText(USER, "/subscribe 07:30", "de"));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        List<String> data = callbackData(sent);
        assertTrue(
                data.containsAll(
                        List.of(
                                "/subscribe 07:30 Europe/Berlin",
                                "/subscribe 07:30 Europe/Vienna",
                                "/subscribe 07:30 Europe/Zurich")),
                data.toString());
        api.enqueue(Updates.buttonTap(USER, "private", USER, "/subscribe 07:30 Europe/Vienna"));
        api.awaitCount("answerCallbackQuery", 1, WAIT);
        api.await("sendMessage", c -> c.text("text").contains("Europe/Vienna"), WAIT);
        assertEquals(
                "Europe/Vienna",
                fixture.subscriptions
                        .find(Address.direct(Platform.TELEGRAM, Long.toString(USER)))
                        .orElseThrow()
                        .zone()
                        .getId());
    }

    @Test
    void aGroupGetsZoneButtonsButNoLocationButton() {
        api.enqueue(Updates.anonymousAdminText(GROUP, "/subscribe 07:00"));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        assertTrue(
                callbackData(sent).contains("/subscribe 07:00 Europe/London"),
                callbackData(sent).toString());
        assertFalse(callbackData(sent).contains("/location"));
    }

    @Test
    void anUnknownLanguageGetsZonesAroundTheWorld() {
        api.enqueue(Updates.privateText(USER, "/subscribe", "xx"));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        assertTrue(
                callbackData(sent)
                        .containsAll(
                                List.of(
                                        "/subscribe 09:00 Europe/London",
                                        "/subscribe 09:00 America/New_York",
                                        "/subscribe 09:00 America/Los_Angeles",
                                        "/subscribe 09:00 Australia/Sydney")),
                callbackData(sent).toString());
    }

    @Test
    void aSharedLocationSetsTheZoneFromWhereTheUserIsAndTheSeaHasNone() throws Exception {
        api.enqueue(Updates.privateText(USER, "/subscribe 08:15"));
        FakeBotApi.Call offer = api.await("sendMessage", WAIT);
        assertTrue(callbackData(offer).contains("/location"), callbackData(offer).toString());
        api.enqueue(Updates.buttonTap(USER, "private", USER, "/location"));
        FakeBotApi.Call prompt =
                api.await(
                        "sendMessage", c -> c.params().path("reply_markup").has("keyboard"), WAIT);
        JsonNode button = prompt.params().get("reply_markup").get("keyboard").get(0).get(0);
        assertTrue(button.get("request_location").asBoolean(), button.toString());
        assertTrue(
                TelegramHtmlChecker.visibleText(prompt.text("text"))
                        .contains("never the location"));

        api.enqueue(Updates.location(USER, 52.5200, 13.4050));
        FakeBotApi.Call set =
                api.await(
                        "sendMessage",
                        c -> c.text("text").contains("Europe/Berlin"),
                        Duration.ofSeconds(60));
        assertTrue(
                TelegramHtmlChecker.visibleText(set.text("text")).contains("08:15 (Europe/Berlin)"),
                set.text("text"));
        assertEquals(
                "Europe/Berlin",
                fixture.subscriptions
                        .find(Address.direct(Platform.TELEGRAM, Long.toString(USER)))
                        .orElseThrow()
                        .zone()
                        .getId());

        api.enqueue(Updates.location(USER, 0.0, -140.0));
        api.await("sendMessage", c -> c.text("text").contains("couldn't find a time zone"), WAIT);
        assertEquals(
                "Europe/Berlin",
                fixture.subscriptions
                        .find(Address.direct(Platform.TELEGRAM, Long.toString(USER)))
                        .orElseThrow()
                        .zone()
                        .getId());
    }

    @Test
    void aReplyWaitsOutARateLimitAndIsDeliveredAfterIt() {
        api.failNext(
                "sendMessage",
                429,
                "Too Many Requests: retry after 2",
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("retry_after", 2));
        api.enqueue(Updates.privateText(USER, "/help"));
        api.awaitCount("sendMessage", 2, WAIT);
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void aLongRateLimitIsWaitedOutTooAndOnlyThatChatWaits() {
        api.failNext(
                "sendMessage",
                429,
                "Too Many Requests: retry after 60",
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("retry_after", 60));
        api.enqueue(Updates.privateText(USER, "/help"));
        api.enqueue(Updates.privateText(USER, "/settings"));
        api.await("sendMessage", c -> c.text("text").contains("No daily tip here yet"), WAIT);
        List<String> to = api.calls("sendMessage").stream().map(c -> c.text("chat_id")).toList();
        assertEquals(
                List.of(Long.toString(USER), Long.toString(USER), Long.toString(USER)),
                to,
                "the refused reply was sent again, then the next");
        assertEquals(Duration.ofSeconds(60), waits.get(0));
    }

    @Test
    void aRateLimitBeyondTwoMinutesIsGivenUpAndTheChatCarriesOn() {
        ObjectNode tooLong =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("retry_after", 100);
        api.failNext("sendMessage", 429, "Too Many Requests: retry after 100", tooLong);
        api.failLater("sendMessage", 0, 429, "Too Many Requests: retry after 100", tooLong);
        api.enqueue(Updates.privateText(USER, "/help"));
        api.enqueue(Updates.privateText(USER, "/settings"));
        api.await("sendMessage", c -> c.text("text").contains("No daily tip here yet"), WAIT);
        assertEquals(
                3,
                api.calls("sendMessage").size(),
                "two refused tries of /help's reply, then /settings' reply");
    }

    @Test
    void aTipOnRequestIsSentWithItsSource() throws Exception {
        api.enqueue(Updates.privateText(USER, "/tip"));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        String visible = TelegramHtmlChecker.visibleText(sent.text("text"));
        assertTrue(visible.contains("Joshua Paulson"), visible);
        assertTrue(callbackData(sent).stream().allMatch(LongPollingEndToEndTest::fitsTelegram));
    }

    static boolean fitsTelegram(String data) {
        int bytes = data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return bytes >= 1 && bytes <= 64;
    }

    @Test
    void inlineModeOffersUpToThreeArticles() throws Exception {
        ObjectNode query = Updates.inlineQuery(USER, "how do I get my rats to trust me");
        api.enqueue(query);
        FakeBotApi.Call answer = api.await("answerInlineQuery", WAIT);
        assertEquals(Updates.inlineQueryId(query), answer.text("inline_query_id"));
        JsonNode results = answer.params().get("results");
        assertTrue(results.size() >= 1 && results.size() <= 3, results.toString());
        Set<String> ids = new HashSet<>();
        for (JsonNode r : results) {
            assertEquals("article", r.get("type").asText());
            assertTrue(ids.add(r.get("id").asText()));
            assertEquals("HTML", r.get("input_message_content").get("parse_mode").asText());
            assertTrue(
                    TelegramHtmlChecker.visibleText(
                                    r.get("input_message_content").get("message_text").asText())
                            .contains("Joshua Paulson"));
        }
    }

    @Test
    void anEmptyInlineQueryOffersTodaysTipAndAButtonIntoAPrivateChat() throws Exception {
        api.enqueue(Updates.inlineQuery(USER, "   "));
        FakeBotApi.Call answer = api.await("answerInlineQuery", WAIT);
        JsonNode results = answer.params().get("results");
        assertEquals(1, results.size());
        assertEquals("Today's bonding tip", results.get(0).get("title").asText());
        assertTrue(
                TelegramHtmlChecker.visibleText(
                                results.get(0)
                                        .get("input_message_content")
                                        .get("message_text")
                                        .asText())
                        .contains("Joshua Paulson"));
        assertEquals("Chat with the bot", answer.params().get("button").get("text").asText());
        assertEquals("inline", answer.params().get("button").get("start_parameter").asText());
    }

    @Test
    void theDeepLinkStartSubscribeSubscribesAndOffersTimes() throws Exception {
        api.enqueue(Updates.privateText(USER, "/start subscribe"));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        assertTrue(
                TelegramHtmlChecker.visibleText(sent.text("text")).startsWith("Subscribed!"),
                sent.text("text"));
        assertEquals(
                SubscriptionStatus.ACTIVE,
                fixture.subscriptions
                        .find(Address.direct(Platform.TELEGRAM, Long.toString(USER)))
                        .orElseThrow()
                        .status());
    }

    @Test
    void theDeepLinkStartTopicOpensThatSectionAndAnUnknownPayloadJustWelcomes() throws Exception {
        SectionRef section =
                ConversationFixture.engine().topics().stream()
                        .filter(t -> ConversationFixture.engine().section(t.id()).isPresent())
                        .findFirst()
                        .orElseThrow();
        api.enqueue(Updates.privateText(USER, "/start topic-" + section.id()));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        assertTrue(
                TelegramHtmlChecker.visibleText(sent.text("text")).startsWith(section.title()),
                sent.text("text"));
        api.enqueue(Updates.privateText(USER, "/start from-a-poster"));
        FakeBotApi.Call welcome = api.awaitCount("sendMessage", 2, WAIT);
        api.enqueue(Updates.privateText(USER, "/start"));
        FakeBotApi.Call plain = api.awaitCount("sendMessage", 3, WAIT);
        assertEquals(plain.text("text"), welcome.text("text"));
    }

    @Test
    void groupMembersSeeTheAskingCommandsAndAdministratorsAlsoTheTipSettings() {
        api.awaitCount("setMyCommands", 3, WAIT);
        List<FakeBotApi.Call> menus = api.calls("setMyCommands");
        assertFalse(
                menus.get(0).params().has("scope"), "the default menu, which private chats get");
        assertEquals("all_group_chats", menus.get(1).params().get("scope").get("type").asText());
        assertEquals(List.of("ask", "tip", "topics", "settings", "help"), names(menus.get(1)));
        assertEquals(
                "all_chat_administrators", menus.get(2).params().get("scope").get("type").asText());
        assertEquals(
                List.of(
                        "ask",
                        "tip",
                        "topics",
                        "subscribe",
                        "settings",
                        "pause",
                        "resume",
                        "unsubscribe",
                        "help"),
                names(menus.get(2)));
    }

    private static List<String> names(FakeBotApi.Call menu) {
        List<String> names = new ArrayList<>();
        menu.params().get("commands").forEach(c -> names.add(c.get("command").asText()));
        return names;
    }

    @Test
    void editingAPrivateQuestionEditsTheAnswerInPlace() throws Exception {
        ObjectNode question = Updates.privateText(USER, "how do I pick up my rat?");
        int asked = question.path("message").path("message_id").asInt();
        api.enqueue(question);
        FakeBotApi.Call first = api.await("sendMessage", WAIT);
        api.enqueue(Updates.editedPrivateText(USER, asked, "what treats are safe for rats?"));
        FakeBotApi.Call edit = api.await("editMessageText", WAIT);
        assertEquals(Long.toString(USER), edit.text("chat_id"));
        assertEquals(firstMessageId(), edit.params().get("message_id").asInt());
        assertFalse(
                TelegramHtmlChecker.visibleText(edit.text("text"))
                        .equals(TelegramHtmlChecker.visibleText(first.text("text"))));
        assertEquals(1, api.calls("sendMessage").size(), "no second answer was sent");
        // Edited again: the same answer message is edited once more (with new feedback buttons),
        // nothing new is sent.
        api.enqueue(Updates.editedPrivateText(USER, asked, "what treats are safe for rats?"));
        api.enqueue(Updates.privateText(USER, "/settings"));
        api.await("sendMessage", c -> c.text("text").contains("No daily tip here yet"), WAIT);
        assertEquals(2, api.calls("editMessageText").size());
        assertEquals(2, api.calls("sendMessage").size());
    }

    @Test
    void anEditedQuestionTheBotNeverAnsweredGetsAnAnswerAndGroupEditsAreLeftAlone() {
        api.enqueue(Updates.editedPrivateText(USER, 999_999, "/help"));
        api.await("sendMessage", c -> Long.toString(USER).equals(c.text("chat_id")), WAIT);
        assertEquals(List.of(), api.calls("editMessageText"));
    }

    /** The message id the fake gave the bot's first message in this test. */
    private int firstMessageId() {
        return 1000;
    }

    @Test
    void inAGroupOnlyWhatIsMeantForTheBotIsAnswered() {
        List<ObjectNode> ignored =
                List.of(
                        Updates.groupText(
                                GROUP, MEMBER, "anyone else's rats sneeze in the morning?"),
                        Updates.groupText(
                                GROUP, MEMBER, "/ask@some_other_bot how do I hold my rat?"),
                        Updates.groupText(GROUP, MEMBER, "/weather"),
                        Updates.replyInGroup(
                                GROUP,
                                MEMBER,
                                "same here",
                                Updates.groupMessage(GROUP, ADMIN, "my rat bruxes")),
                        Updates.groupText(GROUP, MEMBER, "email me at someone@ratbot_test_bot.org"),
                        Updates.otherBotText(GROUP, "/help@" + FakeBotApi.BOT_USERNAME));
        ignored.forEach(api::enqueue);
        ObjectNode mention =
                Updates.groupText(
                        GROUP, MEMBER, "@" + FakeBotApi.BOT_USERNAME + " how do I pick up my rat?");
        ObjectNode reply =
                Updates.replyInGroup(
                        GROUP,
                        MEMBER,
                        "and what treats work best?",
                        Updates.botMessage(GROUP, "an earlier answer"));
        ObjectNode ask =
                Updates.groupText(
                        GROUP,
                        MEMBER,
                        "/ask@" + FakeBotApi.BOT_USERNAME + " how long does bonding take?");
        ObjectNode bare = Updates.groupText(GROUP, MEMBER, "/help");
        ObjectNode unknownForUs =
                Updates.groupText(GROUP, MEMBER, "/weather@" + FakeBotApi.BOT_USERNAME);
        List<ObjectNode> answered = List.of(mention, reply, ask, bare, unknownForUs);
        answered.forEach(api::enqueue);
        int lastId = unknownForUs.get("message").get("message_id").asInt();
        api.await(
                "sendMessage",
                c -> c.params().path("reply_parameters").path("message_id").asInt() == lastId,
                WAIT);
        List<Integer> quoted =
                api.calls("sendMessage").stream()
                        .map(c -> c.params().path("reply_parameters").path("message_id").asInt())
                        .toList();
        assertEquals(
                answered.stream().map(u -> u.get("message").get("message_id").asInt()).toList(),
                quoted,
                "exactly the messages for the bot were answered, each quoting its question");
    }

    @Test
    void aMentionAloneGetsHelp() throws Exception {
        api.enqueue(Updates.groupText(GROUP, MEMBER, "@" + FakeBotApi.BOT_USERNAME));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        assertTrue(TelegramHtmlChecker.visibleText(sent.text("text")).contains("/topics"));
    }

    @Test
    void onlyAGroupAdministratorMaySubscribeTheGroup() throws Exception {
        api.setMember(GROUP, ADMIN, "administrator");
        Address group = Address.group(Platform.TELEGRAM, Long.toString(GROUP));

        ObjectNode byMember = Updates.groupText(GROUP, MEMBER, "/subscribe 08:00 Europe/London");
        api.enqueue(byMember);
        FakeBotApi.Call refused = api.await("sendMessage", WAIT);
        assertTrue(
                TelegramHtmlChecker.visibleText(refused.text("text")).contains("administrator"),
                refused.text("text"));
        assertEquals(Optional.empty(), fixture.subscriptions.find(group));
        FakeBotApi.Call check = api.await("getChatMember", WAIT);
        assertEquals(Long.toString(GROUP), check.text("chat_id"));
        assertEquals(Long.toString(MEMBER), check.text("user_id"));

        api.enqueue(
                Updates.groupText(
                        GROUP,
                        ADMIN,
                        "/subscribe@" + FakeBotApi.BOT_USERNAME + " 08:00 Europe/London"));
        api.awaitCount("sendMessage", 2, WAIT);
        assertEquals(
                SubscriptionStatus.ACTIVE,
                fixture.subscriptions.find(group).orElseThrow().status());
        assertEquals(
                "08:00", fixture.subscriptions.find(group).orElseThrow().localTime().toString());
    }

    @Test
    void anAnonymousAdministratorMaySubscribeTheGroup() {
        api.enqueue(Updates.anonymousAdminText(GROUP, "/subscribe 21:00 Europe/Berlin"));
        api.await("sendMessage", WAIT);
        Address group = Address.group(Platform.TELEGRAM, Long.toString(GROUP));
        assertEquals(
                SubscriptionStatus.ACTIVE,
                fixture.subscriptions.find(group).orElseThrow().status());
        assertEquals(
                List.of(),
                api.calls("getChatMember"),
                "Telegram's helper account is not a member to look up");
    }

    @Test
    void aTimeButtonTappedByANonAdminChangesNothing() {
        ObjectNode tap = Updates.buttonTap(GROUP, "supergroup", MEMBER, "/subscribe 07:00 UTC");
        api.enqueue(tap);
        api.await("answerCallbackQuery", WAIT);
        api.await("sendMessage", WAIT);
        assertEquals(
                Optional.empty(),
                fixture.subscriptions.find(Address.group(Platform.TELEGRAM, Long.toString(GROUP))));
    }

    @Test
    void questionsAskedWithoutAGroupAdminCheck() {
        api.enqueue(Updates.groupText(GROUP, MEMBER, "/ask how do I hold my rat?"));
        api.await("sendMessage", WAIT);
        assertEquals(
                List.of(),
                api.calls("getChatMember"),
                "rights are asked for only when settings change");
    }

    @Test
    void aForumTopicIsAnsweredInItsThread() {
        api.enqueue(Updates.topicText(GROUP, 77, MEMBER, "/help"));
        FakeBotApi.Call sent = api.await("sendMessage", WAIT);
        assertEquals(77, sent.params().get("message_thread_id").asInt());
    }

    @Test
    void hostileTextNeverMakesTelegramRefuseAReply() {
        List<String> hostile =
                List.of(
                        "<b>",
                        "&",
                        "y".repeat(100_000),
                        "&amp; &lt;",
                        "<script>alert('x')</script>",
                        "a".repeat(5000),
                        "\uD83D\uDC00\uD83D\uDC00 how do rats \u2764\uFE0F\u200D\uD83D\uDD25 cuddle?",
                        "@everyone @here",
                        "</i></b>",
                        "\u0000\u0007 control \u202E reversed",
                        "*bold* _it_ `code` [link](http://x)",
                        "title:(rat AND \"treat\"~2)^3",
                        "<a href=\"javascript:alert(1)\">x</a>",
                        "/ask <b>how</b> & why?",
                        "/subscribe <i>08:00</i> &Europe/London");
        for (String text : hostile) api.enqueue(Updates.privateText(USER, text));
        api.enqueue(Updates.privateText(USER, "/settings"));
        api.await("sendMessage", c -> c.text("text").contains("No daily tip here yet"), WAIT);
        assertEquals(
                hostile.size() + 1,
                api.calls("sendMessage").size(),
                "every hostile message got a reply");
        // assertEquals on rejections runs in stop()
    }

    @Test
    void closingStopsPolling() throws Exception {
        api.await("getUpdates", WAIT);
        adapter.close();
        assertFalse(adapter.isRunning());
        int polls = api.calls("getUpdates").size();
        Thread.sleep(
                700); // longer than two held polls; observing that nothing happens needs some time
        assertTrue(
                api.calls("getUpdates").size() <= polls + 1, "at most the poll in flight at close");
    }

    static List<String> callbackData(FakeBotApi.Call sent) {
        List<String> data = new ArrayList<>();
        sent.params()
                .path("reply_markup")
                .path("inline_keyboard")
                .forEach(row -> row.forEach(b -> data.add(b.get("callback_data").asText())));
        return data;
    }
}
