package dev.ratbot.discord;

import static dev.ratbot.discord.fake.FakeDiscord.BOT_ROLE;
import static dev.ratbot.discord.fake.FakeDiscord.GENERAL_CHANNEL;
import static dev.ratbot.discord.fake.FakeDiscord.GUILD_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeDiscord.MODERATOR_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MODERATOR_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeEvents.channelOption;
import static dev.ratbot.discord.fake.FakeEvents.subcommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.discord.HelpChannelStore.HelpChannel;
import dev.ratbot.discord.HelpChannelStore.Kind;
import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.discord.fake.FakeEvents.Actor;
import dev.ratbot.discord.fake.RecordedRequest;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Help channels that answer themselves, end to end on the fake Discord with the Message Content
 * intent on: a moderator opts a forum in, a member's new post gets one answer in its thread, an
 * off-topic post gets silence, and the "Not helpful, remove" button works for the author only (or a
 * moderator).
 */
class DiscordHelpChannelsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int EPHEMERAL = 1 << 6;
    private static final String COVERED = "What treats are safe for rats?";
    private static final String NOT_COVERED = "Which pizza topping is the most popular in Naples?";
    private static final long STRANGER_ID = 1_146_200_000_000_000_009L;

    private static FakeDiscord discord;
    private static ConversationFixture core;
    private static InMemoryHelpChannelStore store;
    private static DiscordAdapter adapter;

    @BeforeAll
    static void start() {
        discord = new FakeDiscord();
        core = new ConversationFixture();
        store = new InMemoryHelpChannelStore();
        DiscordSettings settings =
                DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                        .withGuildId(GUILD_ID)
                        .withMessageContent(true);
        adapter =
                new DiscordAdapter(
                        settings,
                        core.conversation,
                        ConversationFixture.engine(),
                        core.subscriptions,
                        core.answerLog,
                        store,
                        core.clock);
        adapter.start();
    }

    @AfterAll
    static void stop() {
        if (adapter != null) adapter.close();
        if (discord != null) discord.close();
    }

    @Test
    void withTheSettingOnTheBotAsksForTheMessageContentIntent() {
        int messageContent = 1 << 15;
        assertEquals(
                messageContent,
                discord.awaitIdentified(1, WAIT).get(0).identify().path("intents").asInt()
                        & messageContent);
    }

    @Test
    void aNewForumPostIsAnsweredOnceInItsThreadAndAnOffTopicPostGetsSilence() {
        long forum = discord.nextId();
        discord.addChannel(forum, FakeDiscord.FORUM, "help", null);
        JsonNode done =
                slash(
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        "autoanswer",
                        subcommand("channel", channelOption("channel", forum)));
        assertEquals(EPHEMERAL, done.path("flags").asInt() & EPHEMERAL);
        assertTrue(done.path("content").asText().startsWith("Done"), done.toString());
        assertEquals(
                Optional.of(new HelpChannel(GUILD_ID, forum, Kind.FORUM, MODERATOR_ID)),
                store.find(forum));

        long offTopic = newPost(forum, "Pizza question", NOT_COVERED);
        long post = newPost(forum, "Treats?", COVERED);
        RecordedRequest answer =
                discord.awaitRequest("POST", "/channels/" + post + "/messages", WAIT);
        assertTrue(answer.json().path("embeds").size() >= 1, answer.json().toString());
        assertEquals("[]", answer.json().path("allowed_mentions").path("parse").toString());
        List<String> buttons = DiscordAdapterEndToEndTest.customIds(answer.json());
        assertTrue(buttons.contains(AutoAnswers.REMOVE + MEMBER_ID), buttons.toString());
        assertTrue(
                buttons.stream().anyMatch(b -> b.startsWith("/feedback ") && b.endsWith(" up")),
                buttons.toString());

        // The same post delivered again (a gateway resume), and a question after it in the thread:
        // no second answer.
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(post, MEMBER_ID, post, true, COVERED));
        long followUp = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(followUp, MEMBER_ID, post, true, "And cheese?"));
        long later = newPost(forum, "Holding", "How do I pick up my rat?");
        discord.awaitRequest("POST", "/channels/" + later + "/messages", WAIT);
        assertEquals(
                1,
                discord.requests("POST", "/channels/" + post + "/messages").size(),
                "one auto-answer per thread");
        assertEquals(
                0,
                discord.requests("POST", "/channels/" + offTopic + "/messages").size(),
                "silence when not covered");
    }

    @Test
    void theRemoveButtonIsRefusedToAStrangerAndDeletesTheAnswerForTheAuthor() {
        long forum = discord.nextId();
        discord.addChannel(forum, FakeDiscord.FORUM, "help-2", null);
        store.optIn(
                new HelpChannel(GUILD_ID, forum, Kind.FORUM, MODERATOR_ID), core.clock.instant());
        long post = newPost(forum, "Treats?", COVERED);
        RecordedRequest answer =
                discord.awaitRequest("POST", "/channels/" + post + "/messages", WAIT);
        String remove = AutoAnswers.REMOVE + MEMBER_ID;

        long refused = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.buttonTap(
                        refused, Actor.member(STRANGER_ID, MEMBER_PERMISSIONS, post), remove));
        JsonNode no = callback(refused).path("data");
        assertEquals(EPHEMERAL, no.path("flags").asInt() & EPHEMERAL);
        assertTrue(no.path("content").asText().startsWith("Only the author"), no.toString());
        assertTrue(
                discord.requests("DELETE", "/channels/" + post + "/messages/\\d+").isEmpty(),
                "nothing deleted");

        long allowed = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.buttonTap(
                        allowed, Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, post), remove));
        assertTrue(callback(allowed).path("data").path("content").asText().startsWith("Removed"));
        // The fake's button tap names the message id before the interaction's.
        discord.awaitRequest("DELETE", "/channels/" + post + "/messages/" + (allowed - 1), WAIT);
        assertTrue(answer.json().path("embeds").size() >= 1);
    }

    @Test
    void aTextChannelAnswersTopLevelMessagesAsRepliesAndIgnoresBots() {
        long help = discord.nextId();
        discord.addChannel(help, FakeDiscord.TEXT, "ask-here", null);
        slash(
                Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                "autoanswer",
                subcommand("channel", channelOption("channel", help)));
        assertEquals(Kind.TEXT, store.find(help).orElseThrow().kind());

        ObjectNode fromBot = FakeEvents.message(discord.nextId(), MEMBER_ID, help, true, COVERED);
        ((ObjectNode) fromBot.get("author")).put("bot", true);
        discord.dispatch(GUILD_ID, "MESSAGE_CREATE", fromBot);
        long question = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(question, MEMBER_ID, help, true, COVERED));
        RecordedRequest reply =
                DiscordCommandsAndMannersTest.awaitReplyTo(discord, help, question, WAIT);
        assertTrue(reply.json().path("embeds").size() >= 1);
        assertEquals(
                1,
                discord.requests("POST", "/channels/" + help + "/messages").size(),
                "the bot's message got nothing");
    }

    @Test
    void statusListsTheChannelsAndOffStopsOneOrAll() {
        long one = discord.nextId(), two = discord.nextId();
        discord.addChannel(one, FakeDiscord.FORUM, "forum-one", null);
        discord.addChannel(two, FakeDiscord.TEXT, "text-two", null);
        long guild = GUILD_ID;
        store.optOutAll(guild);
        Actor mod = Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL);
        slash(mod, "autoanswer", subcommand("channel", channelOption("channel", one)));
        slash(mod, "autoanswer", subcommand("channel", channelOption("channel", two)));
        String status =
                DiscordAdapterEndToEndTest.unescape(
                        slash(mod, "autoanswer", subcommand("status")).path("content").asText());
        assertTrue(status.contains("#forum-one") && status.contains("#text-two"), status);

        slash(mod, "autoanswer", subcommand("off", channelOption("channel", one)));
        assertEquals(
                List.of(new HelpChannel(GUILD_ID, two, Kind.TEXT, MODERATOR_ID)),
                store.channels(guild));
        String off = slash(mod, "autoanswer", subcommand("off")).path("content").asText();
        assertTrue(off.startsWith("Done"), off);
        assertEquals(List.of(), store.channels(guild));
    }

    @Test
    void webhookPostsAreNeverAnswered() {
        long forum = discord.nextId();
        discord.addChannel(forum, FakeDiscord.FORUM, "help-hooks", null);
        store.optIn(
                new HelpChannel(GUILD_ID, forum, Kind.FORUM, MODERATOR_ID), core.clock.instant());
        long hooked = discord.nextId();
        discord.addChannel(hooked, FakeDiscord.PUBLIC_THREAD, "From a webhook", forum);
        ObjectNode post = FakeEvents.message(hooked, MEMBER_ID, hooked, true, COVERED);
        post.put("webhook_id", "1146900000000000999");
        discord.dispatch(GUILD_ID, "MESSAGE_CREATE", post);
        long real = newPost(forum, "Treats?", COVERED);
        discord.awaitRequest("POST", "/channels/" + real + "/messages", WAIT);
        assertEquals(0, discord.requests("POST", "/channels/" + hooked + "/messages").size());
    }

    @Test
    void aForumWhereTheBotMayNotPostInThreadsIsRefusedWithThePermissionNamed() {
        long forum = discord.nextId();
        ObjectNode channel = discord.addChannel(forum, FakeDiscord.FORUM, "locked-help", null);
        FakeDiscord.overwrite(channel, BOT_ROLE, 0, 0, FakeDiscord.SEND_MESSAGES_IN_THREADS);
        JsonNode refused =
                slash(
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        "autoanswer",
                        subcommand("channel", channelOption("channel", forum)));
        assertTrue(
                refused.path("content").asText().contains("missing Send Messages in Threads"),
                refused.toString());
        assertEquals(Optional.empty(), store.find(forum));
    }

    @Test
    void onlyServerManagersChooseHelpChannels() {
        long forum = discord.nextId();
        discord.addChannel(forum, FakeDiscord.FORUM, "help-3", null);
        JsonNode refused =
                slash(
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "autoanswer",
                        subcommand("channel", channelOption("channel", forum)));
        assertTrue(refused.path("content").asText().contains("Manage Server"), refused.toString());
        assertEquals(Optional.empty(), store.find(forum));
    }

    /**
     * A member opens a forum post: Discord creates the thread (its id is the first message's) and
     * sends the message.
     */
    private static long newPost(long forum, String title, String text) {
        long thread = discord.nextId();
        discord.addChannel(thread, FakeDiscord.PUBLIC_THREAD, title, forum);
        discord.dispatch(
                GUILD_ID,
                "MESSAGE_CREATE",
                FakeEvents.message(thread, MEMBER_ID, thread, true, text));
        return thread;
    }

    private static JsonNode slash(Actor actor, String name, JsonNode... options) {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID, "INTERACTION_CREATE", FakeEvents.slashCommand(id, actor, name, options));
        return callback(id).path("data");
    }

    private static JsonNode callback(long interactionId) {
        return discord.awaitRequest("POST", "/interactions/" + interactionId + "/.*/callback", WAIT)
                .json();
    }
}
