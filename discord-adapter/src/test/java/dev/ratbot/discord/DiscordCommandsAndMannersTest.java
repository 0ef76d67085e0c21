package dev.ratbot.discord;

import static dev.ratbot.discord.fake.FakeDiscord.BOT_ID;
import static dev.ratbot.discord.fake.FakeDiscord.GENERAL_CHANNEL;
import static dev.ratbot.discord.fake.FakeDiscord.GUILD_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeDiscord.MODERATOR_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MODERATOR_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeDiscord.TIPS_CHANNEL;
import static dev.ratbot.discord.fake.FakeEvents.channelOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.discord.fake.FakeEvents.Actor;
import dev.ratbot.discord.fake.FakeResponse;
import dev.ratbot.discord.fake.RecordedRequest;
import dev.ratbot.message.Address;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commands and manners a member or moderator meets, end to end on the fake Discord: slash
 * /pause, /resume and /settings; "Ask Ratbot" on someone's message; a bare mention; thanks and
 * emoji in reply to the bot; one channel's messages answered in order.
 */
class DiscordCommandsAndMannersTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int EPHEMERAL = 1 << 6;
    private static final String COVERED = "What treats are safe for rats?";
    private static final String NOT_COVERED = "Which pizza topping is the most popular in Naples?";

    private static FakeDiscord discord;
    private static ConversationFixture core;
    private static DiscordAdapter adapter;

    @BeforeAll
    static void start() {
        discord = new FakeDiscord();
        core = new ConversationFixture();
        adapter =
                new DiscordAdapter(
                        DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                                .withGuildId(GUILD_ID),
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

    // ------------------------------------------------------------------ registration

    @Test
    void pauseResumeSettingsAutoanswerAndTheAskRatbotMenuAreRegistered() {
        JsonNode commands =
                discord.awaitRequest("PUT", "/applications/\\d+/guilds/\\d+/commands", WAIT).json();
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode c : commands)
            names.add(c.path("name").asText() + ":" + c.path("type").asInt());
        assertTrue(
                names.containsAll(
                        List.of(
                                "pause:1",
                                "resume:1",
                                "settings:1",
                                "autoanswer:1",
                                "Ask Ratbot:3")),
                names.toString());
    }

    // ------------------------------------------------------------------ /pause /resume /settings

    @Test
    void inDirectMessagesPauseResumeAndSettingsActOnTheUsersOwnTip() {
        long dm = discord.nextId();
        Address mine = DiscordPlaces.directChannel(dm);
        core.subscriptions.subscribe(
                mine, LocalTime.of(7, 30), ZoneId.of("Europe/Paris"), Long.toString(MEMBER_ID));
        Actor me = Actor.direct(MEMBER_ID, dm);

        JsonNode paused = slash(me, "pause");
        assertEquals(
                SubscriptionStatus.PAUSED, core.subscriptions.find(mine).orElseThrow().status());
        assertTrue(paused.path("content").asText().startsWith("Paused."), paused.toString());

        JsonNode settings = slash(me, "settings");
        assertTrue(
                settings.path("content").asText().contains("07:30 (Europe/Paris)"),
                settings.toString());

        slash(me, "resume");
        assertEquals(
                SubscriptionStatus.ACTIVE, core.subscriptions.find(mine).orElseThrow().status());
    }

    @Test
    void inAServerPauseIsForManagersAndActsOnTheChosenTipChannel() {
        Address tips = DiscordPlaces.serverChannel(TIPS_CHANNEL, GUILD_ID);
        core.subscriptions.subscribe(
                tips, LocalTime.of(9, 0), ZoneId.of("UTC"), Long.toString(MODERATOR_ID));

        JsonNode refused =
                slash(
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "pause",
                        channelOption("channel", TIPS_CHANNEL));
        assertEquals(EPHEMERAL, refused.path("flags").asInt() & EPHEMERAL);
        assertTrue(refused.path("content").asText().contains("Manage Server"), refused.toString());
        assertEquals(
                SubscriptionStatus.ACTIVE, core.subscriptions.find(tips).orElseThrow().status());

        JsonNode paused =
                slash(
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        "pause",
                        channelOption("channel", TIPS_CHANNEL));
        assertEquals(EPHEMERAL, paused.path("flags").asInt() & EPHEMERAL);
        assertEquals(
                SubscriptionStatus.PAUSED, core.subscriptions.find(tips).orElseThrow().status());

        slash(Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, TIPS_CHANNEL), "resume");
        assertEquals(
                SubscriptionStatus.ACTIVE, core.subscriptions.find(tips).orElseThrow().status());
    }

    @Test
    void withoutTheMessageContentIntentAutoanswerExplainsWhatIsMissing() {
        long forum = discord.nextId();
        discord.addChannel(forum, FakeDiscord.FORUM, "help", null);
        JsonNode refused =
                slash(
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        "autoanswer",
                        FakeEvents.subcommand("channel", channelOption("channel", forum)));
        assertEquals(EPHEMERAL, refused.path("flags").asInt() & EPHEMERAL);
        String text = DiscordAdapterEndToEndTest.unescape(refused.path("content").asText());
        assertTrue(
                text.contains("Message Content") && text.contains("DISCORD_MESSAGE_CONTENT=true"),
                text);
        assertEquals(
                0,
                discord.awaitIdentified(1, WAIT).get(0).identify().path("intents").asInt()
                        & (1 << 15),
                "not asked for");
    }

    // ------------------------------------------------------------------ Ask Ratbot

    @Test
    void askRatbotOnACoveredMessageRepliesToThatMessageForEveryone() {
        long question = discord.nextId();
        ObjectNode target = FakeEvents.message(question, MEMBER_ID, GENERAL_CHANNEL, true, COVERED);
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.messageCommand(
                        id,
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        "Ask Ratbot",
                        target));

        JsonNode deferred = callback(id);
        assertEquals(5, deferred.path("type").asInt(), "deferred at once");
        assertEquals(
                EPHEMERAL,
                deferred.path("data").path("flags").asInt() & EPHEMERAL,
                "the placeholder is private");
        JsonNode reply = awaitReplyTo(GENERAL_CHANNEL, question).json();
        assertEquals("[]", reply.path("allowed_mentions").path("parse").toString());
        assertFalse(
                reply.path("embeds").path(0).path("description").asText().isEmpty(),
                reply.toString());
        assertTrue(
                DiscordAdapterEndToEndTest.customIds(reply).stream()
                        .anyMatch(c -> c.startsWith("/feedback ")),
                "the answer can be rated");
        discord.awaitRequest(
                "DELETE", "/webhooks/\\d+/" + FakeEvents.token(id) + "/messages/@original", WAIT);
    }

    @Test
    void askRatbotOnAnUncoveredMessageTellsOnlyTheAsker() {
        long question = discord.nextId();
        ObjectNode target =
                FakeEvents.message(question, MEMBER_ID, GENERAL_CHANNEL, true, NOT_COVERED);
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.messageCommand(
                        id,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "Ask Ratbot",
                        target));

        RecordedRequest edit =
                discord.awaitRequest(
                        "PATCH",
                        "/webhooks/\\d+/" + FakeEvents.token(id) + "/messages/@original",
                        WAIT);
        assertTrue(edit.json().toString().contains("couldn't find that"), edit.json().toString());
        assertEquals(EPHEMERAL, callback(id).path("data").path("flags").asInt() & EPHEMERAL);
        assertTrue(repliesTo(GENERAL_CHANNEL, question).isEmpty(), "nothing public");
    }

    @Test
    void askRatbotWhereTheBotMayNotPostGivesTheAnswerPrivately() {
        long channel = discord.nextId();
        discord.script(
                "POST", "/channels/" + channel + "/messages", FakeResponse.missingPermissions());
        long question = discord.nextId();
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.messageCommand(
                        id,
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, channel),
                        "Ask Ratbot",
                        FakeEvents.message(question, MEMBER_ID, channel, true, COVERED)));

        RecordedRequest edit =
                discord.awaitRequest(
                        "PATCH",
                        "/webhooks/\\d+/" + FakeEvents.token(id) + "/messages/@original",
                        WAIT);
        assertTrue(
                edit.json().path("content").asText().contains("Missing Permissions"),
                edit.json().toString());
        RecordedRequest answer =
                discord.awaitRequest("POST", "/webhooks/\\d+/" + FakeEvents.token(id), WAIT);
        assertEquals(EPHEMERAL, answer.json().path("flags").asInt() & EPHEMERAL);
        assertFalse(answer.json().path("embeds").isEmpty());
    }

    // ------------------------------------------------------------------ mentions, thanks, emoji

    @Test
    void aBareMentionGetsTheShortHelp() {
        long channel = discord.nextId();
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(id, MEMBER_ID, channel, true, "<@" + BOT_ID + ">", BOT_ID));
        JsonNode reply = awaitReplyTo(channel, id).json();
        assertTrue(reply.toString().contains("/ask"), reply.toString());
    }

    @Test
    void thanksInReplyToTheBotGetsAShortAcknowledgementAndAnEmojiGetsNothing() {
        long channel = discord.nextId();
        ObjectNode answer = FakeEvents.botMessage(discord.nextId(), channel, "");
        long thanks = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.replyTo(
                        FakeEvents.message(
                                thanks,
                                MEMBER_ID,
                                channel,
                                true,
                                "<@" + BOT_ID + "> thanks so much!! \uD83D\uDE4F",
                                BOT_ID),
                        answer));
        JsonNode ack = awaitReplyTo(channel, thanks).json();
        assertEquals("You're welcome! \uD83D\uDC00", ack.path("content").asText());

        long emoji = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.replyTo(
                        FakeEvents.message(
                                emoji,
                                MEMBER_ID,
                                channel,
                                true,
                                "\uD83D\uDC4D\uD83D\uDC00 <:ratlove:123456>"),
                        answer));
        // A question after it proves the emoji was handled (one lane per channel, in order) and got
        // no reply.
        long after = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(
                        after, MEMBER_ID, channel, true, "<@" + BOT_ID + "> " + COVERED, BOT_ID));
        awaitReplyTo(channel, after);
        assertTrue(
                repliesTo(channel, emoji).isEmpty(),
                "an emoji reply is not answered, least of all with a refusal");
        assertEquals(2, discord.requests("POST", "/channels/" + channel + "/messages").size());
    }

    @Test
    void aBurstOfCommandsInOneChannelIsAnsweredInOrderAndEndsInTheLastState() {
        long dm = discord.nextId();
        String[] burst = {
            "/subscribe 08:00", "/subscribe 07:00", "/pause", "/resume", "/unsubscribe"
        };
        long[] ids = new long[burst.length];
        for (int i = 0; i < burst.length; i++) {
            ids[i] = discord.nextId();
            discord.dispatch(
                    0,
                    "MESSAGE_CREATE",
                    FakeEvents.message(ids[i], MEMBER_ID, dm, false, burst[i]));
        }
        RecordedRequest last =
                discord.awaitRequest("POST", "/channels/" + dm + "/messages", burst.length, WAIT);
        List<String> order =
                discord.requests("POST", "/channels/" + dm + "/messages").stream()
                        .map(r -> r.json().path("message_reference").path("message_id").asText())
                        .toList();
        assertEquals(java.util.Arrays.stream(ids).mapToObj(Long::toString).toList(), order);
        assertTrue(last.json().path("content").asText().startsWith("Done"), last.json().toString());
        assertEquals(
                SubscriptionStatus.STOPPED,
                core.subscriptions.find(DiscordPlaces.directChannel(dm)).orElseThrow().status());
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode slash(Actor actor, String name, JsonNode... options) {
        long id = discord.nextId();
        discord.dispatch(
                actor.inGuild() ? GUILD_ID : 0,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(id, actor, name, options));
        return callback(id).path("data");
    }

    private static JsonNode callback(long interactionId) {
        return discord.awaitRequest("POST", "/interactions/" + interactionId + "/.*/callback", WAIT)
                .json();
    }

    private static List<RecordedRequest> repliesTo(long channel, long messageId) {
        return discord.requests("POST", "/channels/" + channel + "/messages").stream()
                .filter(
                        r ->
                                r.json()
                                        .path("message_reference")
                                        .path("message_id")
                                        .asText()
                                        .equals(Long.toString(messageId)))
                .toList();
    }

    static RecordedRequest awaitReplyTo(
            FakeDiscord discord, long channel, long messageId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        int n = 1;
        while (System.nanoTime() < deadline) {
            RecordedRequest r =
                    discord.awaitRequest("POST", "/channels/" + channel + "/messages", n++, wait);
            if (r.json()
                    .path("message_reference")
                    .path("message_id")
                    .asText()
                    .equals(Long.toString(messageId))) return r;
        }
        throw new AssertionError("no reply to message " + messageId);
    }

    private static RecordedRequest awaitReplyTo(long channel, long messageId) {
        return awaitReplyTo(discord, channel, messageId, WAIT);
    }
}
