package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.discord.fake.FakeResponse;
import discord4j.core.DiscordClient;
import discord4j.discordjson.json.InteractionResponseData;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Failure descriptions for logs name the route and status, never the bot token nor an interaction
 * token.
 */
class SafeErrorsTest {

    @Test
    @SuppressWarnings(
            "deprecation") // the lowest-level call that reaches the callback endpoint, as Discord4J
    // makes it
    void aRefusedInteractionCallbackIsDescribedWithoutItsToken() {
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordClient client =
                    DiscordClients.create(
                            DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl())));
            String token = FakeEvents.token(77);
            discord.script(
                    "POST",
                    "/interactions/77/" + token + "/callback",
                    FakeResponse.error(404, 10062, "Unknown interaction"));
            RuntimeException error = null;
            try {
                client.getInteractionService()
                        .createInteractionResponse(
                                77, token, InteractionResponseData.builder().type(5).build())
                        .block();
            } catch (RuntimeException e) {
                error = e;
            }
            String described = SafeErrors.describe(error);
            assertTrue(described.contains("404"), described);
            assertTrue(described.contains("/interactions/77/<token>/callback"), described);
            assertFalse(described.contains(token));
            assertFalse(described.contains(FakeDiscord.TOKEN));
        }
    }

    @Test
    void aDiscordThatCannotBeReachedIsWorthTryingAgain() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var core = new dev.ratbot.testing.ConversationFixture();
        try (DiscordAdapter adapter =
                new DiscordAdapter(
                        DiscordSettings.of(
                                FakeDiscord.TOKEN,
                                URI.create("http://127.0.0.1:" + port + "/api/v10")),
                        core.conversation,
                        dev.ratbot.testing.ConversationFixture.engine(),
                        core.subscriptions,
                        core.answerLog)) {
            DiscordStartException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            DiscordStartException.class, adapter::start);
            assertTrue(e.unreachable(), e.getMessage());
        }
    }

    @Test
    void anUnauthorizedStartNamesTheSetting() {
        try (FakeDiscord discord = new FakeDiscord()) {
            String wrong =
                    FakeDiscord.TOKEN.substring(0, FakeDiscord.TOKEN.lastIndexOf('.') + 1)
                            + "revoked";
            DiscordSettings settings = DiscordSettings.of(wrong, URI.create(discord.apiUrl()));
            var core = new dev.ratbot.testing.ConversationFixture();
            DiscordAdapter adapter =
                    new DiscordAdapter(
                            settings,
                            core.conversation,
                            dev.ratbot.testing.ConversationFixture.engine(),
                            core.subscriptions,
                            core.answerLog);
            DiscordStartException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            DiscordStartException.class, adapter::start);
            assertTrue(e.getMessage().contains("DISCORD_BOT_TOKEN"), e.getMessage());
            assertFalse(
                    e.unreachable(), "a refused token is for the operator to fix, not to retry");
            assertFalse(e.getMessage().contains(wrong));
            assertEquals(
                    0, discord.sessions().size(), "no gateway connection with a refused token");
            adapter.close();
        }
    }
}
