package dev.ratbot.discord;

import static dev.ratbot.discord.fake.FakeDiscord.APP_ID;
import static dev.ratbot.discord.fake.FakeDiscord.BOT_ID;
import static dev.ratbot.discord.fake.FakeDiscord.GENERAL_CHANNEL;
import static dev.ratbot.discord.fake.FakeDiscord.GUILD_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeDiscord.MODERATOR_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MODERATOR_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeDiscord.TIPS_CHANNEL;
import static dev.ratbot.discord.fake.FakeEvents.channelOption;
import static dev.ratbot.discord.fake.FakeEvents.focusedOption;
import static dev.ratbot.discord.fake.FakeEvents.stringOption;
import static dev.ratbot.discord.fake.FakeEvents.subcommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratbot.answer.Answer;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.discord.fake.FakeEvents.Actor;
import dev.ratbot.discord.fake.FakeResponse;
import dev.ratbot.discord.fake.RecordedRequest;
import dev.ratbot.message.Address;
import dev.ratbot.message.SendResult;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter end to end: the real Discord4J client logs in to the fake Discord, registers its
 * commands, receives dispatches on the gateway and answers over REST, with the real conversation
 * and answer engine behind it.
 */
class DiscordAdapterEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int EPHEMERAL = 1 << 6;

    private static FakeDiscord discord;
    private static ConversationFixture core;
    private static DiscordAdapter adapter;

    @BeforeAll
    static void start() {
        discord = new FakeDiscord();
        core = new ConversationFixture();
        DiscordSettings settings =
                DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                        .withGuildId(GUILD_ID);
        adapter =
                new DiscordAdapter(
                        settings,
                        core.conversation,
                        ConversationFixture.engine(),
                        core.subscriptions,
                        core.answerLog);
        adapter.start();
    }

    @AfterAll
    static void stop() {
        if (adapter != null) adapter.close();
        if (discord != null) discord.close();
    }

    // ------------------------------------------------------------------ login and registration

    @Test
    void logsInWithOnlyTheIntentsItNeedsAndRegistersTheCommandsOnTheServer() {
        JsonNode identify = discord.awaitIdentified(1, WAIT).get(0).identify();
        assertEquals(FakeDiscord.TOKEN, identify.path("token").asText());
        int guilds = 1, guildMessages = 1 << 9, directMessages = 1 << 12;
        assertEquals(
                guilds | guildMessages | directMessages,
                identify.path("intents").asInt(),
                "no privileged or unused intents");
        assertTrue(adapter.connected());

        RecordedRequest put =
                discord.awaitRequest(
                        "PUT",
                        "/applications/" + APP_ID + "/guilds/" + GUILD_ID + "/commands",
                        WAIT);
        Set<String> names = new HashSet<>();
        for (JsonNode c : put.json()) names.add(c.path("name").asText());
        assertEquals(
                Set.of(
                        "ask",
                        "tip",
                        "topics",
                        "help",
                        "subscribe",
                        "unsubscribe",
                        "pause",
                        "resume",
                        "settings",
                        "tips",
                        "autoanswer",
                        "Ask Ratbot"),
                names);
        JsonNode tips = command(put.json(), "tips");
        assertEquals("32", tips.path("default_member_permissions").asText(), "Manage Server only");
        assertEquals("[0]", tips.path("contexts").toString(), "servers only");
        JsonNode question = command(put.json(), "ask").path("options").get(0);
        assertTrue(question.path("autocomplete").asBoolean());
        assertTrue(question.path("required").asBoolean());
        assertTrue(
                discord.requests("PUT", "/applications/.*/commands").size() == 1,
                "one bulk overwrite, nothing global");
        assertTrue(discord.unmatched().isEmpty(), "only known routes: " + discord.unmatched());
    }

    private static JsonNode command(JsonNode commands, String name) {
        for (JsonNode c : commands) if (c.path("name").asText().equals(name)) return c;
        throw new AssertionError("no command " + name);
    }

    // ------------------------------------------------------------------ /ask

    @Test
    void askAnswersWithAnEmbedRelatedTopicButtonsAndFeedbackWithNoMentionsAllowed() {
        String q = "How do I pick up my rat?";
        Answer expected = ConversationFixture.engine().answer(q);
        assertTrue(expected.answered(), "the guide covers this question");

        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(
                        id,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "ask",
                        stringOption("question", q)));
        JsonNode body = callback(id);

        assertEquals(4, body.path("type").asInt(), "CHANNEL_MESSAGE_WITH_SOURCE");
        JsonNode data = body.path("data");
        assertEquals("[]", data.path("allowed_mentions").path("parse").toString());
        assertEquals(0, data.path("flags").asInt(0) & EPHEMERAL, "answers are public");
        JsonNode embed = data.path("embeds").get(0);
        assertEquals(expected.section().orElseThrow().title(), embed.path("title").asText());
        String firstWords =
                expected.text().split("\\s+", 6).length > 5
                        ? String.join(" ", List.of(expected.text().split("\\s+", 6)).subList(0, 5))
                        : expected.text();
        assertTrue(
                unescape(embed.path("description").asText()).contains(firstWords),
                embed.path("description").asText());
        assertTrue(embed.path("footer").path("text").asText().contains("Joshua Paulson"));

        List<String> ids = customIds(data);
        String feedback =
                ids.stream().filter(s -> s.startsWith("/feedback ")).findFirst().orElseThrow();
        assertTrue(
                ids.contains(feedback.replace(" up", " down"))
                        || ids.contains(feedback.replace(" down", " up")));
        List<String> topics = ids.stream().filter(s -> s.startsWith("/topic ")).toList();
        assertTrue(topics.size() <= 3, "at most three related topics");
        for (SectionRef related : expected.related().stream().limit(3).toList()) {
            assertTrue(topics.contains("/topic " + related.id()), "button for " + related.id());
        }
        // The core logged the question, under the key the buttons carry.
        String key = feedback.split(" ")[1];
        assertEquals(q, core.answerLog.entry(key).orElseThrow().question());
    }

    @Test
    void autocompleteOffersTheEnginesSuggestionsAtMostTwentyFive() {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.autocomplete(
                        id,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "ask",
                        focusedOption("question", "")));
        JsonNode body = callback(id);
        assertEquals(8, body.path("type").asInt(), "APPLICATION_COMMAND_AUTOCOMPLETE_RESULT");
        JsonNode choices = body.path("data").path("choices");
        List<String> expected = ConversationFixture.engine().suggest("", 25);
        assertFalse(expected.isEmpty());
        assertTrue(choices.size() <= 25);
        assertEquals(
                expected.stream()
                        .map(s -> DiscordText.cut(s.strip(), 100))
                        .distinct()
                        .limit(25)
                        .toList(),
                names(choices));
        for (JsonNode c : choices)
            assertTrue(
                    c.path("name").asText().length() <= 100 && !c.path("name").asText().isEmpty());

        long second = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.autocomplete(
                        second,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "ask",
                        focusedOption("question", "trea")));
        List<String> treats = names(callback(second).path("data").path("choices"));
        assertEquals(
                ConversationFixture.engine().suggest("trea", 25).stream()
                        .map(s -> DiscordText.cut(s.strip(), 100))
                        .distinct()
                        .toList(),
                treats);
    }

    @Test
    void zoneAutocompleteSuggestsTimeZones() {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.autocomplete(
                        id,
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        "tips",
                        subcommand(
                                "channel",
                                channelOption("channel", TIPS_CHANNEL),
                                focusedOption("zone", "lond"))));
        List<String> zones = names(callback(id).path("data").path("choices"));
        assertTrue(zones.contains("Europe/London"), zones.toString());
    }

    // ------------------------------------------------------------------ mentions and DMs

    @Test
    void aMentionIsAQuestionAndGetsAReplyThatPingsNobody() {
        long ignored = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(
                        ignored,
                        MEMBER_ID,
                        GENERAL_CHANNEL,
                        true,
                        "just chatting about rats, no bot here"));
        long id =
                mentionInGeneral(
                        "<@"
                                + BOT_ID
                                + "> @everyone <@&"
                                + FakeDiscord.MODERATOR_ROLE
                                + "> what treats can I give my rats?");

        RecordedRequest reply = awaitReplyTo(id);
        JsonNode body = reply.json();
        assertEquals("[]", body.path("allowed_mentions").path("parse").toString());
        assertFalse(body.path("message_reference").path("fail_if_not_exists").asBoolean(true));
        assertTrue(body.path("embeds").size() >= 1);
        assertFalse(
                body.toString().contains("@everyone"),
                "the question's @everyone is not echoed raw");
        for (RecordedRequest r :
                discord.requests("POST", "/channels/" + GENERAL_CHANNEL + "/messages")) {
            assertFalse(
                    r.json()
                            .path("message_reference")
                            .path("message_id")
                            .asText()
                            .equals(Long.toString(ignored)),
                    "a message without a mention gets no reply");
        }
    }

    @Test
    void aRoleOrChannelMentionInAQuestionLeavesItsAnswerAsItIs() {
        long id =
                mentionInGeneral(
                        "<@"
                                + BOT_ID
                                + "> <@&"
                                + FakeDiscord.MODERATOR_ROLE
                                + "> <#"
                                + GENERAL_CHANNEL
                                + "> how do I get my new rat to trust me");

        String shown = awaitReplyTo(id).json().toString();
        assertTrue(shown.contains("How do you get your rats to trust you?"), shown);
        assertFalse(shown.contains("closest advice"), "answered as sure, as without it: " + shown);
    }

    @Test
    void settingsCommandsInAMentionNeedManageServerFromTheMembersRoles() {
        long memberChannel = discord.nextId();
        long refused = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(
                        refused,
                        MEMBER_ID,
                        memberChannel,
                        true,
                        "<@" + BOT_ID + "> /subscribe 10:00",
                        BOT_ID));
        discord.awaitRequest("POST", "/channels/" + memberChannel + "/messages", WAIT);
        assertTrue(
                core.subscriptions
                        .find(DiscordPlaces.serverChannel(memberChannel, GUILD_ID))
                        .isEmpty(),
                "a plain member changes nothing");

        long moderatorChannel = discord.nextId();
        long allowed = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(
                        allowed,
                        MODERATOR_ID,
                        moderatorChannel,
                        true,
                        "<@!" + BOT_ID + "> /subscribe 10:00",
                        BOT_ID));
        discord.awaitRequest("POST", "/channels/" + moderatorChannel + "/messages", WAIT);
        Subscription s =
                core.subscriptions
                        .find(DiscordPlaces.serverChannel(moderatorChannel, GUILD_ID))
                        .orElseThrow();
        assertEquals(LocalTime.of(10, 0), s.localTime());
        assertTrue(
                discord.unmatched().isEmpty(),
                "permissions came from known routes or the cache: " + discord.unmatched());
    }

    @Test
    void aDirectMessageIsAQuestionWithoutMention() {
        long dm = discord.nextId();
        long id = discord.nextId();
        discord.dispatch(
                0,
                "MESSAGE_CREATE",
                FakeEvents.message(id, MEMBER_ID, dm, false, "how do I bond with a shy rat?"));
        RecordedRequest reply = discord.awaitRequest("POST", "/channels/" + dm + "/messages", WAIT);
        assertEquals(
                Long.toString(id),
                reply.json().path("message_reference").path("message_id").asText());
        assertEquals("[]", reply.json().path("allowed_mentions").path("parse").toString());
    }

    // ------------------------------------------------------------------ /tips

    @Test
    void tipsChannelByAMemberWithoutManageServerIsRefusedAndStoresNothing() {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(
                        id,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "tips",
                        subcommand(
                                "channel",
                                channelOption("channel", GENERAL_CHANNEL),
                                stringOption("time", "08:30"))));
        JsonNode data = callback(id).path("data");
        assertEquals(EPHEMERAL, data.path("flags").asInt() & EPHEMERAL, "refusals are ephemeral");
        assertTrue(data.path("content").asText().contains("Manage Server"), data.toString());
        assertTrue(
                core.subscriptions
                        .find(DiscordPlaces.serverChannel(GENERAL_CHANNEL, GUILD_ID))
                        .isEmpty(),
                "nothing stored");
    }

    @Test
    void tipsChannelByAManagerStoresTheSubscriptionAndStatusShowsWhySendingStopped() {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(
                        id,
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        "tips",
                        subcommand(
                                "channel",
                                channelOption("channel", TIPS_CHANNEL),
                                stringOption("time", "08:30"),
                                stringOption("zone", "Europe/London"))));
        JsonNode data = callback(id).path("data");
        assertEquals(EPHEMERAL, data.path("flags").asInt() & EPHEMERAL, "settings are ephemeral");
        assertTrue(data.path("content").asText().contains("08:30"), data.toString());

        Address tipsChannel = DiscordPlaces.serverChannel(TIPS_CHANNEL, GUILD_ID);
        Subscription stored = core.subscriptions.find(tipsChannel).orElseThrow();
        assertEquals(LocalTime.of(8, 30), stored.localTime());
        assertEquals(ZoneId.of("Europe/London"), stored.zone());
        assertEquals(SubscriptionStatus.ACTIVE, stored.status());
        assertEquals(Long.toString(MODERATOR_ID), stored.createdBy());
        assertEquals(
                new Address(
                        dev.ratbot.message.Platform.DISCORD,
                        Long.toString(TIPS_CHANNEL),
                        java.util.Optional.empty(),
                        java.util.Optional.of(Long.toString(GUILD_ID)),
                        true),
                stored.address());

        // The daily tip cannot be posted there; the core pauses the subscription with the sender's
        // reason ...
        discord.script(
                "POST",
                "/channels/" + TIPS_CHANNEL + "/messages",
                FakeResponse.missingPermissions());
        SendResult result =
                adapter.sender()
                        .send(
                                tipsChannel,
                                dev.ratbot.message.Reply.text(
                                        dev.ratbot.message.Reply.Kind.TIP, "A tip."));
        SendResult.Refused refused = (SendResult.Refused) result;
        core.subscriptions.pause(
                tipsChannel, dev.ratbot.subscription.PauseReason.cannotPost(refused.reason()));

        // ... and /tips status shows it to the moderators.
        long status = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(
                        status,
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        "tips",
                        subcommand("status", channelOption("channel", TIPS_CHANNEL))));
        String shown = callback(status).path("data").path("content").asText();
        assertTrue(shown.contains("Missing Permissions"), shown);
    }

    @Test
    void tipsOffWithoutAChannelStopsTheTipInTheChannelItIsUsedIn() {
        long channel = discord.nextId();
        discord.addChannel(channel, FakeDiscord.TEXT, "rats", null);
        Actor moderator = Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, channel);
        long on = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(
                        on,
                        moderator,
                        "tips",
                        subcommand("channel", channelOption("channel", channel))));
        callback(on);
        Address here = DiscordPlaces.serverChannel(channel, GUILD_ID);
        assertEquals(
                SubscriptionStatus.ACTIVE, core.subscriptions.find(here).orElseThrow().status());
        assertEquals(
                Subscription.DEFAULT_TIME, core.subscriptions.find(here).orElseThrow().localTime());

        long off = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(off, moderator, "tips", subcommand("off")));
        JsonNode data = callback(off).path("data");
        assertEquals(EPHEMERAL, data.path("flags").asInt() & EPHEMERAL);
        assertEquals(
                SubscriptionStatus.STOPPED, core.subscriptions.find(here).orElseThrow().status());
    }

    @Test
    void aHugeHostileMentionGetsASafeReplyWithinLimits() {
        StringBuilder text = new StringBuilder("<@" + BOT_ID + "> ");
        while (text.length() < 5_000) {
            text.append("@everyone @here <@&")
                    .append(FakeDiscord.MODERATOR_ROLE)
                    .append("> **bold** ||spoiler|| `code` ")
                    .append(
                            "[link](http://x) \u0000\u202e \uD83D\uDC00 \u043a\u0440\u044b\u0441\u0430 AND OR title:* ");
        }
        long id = mentionInGeneral(text.toString());
        JsonNode body = awaitReplyTo(id).json();
        assertEquals("[]", body.path("allowed_mentions").path("parse").toString());
        assertTrue(body.path("content").asText("").length() <= 2000);
        for (JsonNode e : body.path("embeds"))
            assertTrue(e.path("description").asText("").length() <= 4096);
        assertFalse(body.toString().contains("@everyone"));
    }

    // ------------------------------------------------------------------ /subscribe and buttons

    @Test
    void subscribeSubscribesTheUsersDirectMessagesAndItsTimeButtonsActThere() {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(
                        id,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "subscribe"));
        JsonNode data = callback(id).path("data");
        RecordedRequest dmRequest = discord.awaitRequest("POST", "/users/@me/channels", WAIT);
        assertEquals(Long.toString(MEMBER_ID), dmRequest.json().path("recipient_id").asText());
        Address dm = DiscordPlaces.directChannel(discord.dmChannelOf(MEMBER_ID));
        assertEquals(SubscriptionStatus.ACTIVE, core.subscriptions.find(dm).orElseThrow().status());
        assertTrue(
                core.subscriptions
                        .find(DiscordPlaces.serverChannel(GENERAL_CHANNEL, GUILD_ID))
                        .isEmpty(),
                "not the server channel");
        assertEquals(EPHEMERAL, data.path("flags").asInt() & EPHEMERAL);

        String seven =
                customIds(data).stream()
                        .filter(s -> s.startsWith("@dm|/subscribe 07:00"))
                        .findFirst()
                        .orElseThrow();
        long tap = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.buttonTap(
                        tap, Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL), seven));
        callback(tap);
        assertEquals(LocalTime.of(7, 0), core.subscriptions.find(dm).orElseThrow().localTime());
    }

    @Test
    void topicAndFeedbackButtonsGoThroughTheCore() {
        String q = "What treats are safe for rats?";
        long ask = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(
                        ask,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "ask",
                        stringOption("question", q)));
        JsonNode answer = callback(ask).path("data");
        List<String> ids = customIds(answer);

        String up =
                ids.stream()
                        .filter(s -> s.startsWith("/feedback ") && s.endsWith(" up"))
                        .findFirst()
                        .orElseThrow();
        String down = up.substring(0, up.length() - 2) + "down";
        // Two members like it; one of them changes their mind; one clicks twice. Each counts once.
        Actor max = Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL);
        Actor mia = Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL);
        JsonNode rated = rate(max, up, answer);
        assertEquals(7, rated.path("type").asInt(), "the answer's message is updated in place");
        assertEquals("1", feedbackButton(rated.path("data"), up).path("label").asText());
        rated = rate(mia, up, rated.path("data"));
        rated = rate(mia, up, rated.path("data"));
        assertEquals("2", feedbackButton(rated.path("data"), up).path("label").asText());
        rated = rate(max, down, rated.path("data"));
        assertEquals("1", feedbackButton(rated.path("data"), up).path("label").asText());
        assertEquals("1", feedbackButton(rated.path("data"), down).path("label").asText());
        assertEquals(ids, customIds(rated.path("data")), "the topic buttons stay");
        org.junit.jupiter.api.Assertions.assertFalse(
                core.answerLog.entry(up.split(" ")[1]).orElseThrow().helpful().orElseThrow(),
                "the latest rating");

        String sectionId = ConversationFixture.engine().topics().get(0).id();
        long topic = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.buttonTap(
                        topic,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "/topic " + sectionId));
        JsonNode shown = callback(topic).path("data");
        String title =
                ConversationFixture.engine()
                        .section(sectionId)
                        .orElseThrow()
                        .section()
                        .orElseThrow()
                        .title();
        assertEquals(DiscordText.escape(title), shown.path("embeds").get(0).path("title").asText());
    }

    @Test
    void topicsListStaysWithinDiscordsComponentLimits() {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(
                        id,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "topics"));
        JsonNode data = callback(id).path("data");
        assertTrue(data.path("components").size() <= 5);
        Set<String> unique = new HashSet<>(customIds(data));
        assertEquals(customIds(data).size(), unique.size(), "custom ids are unique");
        for (String customId : unique) assertTrue(customId.length() <= 100);
        for (JsonNode e : data.path("embeds"))
            assertTrue(e.path("description").asText().length() <= 4096);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Taps a rating button on a message with these components; returns the whole interaction
     * callback.
     */
    private static JsonNode rate(Actor who, String customId, JsonNode message) {
        long tap = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.buttonTap(tap, who, customId, message.path("components")));
        return callback(tap);
    }

    private static JsonNode feedbackButton(JsonNode messageData, String customId) {
        for (JsonNode row : messageData.path("components")) {
            for (JsonNode c : row.path("components"))
                if (c.path("custom_id").asText().equals(customId)) return c;
        }
        throw new AssertionError("no button " + customId + " in " + messageData);
    }

    private static JsonNode callback(long interactionId) {
        return discord.awaitRequest("POST", "/interactions/" + interactionId + "/.*/callback", WAIT)
                .json();
    }

    /**
     * A member's message in the general channel that mentions the bot (the text says where); its
     * id, to await the reply to it.
     */
    private static long mentionInGeneral(String text) {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(id, MEMBER_ID, GENERAL_CHANNEL, true, text, BOT_ID));
        return id;
    }

    private static RecordedRequest awaitReplyTo(long messageId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int n = 1;
        while (System.nanoTime() < deadline) {
            RecordedRequest r =
                    discord.awaitRequest(
                            "POST", "/channels/" + GENERAL_CHANNEL + "/messages", n++, WAIT);
            if (r.json()
                    .path("message_reference")
                    .path("message_id")
                    .asText()
                    .equals(Long.toString(messageId))) return r;
        }
        throw new AssertionError("no reply to message " + messageId);
    }

    static List<String> customIds(JsonNode messageData) {
        List<String> ids = new ArrayList<>();
        for (JsonNode row : messageData.path("components")) {
            for (JsonNode c : row.path("components")) ids.add(c.path("custom_id").asText());
        }
        return ids;
    }

    private static List<String> names(JsonNode choices) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : choices) out.add(c.path("name").asText());
        return out;
    }

    /** Markdown escapes removed, to compare rendered text with the engine's plain text. */
    static String unescape(String markdown) {
        return markdown.replaceAll("\\\\(.)", "$1").replace("\u200B", "");
    }
}
