package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.delivery.Pacer;
import dev.ratbot.inbox.JdbcUpdateInbox;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ordering burst, a thousand times at once (issue 14): a thousand private chats each send the
 * same five commands together, all 5,000 updates waiting for {@code getUpdates} before the first
 * poll. Every chat must be answered in the order of its commands and end in the state of its last
 * command. Commands sent together used to end in the wrong state and be answered out of order; now
 * the adapter hands the core one chat's updates in order and one at a time (a lane per chat), chats
 * in parallel. A single burst can come out right by luck; a thousand bursts handled in parallel
 * leave an ordering fault no place to hide.
 *
 * <p>Half the chats send their burst the way a fast typist does, five updates next to each other,
 * so one {@code getUpdates} batch holds the whole burst; the other half interleave with every other
 * chat, so each of their commands comes in a different batch and a later batch must not overtake an
 * earlier one. Against the fake Bot API with the real telegrambots client, the inbox on a real
 * SQLite file, and no pacing or flood limit (they would slow the test, not change the order).
 */
class OrderingBurstEndToEndTest {

    private static final String TOKEN = TelegramMessageSenderTest.TOKEN;

    /** The 5,000 replies take about ten seconds on two cores; the rest is room. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final int CHATS = 1000;
    private static final long FIRST_CHAT = 200_001;

    /** Every reply differs, so the order of the texts is the order of the commands handled. */
    private static final List<String> BURST =
            List.of(
                    "/subscribe 08:00 UTC",
                    "/subscribe 07:00 UTC",
                    "/unsubscribe",
                    "/settings",
                    "/subscribe 06:00 UTC");

    private static final List<String> REPLIES =
            List.of(
                    "Subscribed! You'll get a bonding tip every day at 08:00 (UTC).\n\n"
                            + "Next tip: Monday 1 June at 08:00.\n\n"
                            + "To change the time or zone: /subscribe 08:00 Europe/London.",
                    "Updated: you'll get a bonding tip every day at 07:00 (UTC).\n\n"
                            + "Next tip: Tuesday 2 June at 07:00.\n\n"
                            + "To change the time or zone: /subscribe 08:00 Europe/London.",
                    "Done: no more daily tips here. /subscribe brings them back any time.",
                    "The daily tip here is stopped (unsubscribed). /subscribe starts it again.",
                    "Subscribed! You'll get a bonding tip every day at 06:00 (UTC).\n\n"
                            + "Next tip: Tuesday 2 June at 06:00.\n\n"
                            + "To change the time or zone: /subscribe 08:00 Europe/London.");

    @TempDir Path dir;
    private FakeBotApi api;
    private Database db;
    private ConversationFixture fixture;
    private TelegramAdapter adapter;

    @BeforeEach
    void open() throws Exception {
        api = new FakeBotApi(TOKEN);
        db = TestDatabases.sqlite(dir);
        fixture = new ConversationFixture();
        adapter =
                TelegramAdapter.builder(
                                TelegramSettings.longPolling(TOKEN, api.url()),
                                fixture.conversation,
                                ConversationFixture.engine())
                        .inbox(new JdbcUpdateInbox(db, Clock.systemUTC()))
                        .pacer(Pacer.unpaced(Clock.systemUTC()))
                        .floodPerMinute(0)
                        .build();
    }

    @AfterEach
    void close() {
        if (adapter != null) adapter.close();
        api.close();
        db.close();
        assertEquals(List.of(), api.rejections());
    }

    @Test
    void aThousandChatsSendingTheSameBurstAtOnceAreEachAnsweredInOrderAndEndInTheLastState() {
        // The first half: each chat's five commands next to each other.
        for (long c = FIRST_CHAT; c < FIRST_CHAT + CHATS / 2; c++) {
            for (String text : BURST) api.enqueue(Updates.privateText(c, text));
        }
        // The second half: one command of every chat, then the next command of every chat.
        for (String text : BURST) {
            for (long c = FIRST_CHAT + CHATS / 2; c < FIRST_CHAT + CHATS; c++)
                api.enqueue(Updates.privateText(c, text));
        }
        adapter.start();
        api.awaitCount("sendMessage", CHATS * BURST.size(), WAIT);

        Map<String, List<String>> replies = new HashMap<>();
        for (FakeBotApi.Call call : api.calls("sendMessage")) {
            replies.computeIfAbsent(call.text("chat_id"), chat -> new ArrayList<>())
                    .add(visible(call.text("text")));
        }
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (long c = FIRST_CHAT; c < FIRST_CHAT + CHATS; c++) {
            checked++;
            String chat = Long.toString(c);
            List<String> answered = replies.getOrDefault(chat, List.of());
            String state =
                    fixture.subscriptions
                            .find(Address.direct(Platform.TELEGRAM, chat))
                            .map(OrderingBurstEndToEndTest::state)
                            .orElse("none");
            if (!answered.equals(REPLIES) || !state.equals("ACTIVE 06:00 UTC"))
                wrong.add("chat " + chat + " ended " + state + " after " + answered);
        }
        assertEquals(CHATS, checked);
        assertEquals(
                0, wrong.size(), () -> wrong.size() + " chats wrong, the first: " + wrong.get(0));
    }

    private static String state(Subscription s) {
        return s.status() + " " + s.localTime() + " " + s.zone();
    }

    private static String visible(String html) {
        try {
            return TelegramHtmlChecker.visibleText(html);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
