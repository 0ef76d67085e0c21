package dev.ratbot.discord;

import static dev.ratbot.discord.fake.FakeDiscord.BOT_ID;
import static dev.ratbot.discord.fake.FakeDiscord.GUILD_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeDiscord.MODERATOR_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.discord.HelpChannelStore.HelpChannel;
import dev.ratbot.discord.HelpChannelStore.Kind;
import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.discord.fake.FakeEvents.Actor;
import dev.ratbot.discord.fake.RecordedRequest;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One channel, one lane, whatever kind its events are (issue 14): typed messages, slash commands,
 * button taps, "Ask Ratbot" and help-channel posts of one channel reach the core in the order the
 * gateway sent them. Discord4J delivers each event type it is subscribed to on a thread of its own;
 * when the adapter subscribed once per type, a channel's slash {@code /pause} could overtake the
 * typed {@code /subscribe} just before it (about one channel in six, sending three events).
 *
 * <p>Many channels each send their mix as adjacent dispatches, and every channel's answers must
 * come in that order: the REST requests that answer each event (an interaction's callback, or a
 * channel message replying to it) are listed per channel in the order the fake Discord received
 * them. A channel's events run one at a time and each blocks until its answer is out, so this is
 * the order they were handled in. Against the fake Discord with the real Discord4J client.
 */
class DiscordMixedEventOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    /** Far above Discord's 50: the fake Discord is not the limit being tested. */
    private static final int REST_REQUESTS_PER_SECOND = 1000;

    private static final long FIRST_USER = 1_146_300_000_000_000_001L;
    private static final String COVERED = "What treats are safe for rats?";
    private static final String ALSO_COVERED = "How do I pick up my rat?";

    private static final Pattern CALLBACK = Pattern.compile("/interactions/(\\d+)/[^/]+/callback");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/channels/(\\d+)/messages");
    private static final String ANSWERS =
            "/(channels/\\d+/messages|interactions/\\d+/[^/]+/callback)";

    private FakeDiscord discord;
    private ConversationFixture core;
    private InMemoryHelpChannelStore helpChannels;
    private DiscordAdapter adapter;

    /** The channel each interaction was sent in, to file its callback under. */
    private final Map<Long, Long> interactionChannels = new HashMap<>();

    @BeforeEach
    void start() {
        discord = new FakeDiscord();
        core = new ConversationFixture();
        helpChannels = new InMemoryHelpChannelStore();
        adapter =
                new DiscordAdapter(
                        DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                                .withGuildId(GUILD_ID)
                                .withMessageContent(true)
                                .withMaxRestRequestsPerSecond(REST_REQUESTS_PER_SECOND),
                        core.conversation,
                        ConversationFixture.engine(),
                        core.subscriptions,
                        core.answerLog,
                        helpChannels,
                        core.clock);
        adapter.start();
    }

    @AfterEach
    void stop() {
        if (adapter != null) adapter.close();
        if (discord != null) discord.close();
    }

    @Test
    void directMessagesMixingTypedAndSlashCommandsButtonsAndAskRatbotAreHandledInOrder() {
        int channels = 200;
        Map<Long, List<String>> expected = new HashMap<>();
        for (int c = 0; c < channels; c++) {
            long channel = discord.nextId();
            long user = FIRST_USER + c;
            Actor me = Actor.direct(user, channel);
            List<String> order = new ArrayList<>();
            expected.put(channel, order);

            order.add(slash(0, me, "settings"));
            order.add(typed(0, user, channel, "/subscribe 08:00 UTC"));
            order.add(button(0, me, "/pause"));
            long question = discord.nextId();
            order.addAll(
                    askRatbot(0, me, FakeEvents.message(question, user, channel, false, COVERED)));
            order.add(typed(0, user, channel, "/resume"));
            order.add(slash(0, me, "pause"));
        }

        assertNoneWrong(wrongOrder(expected));
        List<String> wrongState = new ArrayList<>();
        for (long channel : expected.keySet()) {
            String state =
                    core.subscriptions
                            .find(DiscordPlaces.directChannel(channel))
                            .map(DiscordMixedEventOrderTest::state)
                            .orElse("none");
            if (!state.equals("PAUSED 08:00 UTC"))
                wrongState.add("channel " + channel + " ended " + state);
        }
        assertNoneWrong(wrongState);
        assertEquals(List.of(), discord.unmatched());
    }

    @Test
    void helpChannelPostsMentionsSlashCommandsButtonsAndAskRatbotAreHandledInOrder() {
        int channels = 100;
        Map<Long, List<String>> expected = new HashMap<>();
        for (int c = 0; c < channels; c++) {
            long channel = discord.nextId();
            discord.addChannel(channel, FakeDiscord.TEXT, "ask-here-" + c, null);
            helpChannels.optIn(
                    new HelpChannel(GUILD_ID, channel, Kind.TEXT, MODERATOR_ID),
                    core.clock.instant());
            Actor member = Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, channel);
            List<String> order = new ArrayList<>();
            expected.put(channel, order);

            // A post the help channel answers by itself, then a question to the bot by mention.
            order.add(typed(GUILD_ID, MEMBER_ID, channel, COVERED));
            order.add(typed(GUILD_ID, MEMBER_ID, channel, "<@" + BOT_ID + "> " + COVERED, BOT_ID));
            order.add(
                    slash(
                            GUILD_ID,
                            member,
                            "ask",
                            FakeEvents.stringOption(SlashCommands.QUESTION, ALSO_COVERED)));
            order.add(button(GUILD_ID, member, "/topics"));
            order.add(typed(GUILD_ID, MEMBER_ID, channel, ALSO_COVERED));
            long question = discord.nextId();
            order.addAll(
                    askRatbot(
                            GUILD_ID,
                            member,
                            FakeEvents.message(question, MEMBER_ID, channel, true, COVERED)));
        }

        assertNoneWrong(wrongOrder(expected));
        assertEquals(List.of(), discord.unmatched());
    }

    // ------------------------------------------------------------------ events

    /** A slash command; answered by its callback. */
    private String slash(long guild, Actor actor, String name, JsonNode... options) {
        long id = interaction(actor);
        discord.dispatch(
                guild, "INTERACTION_CREATE", FakeEvents.slashCommand(id, actor, name, options));
        return "callback " + id;
    }

    /** A button that carries {@code command}; answered by its callback. */
    private String button(long guild, Actor actor, String command) {
        long id = interaction(actor);
        discord.dispatch(guild, "INTERACTION_CREATE", FakeEvents.buttonTap(id, actor, command));
        return "callback " + id;
    }

    /**
     * "Ask Ratbot" on {@code target}: deferred by its callback, then answered in the channel as a
     * reply to the target.
     */
    private List<String> askRatbot(long guild, Actor actor, ObjectNode target) {
        long id = interaction(actor);
        discord.dispatch(
                guild,
                "INTERACTION_CREATE",
                FakeEvents.messageCommand(id, actor, SlashCommands.ASK_RATBOT, target));
        return List.of("callback " + id, "reply to " + target.path("id").asText());
    }

    /** A typed message (a DM when {@code guild} is 0); answered by a reply to it. */
    private String typed(long guild, long user, long channel, String text, long... mentions) {
        long id = discord.nextId();
        discord.dispatch(
                guild,
                "MESSAGE_CREATE",
                FakeEvents.message(id, user, channel, guild != 0, text, mentions));
        return "reply to " + id;
    }

    private long interaction(Actor actor) {
        long id = discord.nextId();
        interactionChannels.put(id, actor.channelId());
        return id;
    }

    // ------------------------------------------------------------------ checks

    /**
     * Waits for every answer, then lists the channels whose answers came in another order than
     * {@code expected}'s.
     */
    private List<String> wrongOrder(Map<Long, List<String>> expected) {
        int answers = expected.values().stream().mapToInt(List::size).sum();
        discord.awaitRequest("POST", ANSWERS, answers, WAIT);
        Map<Long, List<String>> answered = new HashMap<>();
        for (RecordedRequest r : discord.requests("POST", ANSWERS)) {
            Matcher callback = CALLBACK.matcher(r.path());
            Matcher message = CHANNEL_MESSAGE.matcher(r.path());
            if (callback.matches()) {
                long id = Long.parseLong(callback.group(1));
                answered.computeIfAbsent(interactionChannels.get(id), k -> new ArrayList<>())
                        .add("callback " + id);
            } else if (message.matches()) {
                answered.computeIfAbsent(Long.parseLong(message.group(1)), k -> new ArrayList<>())
                        .add(
                                "reply to "
                                        + r.json()
                                                .path("message_reference")
                                                .path("message_id")
                                                .asText());
            }
        }
        List<String> wrong = new ArrayList<>();
        for (var e : expected.entrySet()) {
            List<String> got = answered.getOrDefault(e.getKey(), List.of());
            if (!got.equals(e.getValue()))
                wrong.add("channel " + e.getKey() + " answered " + got + ", sent " + e.getValue());
        }
        return wrong;
    }

    private static void assertNoneWrong(List<String> wrong) {
        assertEquals(
                0,
                wrong.size(),
                () -> wrong.size() + " channels wrong, the first: " + wrong.get(0));
    }

    private static String state(Subscription s) {
        return s.status() + " " + s.localTime() + " " + s.zone();
    }
}
