package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.discord.fake.RecordedRequest;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ordering burst, a thousand times at once (issue 14): a thousand direct-message channels each
 * send the same five commands together, all 5,000 MESSAGE_CREATE dispatches on the gateway before
 * the first reply. Every channel must be answered in the order of its commands, each reply
 * referring to its own command, and end in the state of its last command. Commands sent together
 * used to end in the wrong state and be answered out of order; now the adapter hands the core one
 * channel's messages in order and one at a time (a lane per channel), channels in parallel. A
 * single burst can come out right by luck; a thousand bursts handled in parallel leave an ordering
 * fault no place to hide.
 *
 * <p>Half the channels send their burst as five dispatches next to each other; the other half
 * interleave with every other channel, so their commands arrive far apart. Against the fake Discord
 * with the real Discord4J client. Every reply is one REST request; at Discord's own global limit of
 * 50 requests a second the 5,000 would take over a minute and a half, so the fake Discord, which
 * has no such limit, is sent up to {@value #REST_REQUESTS_PER_SECOND} a second.
 */
class DiscordOrderingBurstTest {

    /** Far above Discord's 50: the fake Discord is not the limit being tested. */
    private static final int REST_REQUESTS_PER_SECOND = 1000;

    /** 5,000 replies take 6 to 13 s on two shared cores; room for a slow machine. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static final int CHANNELS = 1000;
    private static final long FIRST_USER = 1_146_300_000_000_000_001L;

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
                            + "To change the time or zone: /subscribe time:08:00 zone:Europe/London.",
                    "Updated: you'll get a bonding tip every day at 07:00 (UTC).\n\n"
                            + "Next tip: Tuesday 2 June at 07:00.\n\n"
                            + "To change the time or zone: /subscribe time:08:00 zone:Europe/London.",
                    "Done: no more daily tips here. /subscribe brings them back any time.",
                    "The daily tip here is stopped (unsubscribed). /subscribe starts it again.",
                    "Subscribed! You'll get a bonding tip every day at 06:00 (UTC).\n\n"
                            + "Next tip: Tuesday 2 June at 06:00.\n\n"
                            + "To change the time or zone: /subscribe time:08:00 zone:Europe/London.");

    private FakeDiscord discord;
    private ConversationFixture core;
    private DiscordAdapter adapter;

    @BeforeEach
    void start() {
        discord = new FakeDiscord();
        core = new ConversationFixture();
        adapter =
                new DiscordAdapter(
                        DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                                .withGuildId(FakeDiscord.GUILD_ID)
                                .withMaxRestRequestsPerSecond(REST_REQUESTS_PER_SECOND),
                        core.conversation,
                        ConversationFixture.engine(),
                        core.subscriptions,
                        core.answerLog);
        adapter.start();
    }

    @AfterEach
    void stop() {
        if (adapter != null) adapter.close();
        if (discord != null) discord.close();
    }

    @Test
    void aThousandChannelsSendingTheSameBurstAtOnceAreEachAnsweredInOrderAndEndInTheLastState() {
        long[] channels = new long[CHANNELS];
        long[][] commands = new long[CHANNELS][BURST.size()];
        for (int c = 0; c < CHANNELS; c++) {
            channels[c] = discord.nextId();
            for (int k = 0; k < BURST.size(); k++) commands[c][k] = discord.nextId();
        }
        // The first half: each channel's five commands next to each other.
        for (int c = 0; c < CHANNELS / 2; c++) {
            for (int k = 0; k < BURST.size(); k++) send(channels[c], c, commands[c][k], k);
        }
        // The second half: one command of every channel, then the next command of every channel.
        for (int k = 0; k < BURST.size(); k++) {
            for (int c = CHANNELS / 2; c < CHANNELS; c++) send(channels[c], c, commands[c][k], k);
        }
        discord.awaitRequest("POST", "/channels/\\d+/messages", CHANNELS * BURST.size(), WAIT);

        Map<String, List<String>> replies = new HashMap<>();
        for (RecordedRequest r : discord.requests("POST", "/channels/\\d+/messages")) {
            replies.computeIfAbsent(r.path(), p -> new ArrayList<>())
                    .add(
                            r.json().path("message_reference").path("message_id").asText()
                                    + " "
                                    + r.json().path("content").asText());
        }
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            checked++;
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < BURST.size(); k++)
                expected.add(commands[c][k] + " " + REPLIES.get(k));
            List<String> answered =
                    replies.getOrDefault("/channels/" + channels[c] + "/messages", List.of());
            String state =
                    core.subscriptions
                            .find(DiscordPlaces.directChannel(channels[c]))
                            .map(DiscordOrderingBurstTest::state)
                            .orElse("none");
            if (!answered.equals(expected) || !state.equals("ACTIVE 06:00 UTC"))
                wrong.add("channel " + channels[c] + " ended " + state + " after " + answered);
        }
        assertEquals(CHANNELS, checked);
        assertEquals(
                0,
                wrong.size(),
                () -> wrong.size() + " channels wrong, the first: " + wrong.get(0));
        assertEquals(List.of(), discord.unmatched());
    }

    /** Command {@code k} of the burst as a direct message from the channel's own user. */
    private void send(long channel, int c, long id, int k) {
        discord.dispatch(
                0,
                "MESSAGE_CREATE",
                FakeEvents.message(id, FIRST_USER + c, channel, false, BURST.get(k)));
    }

    private static String state(Subscription s) {
        return s.status() + " " + s.localTime() + " " + s.zone();
    }
}
