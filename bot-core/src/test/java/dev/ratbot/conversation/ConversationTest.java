package dev.ratbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Address;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.testing.ConversationFixture;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private final ConversationFixture fixture = new ConversationFixture();
    private final Conversation conversation = fixture.conversation;
    private final Address privateChat = Address.direct(Platform.TELEGRAM, "42");
    private final Address group = Address.group(Platform.TELEGRAM, "-100");

    private Reply say(Address where, String text) {
        return conversation.handle(new Incoming(where, "user-1", text, Rights.OWNER)).orElseThrow();
    }

    @Test
    void aQuestionGetsThePassageWithSectionAttributionFollowUpsAndFeedback() {
        Reply reply = say(privateChat, "How do I hold my rat properly?");
        assertEquals(Reply.Kind.ANSWER, reply.kind());
        assertTrue(reply.plainText().contains("Support them from underneath"), reply.plainText());
        assertTrue(reply.title().isPresent());
        assertTrue(reply.attribution().orElseThrow().author().contains("Joshua Paulson"));
        assertEquals(
                List.of("/topic ", "/topic ", "/topic "),
                reply.choices().stream().map(c -> c.data().substring(0, 7)).toList(),
                "three related topics");
        assertTrue(reply.feedbackKey().isPresent());
    }

    @Test
    void followUpChoicesOpenTheirSections() {
        Reply answer = say(privateChat, "/ask what treats are safe?");
        Choice first = answer.choices().get(0);
        Reply topic = say(privateChat, first.data());
        assertEquals(Reply.Kind.ANSWER, topic.kind());
        assertEquals(first.label(), topic.title().orElseThrow());
    }

    @Test
    void feedbackIsRecordedAgainstTheAnswer() {
        Reply answer = say(privateChat, "Why does my rat chirp?");
        String key = answer.feedbackKey().orElseThrow();
        Reply thanks = say(privateChat, "/feedback " + key + " down");
        assertEquals(Reply.Kind.INFO, thanks.kind());
        assertEquals(
                java.util.Optional.of(false), fixture.answerLog.entry(key).orElseThrow().helpful());
        assertEquals(
                "Why does my rat chirp?", fixture.answerLog.entry(key).orElseThrow().question());
    }

    @Test
    void questionsTheGuideDoesNotCoverAreDeclinedAndLogged() {
        Reply reply = say(privateChat, "What is the boiling point of water?");
        assertEquals(Reply.Kind.NOT_FOUND, reply.kind());
        assertTrue(reply.plainText().contains("couldn't find"));
        assertTrue(reply.feedbackKey().isEmpty());
    }

    @Test
    void topicsListEverySectionAsChoicesThatFitButtonData() {
        Reply topics = say(privateChat, "/topics");
        assertEquals(Reply.Kind.TOPICS, topics.kind());
        assertEquals(ConversationFixture.engine().topics().size(), topics.choices().size());
    }

    @Test
    void tipComesFromThePack() {
        Reply tip = say(privateChat, "/tip");
        assertEquals(Reply.Kind.TIP, tip.kind());
        assertTrue(tip.plainText().length() > 20);
    }

    @Test
    void subscribeUsesDefaultsThenUpdatesWithoutDuplicating() {
        Reply first = say(privateChat, "/subscribe");
        assertEquals(Reply.Kind.SETTINGS, first.kind());
        Subscription s = fixture.subscriptions.find(privateChat).orElseThrow();
        assertEquals(LocalTime.of(9, 0), s.localTime());
        assertEquals(ZoneId.of("UTC"), s.zone());
        assertFalse(first.choices().isEmpty(), "offers times as buttons");

        say(privateChat, "/subscribe 07:30 Europe/London");
        Subscription updated = fixture.subscriptions.find(privateChat).orElseThrow();
        assertEquals(s.id(), updated.id());
        assertEquals(LocalTime.of(7, 30), updated.localTime());
        assertEquals(ZoneId.of("Europe/London"), updated.zone());
    }

    @Test
    void zonesWithSpacesAndTimesAfterZones() {
        say(privateChat, "/subscribe new york 7am");
        Subscription s = fixture.subscriptions.find(privateChat).orElseThrow();
        assertEquals(ZoneId.of("America/New_York"), s.zone());
        assertEquals(LocalTime.of(7, 0), s.localTime());
    }

    @Test
    void settingsShowTheNextDeliveryInLocalTime() {
        fixture.clock.set(java.time.Instant.parse("2026-06-01T08:00:00Z"));
        say(privateChat, "/subscribe 10:00 Tokyo");
        Reply settings = say(privateChat, "/settings");
        // 08:00 UTC is 17:00 in Tokyo, so the next 10:00 there is on the next day.
        assertTrue(settings.plainText().contains("Tuesday 2 June at 10:00"), settings.plainText());
        assertTrue(settings.plainText().contains("Asia/Tokyo"));
    }

    @Test
    void pauseResumeAndUnsubscribe() {
        say(privateChat, "/subscribe 08:00");
        say(privateChat, "/pause");
        assertEquals(
                SubscriptionStatus.PAUSED,
                fixture.subscriptions.find(privateChat).orElseThrow().status());
        say(privateChat, "/resume");
        assertEquals(
                SubscriptionStatus.ACTIVE,
                fixture.subscriptions.find(privateChat).orElseThrow().status());
        Reply bye = say(privateChat, "/unsubscribe");
        assertTrue(bye.plainText().contains("no more daily tips"));
        assertEquals(
                SubscriptionStatus.STOPPED,
                fixture.subscriptions.find(privateChat).orElseThrow().status());
    }

    @Test
    void settingsSayWhyTheBotPausedTheTipsWhenItTriesAgainAndThatAnAdministratorCanResume() {
        fixture.clock.set(java.time.Instant.parse("2026-06-01T08:00:00Z"));
        say(group, "/subscribe 10:00 UTC");
        fixture.subscriptions.pause(group, PauseReason.cannotPost("the topic is closed"));
        Reply settings = say(group, "/settings");
        assertEquals(
                String.join(
                        "\n\n",
                        "Daily tip at 10:00 (UTC).",
                        "Paused by the bot: the topic is closed.",
                        "I'll try again on Monday 1 June at 10:00; if it goes through, the tips carry on by themselves."
                                + " An administrator can send /resume to resume now."),
                settings.plainText());
        Reply member =
                conversation
                        .handle(new Incoming(group, "user-2", "/resume", () -> false))
                        .orElseThrow();
        assertEquals(Reply.Kind.ERROR, member.kind());
        assertEquals(
                SubscriptionStatus.PAUSED,
                fixture.subscriptions.find(group).orElseThrow().status());
        say(group, "/resume");
        Subscription resumed = fixture.subscriptions.find(group).orElseThrow();
        assertEquals(SubscriptionStatus.ACTIVE, resumed.status());
        assertEquals(java.util.Optional.empty(), resumed.pauseReason());
    }

    @Test
    void settingsInAPrivateChatPausedUntilTheBotIsBackSayHowToStartAgain() {
        say(privateChat, "/subscribe 08:00 UTC");
        fixture.subscriptions.pause(privateChat, PauseReason.away("you blocked the bot"));
        assertEquals(
                String.join(
                        "\n\n",
                        "Daily tip at 08:00 (UTC).",
                        "Paused by the bot: you blocked the bot.",
                        "Send /resume to start the tips again."),
                say(privateChat, "/settings").plainText());
    }

    @Test
    void garbageTimesAndZonesAreRefusedWithAHint() {
        Reply badZone = say(privateChat, "/subscribe 08:00 Atlantis/Nowhere");
        assertEquals(Reply.Kind.ERROR, badZone.kind());
        assertTrue(badZone.plainText().contains("Europe/London"));
        Reply badTime = say(privateChat, "/subscribe 25:99");
        assertEquals(Reply.Kind.ERROR, badTime.kind());
        assertTrue(fixture.subscriptions.find(privateChat).isEmpty());
    }

    @Test
    void inAGroupOnlyAdministratorsChangeTheSubscriptionAndOthersCostNoCheck() {
        AtomicInteger checks = new AtomicInteger();
        Rights notAdmin =
                () -> {
                    checks.incrementAndGet();
                    return false;
                };
        Reply refused =
                conversation
                        .handle(new Incoming(group, "member", "/subscribe 08:00", notAdmin))
                        .orElseThrow();
        assertEquals(Reply.Kind.ERROR, refused.kind());
        assertTrue(fixture.subscriptions.find(group).isEmpty());
        conversation.handle(new Incoming(group, "member", "how do I hold my rat", notAdmin));
        assertEquals(1, checks.get(), "questions never ask for rights");

        conversation.handle(new Incoming(group, "admin", "/subscribe 08:00", () -> true));
        assertTrue(fixture.subscriptions.find(group).isPresent());
    }

    @Test
    void hostileInputGetsAFriendlyReplyNeverAnException() {
        String[] inputs = {
            "",
            "   ",
            "\u0000\u0007\u001b[31m",
            "🐀🐀🐀",
            "крыса кусается",
            "<b>hi</b> & <script>",
            "*_`[]()~>#+-=|{}.!",
            "AND ( ) * ? ~ ^ : \\ / \"",
            "@everyone",
            "/",
            "/ask",
            "/subscribe 08:00 " + "x".repeat(10_000),
            "x".repeat(100_000)
        };
        for (String input : inputs) {
            java.util.Optional<Reply> reply =
                    conversation.handle(new Incoming(privateChat, "user-1", input, Rights.OWNER));
            assertFalse(
                    reply.filter(
                                    r ->
                                            r.kind() == Reply.Kind.ERROR
                                                    && r.plainText().contains("went wrong"))
                            .isPresent(),
                    input);
        }
        assertEquals(
                java.util.Optional.empty(),
                conversation.handle(new Incoming(privateChat, "user-1", "", Rights.OWNER)),
                "nothing typed needs no reply");
    }

    @Test
    void anOperatorsDefaultTimeAndZoneApplyToNewSubscriptions() {
        Conversation local =
                new Conversation(
                        ConversationFixture.engine(),
                        a -> java.util.Optional.empty(),
                        fixture.subscriptions,
                        fixture.answerLog,
                        fixture.clock,
                        new dev.ratbot.subscription.SubscriptionDefaults(
                                LocalTime.of(8, 15), ZoneId.of("Europe/Berlin")));
        Reply none =
                local.handle(new Incoming(privateChat, "u", "/settings", Rights.OWNER))
                        .orElseThrow();
        assertTrue(none.plainText().contains("08:15 Europe/Berlin"), none.plainText());
        local.handle(new Incoming(privateChat, "u", "/subscribe", Rights.OWNER));
        Subscription s = fixture.subscriptions.find(privateChat).orElseThrow();
        assertEquals(LocalTime.of(8, 15), s.localTime());
        assertEquals(ZoneId.of("Europe/Berlin"), s.zone());
    }
}
