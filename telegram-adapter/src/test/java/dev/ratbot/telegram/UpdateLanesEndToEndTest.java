package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.delivery.Pacer;
import dev.ratbot.inbox.JdbcUpdateInbox;
import dev.ratbot.inbox.UpdateInbox;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates are recorded in the inbox before they are confirmed, handled once, and one chat's in
 * order while chats run in parallel: against the fake Bot API, with the inbox on a real SQLite
 * file.
 */
class UpdateLanesEndToEndTest {

    private static final String TOKEN = TelegramMessageSenderTest.TOKEN;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = "telegram:" + FakeBotApi.BOT_ID;

    @TempDir Path dir;
    private FakeBotApi api;
    private Database db;
    private UpdateInbox inbox;
    private ConversationFixture fixture;
    private final List<TelegramAdapter> adapters = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        api = new FakeBotApi(TOKEN);
        db = TestDatabases.sqlite(dir);
        inbox = new JdbcUpdateInbox(db, Clock.systemUTC());
        fixture = new ConversationFixture();
    }

    @AfterEach
    void close() {
        adapters.forEach(TelegramAdapter::close);
        api.close();
        db.close();
        assertEquals(List.of(), api.rejections());
    }

    private TelegramAdapter adapter(TelegramSettings settings, String instance) {
        TelegramAdapter adapter =
                TelegramAdapter.builder(
                                settings, fixture.conversation, ConversationFixture.engine())
                        .inbox(inbox)
                        .pacer(Pacer.unpaced(Clock.systemUTC()))
                        .floodPerMinute(0)
                        .instance(instance)
                        .build();
        adapters.add(adapter);
        return adapter;
    }

    @Test
    void aChatsCommandsSentTogetherEndInTheLastOnesStateAndAreAnsweredInOrder() {
        adapter(TelegramSettings.longPolling(TOKEN, api.url()), "a").start();
        List<String> burst =
                List.of(
                        "/subscribe 08:00 UTC",
                        "/subscribe 07:00 UTC",
                        "/unsubscribe",
                        "/subscribe 06:00 UTC",
                        "/settings");
        int chats = 40;
        for (String text : burst) {
            for (int c = 1; c <= chats; c++) api.enqueue(Updates.privateText(c, text));
        }
        api.awaitCount("sendMessage", chats * burst.size(), WAIT);
        Map<String, List<String>> replies =
                api.calls("sendMessage").stream()
                        .collect(
                                Collectors.groupingBy(
                                        call -> call.text("chat_id"),
                                        Collectors.mapping(
                                                call -> visible(call.text("text")),
                                                Collectors.toList())));
        for (int c = 1; c <= chats; c++) {
            Subscription s =
                    fixture.subscriptions
                            .find(Address.direct(Platform.TELEGRAM, Integer.toString(c)))
                            .orElseThrow();
            assertEquals(SubscriptionStatus.ACTIVE, s.status(), "chat " + c);
            assertEquals(LocalTime.of(6, 0), s.localTime(), "chat " + c);
            List<String> inOrder = replies.get(Integer.toString(c));
            assertEquals(5, inOrder.size());
            assertTrue(
                    inOrder.get(0).contains("08:00")
                            && inOrder.get(1).contains("07:00")
                            && inOrder.get(2).contains("no more daily tips")
                            && inOrder.get(3).contains("06:00")
                            && inOrder.get(4).startsWith("Daily tip at 06:00"),
                    "chat " + c + ": " + inOrder);
        }
    }

    @Test
    void aWebhookUpdateDeliveredTwiceIsAnswered200BothTimesAndHandledOnce() throws Exception {
        TelegramAdapter adapter =
                adapter(
                        TelegramSettings.webhook(
                                TOKEN,
                                api.url(),
                                URI.create("https://bot.example.org/hook"),
                                "wh_secret"),
                        "a");
        adapter.start();
        WebhookReceiver endpoint = adapter.webhook().orElseThrow();
        ObjectNode update = Updates.privateText(51, "/help");
        update.put("update_id", 900);
        assertEquals(WebhookReceiver.Outcome.TAKEN, endpoint.take(JSON.writeValueAsBytes(update)));
        api.await("sendMessage", WAIT);
        assertEquals(WebhookReceiver.Outcome.TAKEN, endpoint.take(JSON.writeValueAsBytes(update)));
        ObjectNode next = Updates.privateText(51, "/settings");
        next.put("update_id", 901);
        assertEquals(WebhookReceiver.Outcome.TAKEN, endpoint.take(JSON.writeValueAsBytes(next)));
        api.awaitCount("sendMessage", 2, WAIT);
        Thread.sleep(200);
        assertEquals(2, api.calls("sendMessage").size(), "the duplicate was not answered again");
    }

    @Test
    void updatesAnEarlierInstanceRecordedButNeverTookAreHandledAtStartAndTakenOnesNever()
            throws Exception {
        ObjectNode untaken = Updates.privateText(61, "/help");
        untaken.put("update_id", 70);
        ObjectNode taken = Updates.privateText(62, "/help");
        taken.put("update_id", 71);
        inbox.accept(
                STREAM,
                List.of(
                        new UpdateInbox.Arrival(70, "chat:61", JSON.writeValueAsString(untaken)),
                        new UpdateInbox.Arrival(71, "chat:62", JSON.writeValueAsString(taken))));
        assertTrue(inbox.take(STREAM, 71, "the earlier instance"));
        adapter(TelegramSettings.longPolling(TOKEN, api.url()), "b").start();
        api.await("sendMessage", c -> "61".equals(c.text("chat_id")), WAIT);
        // Telegram delivers both again (they were never confirmed): neither is answered a second
        // time.
        api.redeliver(untaken);
        api.redeliver(taken);
        api.enqueue(Updates.privateText(63, "/help"));
        api.await("sendMessage", c -> "63".equals(c.text("chat_id")), WAIT);
        Thread.sleep(200);
        assertEquals(
                List.of("61", "63"),
                api.calls("sendMessage").stream().map(c -> c.text("chat_id")).toList());
    }

    @Test
    void aHandOverBetweenTwoInstancesUnderASteadyStreamLosesNoneAndRepeatsNone() throws Exception {
        TelegramAdapter first = adapter(TelegramSettings.longPolling(TOKEN, api.url()), "first");
        TelegramAdapter second = adapter(TelegramSettings.longPolling(TOKEN, api.url()), "second");
        first.start();
        int total = 300;
        Thread feeder =
                Thread.ofVirtual()
                        .start(
                                () -> {
                                    for (int i = 1; i <= total; i++) {
                                        api.enqueue(Updates.privateText(1000 + i, "/help"));
                                        sleep(3);
                                    }
                                });
        api.awaitCount("sendMessage", 60, WAIT);
        first.stop(); // the leader loses its lock...
        second.start(); // ...and the other instance takes over polling
        api.awaitCount("sendMessage", 150, WAIT);
        second.stop();
        first.start(); // and back again
        feeder.join();
        api.awaitCount("sendMessage", total, WAIT);
        Thread.sleep(300);
        Map<String, Long> perChat =
                api.calls("sendMessage").stream()
                        .collect(
                                Collectors.groupingBy(
                                        c -> c.text("chat_id"), Collectors.counting()));
        assertEquals(total, perChat.size(), "every update answered");
        assertEquals(
                Map.of(1L, (long) total),
                perChat.values().stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())),
                "each exactly once");
    }

    @Test
    void updatesOlderThanTwoDaysAreForgottenAtStartAndNotAnswered() throws Exception {
        ObjectNode stale = Updates.privateText(81, "/help");
        stale.put("update_id", 5);
        inbox.accept(
                STREAM,
                List.of(new UpdateInbox.Arrival(5, "chat:81", JSON.writeValueAsString(stale))));
        Clock threeDaysLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(3));
        TelegramAdapter adapter =
                TelegramAdapter.builder(
                                TelegramSettings.longPolling(TOKEN, api.url()),
                                fixture.conversation,
                                ConversationFixture.engine())
                        .inbox(inbox)
                        .clock(threeDaysLater)
                        .pacer(Pacer.unpaced(Clock.systemUTC()))
                        .floodPerMinute(0)
                        .build();
        adapters.add(adapter);
        adapter.start();
        assertEquals(List.of(), inbox.untaken(STREAM, 10));
        api.enqueue(Updates.privateText(82, "/help"));
        api.await("sendMessage", WAIT);
        assertEquals(
                List.of("82"),
                api.calls("sendMessage").stream().map(c -> c.text("chat_id")).toList());
    }

    @Test
    void withTheStoreDownQuestionsAreStillAnsweredOnceEach() {
        db.close(); // every inbox read and write now fails
        adapter(TelegramSettings.longPolling(TOKEN, api.url()), "a").start();
        for (int c = 1; c <= 5; c++) api.enqueue(Updates.privateText(700 + c, "/help"));
        api.awaitCount("sendMessage", 5, WAIT);
        assertEquals(
                List.of("701", "702", "703", "704", "705"),
                api.calls("sendMessage").stream().map(c -> c.text("chat_id")).sorted().toList());
    }

    private static String visible(String html) {
        try {
            return TelegramHtmlChecker.visibleText(html);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
