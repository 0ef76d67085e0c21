package dev.ratbot.discord;

import static dev.ratbot.discord.fake.FakeDiscord.APP_ID;
import static dev.ratbot.discord.fake.FakeDiscord.GENERAL_CHANNEL;
import static dev.ratbot.discord.fake.FakeDiscord.GUILD_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeEvents.stringOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.discord.fake.FakeEvents.Actor;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code deferAfter} zero every interaction takes the slow path: defer first, then edit the
 * deferred response (or, for a private reply after a public defer, replace it with a private
 * follow-up).
 */
class DiscordAdapterDeferralTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Actor MEMBER =
            Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL);
    private static FakeDiscord discord;
    private static DiscordAdapter adapter;

    @BeforeAll
    static void start() {
        discord = new FakeDiscord();
        ConversationFixture core = new ConversationFixture();
        DiscordSettings settings =
                DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                        .withGuildId(GUILD_ID)
                        .withDeferAfter(Duration.ZERO);
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
        adapter.close();
        discord.close();
    }

    @Test
    void aSlowAnswerIsDeferredPubliclyThenTheDeferredResponseIsEdited() {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.slashCommand(
                        id, MEMBER, "ask", stringOption("question", "How do I pick up my rat?")));
        JsonNode defer =
                discord.awaitRequest("POST", "/interactions/" + id + "/.*/callback", WAIT).json();
        assertEquals(5, defer.path("type").asInt(), "DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE");
        assertEquals(0, defer.path("data").path("flags").asInt(0) & 64, "an answer is public");

        JsonNode edit =
                discord.awaitRequest(
                                "PATCH",
                                "/webhooks/"
                                        + APP_ID
                                        + "/"
                                        + FakeEvents.token(id)
                                        + "/messages/@original",
                                WAIT)
                        .json();
        assertEquals("[]", edit.path("allowed_mentions").path("parse").toString());
        assertTrue(edit.path("embeds").get(0).path("description").asText().length() > 20);
        assertTrue(edit.path("components").size() >= 1, "buttons survive the edit");
    }

    @Test
    void settingsAreDeferredPrivately() {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID, "INTERACTION_CREATE", FakeEvents.slashCommand(id, MEMBER, "unsubscribe"));
        JsonNode defer =
                discord.awaitRequest("POST", "/interactions/" + id + "/.*/callback", WAIT).json();
        assertEquals(5, defer.path("type").asInt());
        assertEquals(64, defer.path("data").path("flags").asInt() & 64);
        JsonNode edit =
                discord.awaitRequest(
                                "PATCH",
                                "/webhooks/"
                                        + APP_ID
                                        + "/"
                                        + FakeEvents.token(id)
                                        + "/messages/@original",
                                WAIT)
                        .json();
        assertTrue(edit.path("content").asText().contains("no daily tip"), edit.toString());
    }

    @Test
    void aPrivateReplyAfterAPublicDeferReplacesItWithAPrivateFollowUp() {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.buttonTap(id, MEMBER, "/topic no-such-topic"));
        JsonNode defer =
                discord.awaitRequest("POST", "/interactions/" + id + "/.*/callback", WAIT).json();
        assertEquals(5, defer.path("type").asInt());
        String base = "/webhooks/" + APP_ID + "/" + FakeEvents.token(id);
        discord.awaitRequest("DELETE", base + "/messages/@original", WAIT);
        JsonNode followUp = discord.awaitRequest("POST", base, WAIT).json();
        assertEquals(64, followUp.path("flags").asInt() & 64, "the error is for the user alone");
        assertEquals("[]", followUp.path("allowed_mentions").path("parse").toString());
    }
}
