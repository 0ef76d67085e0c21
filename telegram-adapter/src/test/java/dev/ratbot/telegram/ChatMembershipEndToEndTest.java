package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.delivery.Pacer;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * my_chat_member and the supergroup migration act on subscriptions at once, through the real
 * library and the fake.
 */
class ChatMembershipEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long GROUP = -1001234;
    private static final long USER = 4242;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private FakeBotApi api;
    private ConversationFixture fixture;
    private TelegramAdapter adapter;
    private final Address group = Address.group(Platform.TELEGRAM, Long.toString(GROUP));
    private final Address topic =
            new Address(
                    Platform.TELEGRAM,
                    Long.toString(GROUP),
                    Optional.of("7"),
                    Optional.empty(),
                    true);
    private final Address user = Address.direct(Platform.TELEGRAM, Long.toString(USER));

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TelegramMessageSenderTest.TOKEN);
        fixture = new ConversationFixture();
        adapter =
                TelegramAdapter.builder(
                                TelegramSettings.longPolling(
                                        TelegramMessageSenderTest.TOKEN, api.url()),
                                fixture.conversation,
                                ConversationFixture.engine())
                        .subscriptions(fixture.subscriptions)
                        .pacer(Pacer.unpaced(Clock.systemUTC()))
                        .parallelChats(1)
                        .build();
        adapter.start();
    }

    @AfterEach
    void stop() {
        adapter.close();
        api.close();
        assertEquals(List.of(), api.rejections());
    }

    /**
     * Sends /help in the same chat and waits for its answer: the chat's earlier updates have been
     * handled by then, since one chat's updates are handled in order. Returns how many messages
     * went to the chat before it.
     */
    private int settle(long chat) {
        int before =
                (int)
                        api.calls("sendMessage").stream()
                                .filter(c -> Long.toString(chat).equals(c.text("chat_id")))
                                .count();
        ObjectNode help =
                chat > 0
                        ? Updates.privateText(chat, "/help")
                        : Updates.groupText(chat, 888, "/help");
        int id = help.path("message").path("message_id").asInt();
        api.enqueue(help);
        api.await(
                "sendMessage",
                c ->
                        Long.toString(chat).equals(c.text("chat_id"))
                                && (chat > 0
                                        ? c.text("text").contains("/topics")
                                        : c.params()
                                                        .path("reply_parameters")
                                                        .path("message_id")
                                                        .asInt()
                                                == id),
                WAIT);
        return before;
    }

    @Test
    void removedFromAGroupPausesEveryTopicsTipAndAddedBackOffersToResumeThem() throws Exception {
        fixture.subscriptions.subscribe(group, LocalTime.of(8, 0), LONDON, "u");
        fixture.subscriptions.subscribe(topic, LocalTime.of(9, 0), LONDON, "u");
        api.enqueue(Updates.myChatMember(GROUP, "supergroup", 777, "member", "left"));
        assertEquals(0, settle(GROUP), "nothing is said to a group the bot has left");
        for (Address a : List.of(group, topic)) {
            Subscription s = fixture.subscriptions.find(a).orElseThrow();
            assertEquals(SubscriptionStatus.PAUSED, s.status());
            assertEquals(
                    Optional.of(PauseReason.away("the bot was removed from this group")),
                    s.pauseReason());
        }

        api.enqueue(Updates.myChatMember(GROUP, "supergroup", 777, "left", "member"));
        FakeBotApi.Call offer =
                api.await(
                        "sendMessage",
                        c ->
                                Long.toString(GROUP).equals(c.text("chat_id"))
                                        && c.text("text").contains("Welcome back"),
                        WAIT);
        String text = TelegramHtmlChecker.visibleText(offer.text("text"));
        assertTrue(
                text.startsWith(
                        "Welcome back! The daily tip here (08:00, Europe/London) was paused when the bot was removed from this group."),
                text);
        assertEquals(List.of("/resume"), LongPollingEndToEndTest.callbackData(offer));
        // An administrator taps Resume.
        api.setMember(GROUP, 777, "administrator");
        api.enqueue(Updates.buttonTap(GROUP, "supergroup", 777, "/resume"));
        api.await(
                "sendMessage",
                c ->
                        Long.toString(GROUP).equals(c.text("chat_id"))
                                && c.text("text").contains("Resumed"),
                WAIT);
        assertEquals(
                SubscriptionStatus.ACTIVE,
                fixture.subscriptions.find(group).orElseThrow().status());
    }

    @Test
    void aUserWhoBlocksTheBotPausesAndUnblockingOffersToResume() throws Exception {
        fixture.subscriptions.subscribe(user, LocalTime.of(7, 30), LONDON, "u");
        api.enqueue(Updates.myChatMember(USER, "private", USER, "member", "kicked"));
        assertEquals(0, settle(USER));
        assertEquals(
                Optional.of(PauseReason.away("you blocked the bot")),
                fixture.subscriptions.find(user).orElseThrow().pauseReason());
        api.enqueue(Updates.myChatMember(USER, "private", USER, "kicked", "member"));
        FakeBotApi.Call offer =
                api.await(
                        "sendMessage",
                        c ->
                                Long.toString(USER).equals(c.text("chat_id"))
                                        && c.text("text").contains("Welcome back"),
                        WAIT);
        assertTrue(
                TelegramHtmlChecker.visibleText(offer.text("text"))
                        .contains("Tap Resume or send /resume"));
        api.enqueue(Updates.privateText(USER, "/settings"));
        FakeBotApi.Call settings =
                api.await("sendMessage", c -> c.text("text").contains("Paused by the bot"), WAIT);
        assertTrue(
                TelegramHtmlChecker.visibleText(settings.text("text"))
                        .contains("you blocked the bot"));
    }

    @Test
    void aRestrictionPausesAndIsTriedDaily() {
        fixture.subscriptions.subscribe(group, LocalTime.of(8, 0), LONDON, "u");
        api.enqueue(Updates.myChatMember(GROUP, "supergroup", 777, "member", "restricted"));
        settle(GROUP);
        PauseReason reason =
                fixture.subscriptions.find(group).orElseThrow().pauseReason().orElseThrow();
        assertEquals(
                PauseReason.cannotPost("the bot may not send messages here (restricted)"), reason);
    }

    @Test
    void aGroupWithoutASubscriptionHearsNothingWhenTheBotIsAdded() {
        api.enqueue(Updates.myChatMember(GROUP, "supergroup", 777, "left", "member"));
        assertEquals(0, settle(GROUP));
    }

    @Test
    void theMigrationMessageMovesTheSubscriptionAtOnceSoSettingsFindItInTheSupergroup()
            throws Exception {
        long oldGroup = -4321;
        long superGroup = -1009876543210L;
        fixture.subscriptions.subscribe(
                Address.group(Platform.TELEGRAM, Long.toString(oldGroup)),
                LocalTime.of(8, 0),
                LONDON,
                "u");
        // Telegram sends both service messages: one in the old group, one in the new supergroup.
        api.enqueue(Updates.migratedTo(oldGroup, superGroup));
        api.enqueue(Updates.migratedFrom(superGroup, oldGroup));
        api.enqueue(Updates.groupText(superGroup, 888, "/settings"));
        FakeBotApi.Call settings =
                api.await(
                        "sendMessage",
                        c -> Long.toString(superGroup).equals(c.text("chat_id")),
                        WAIT);
        assertTrue(
                TelegramHtmlChecker.visibleText(settings.text("text"))
                        .startsWith("Daily tip at 08:00 (Europe/London)."),
                settings.text("text"));
        assertEquals(
                Optional.empty(),
                fixture.subscriptions.find(
                        Address.group(Platform.TELEGRAM, Long.toString(oldGroup))));
    }
}
