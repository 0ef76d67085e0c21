package dev.ratbot.discord;

import static dev.ratbot.discord.fake.FakeDiscord.GENERAL_CHANNEL;
import static dev.ratbot.discord.fake.FakeDiscord.GUILD_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_PERMISSIONS;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A gateway connection that Discord drops is re-established, and the adapter answers again. */
class DiscordReconnectTest {

    @Test
    void reconnectsAfterTheGatewayDropsTheConnection() throws InterruptedException {
        ConversationFixture core = new ConversationFixture();
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordSettings settings =
                    DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                            .withGuildId(GUILD_ID);
            try (DiscordAdapter adapter =
                    new DiscordAdapter(
                            settings,
                            core.conversation,
                            ConversationFixture.engine(),
                            core.subscriptions,
                            core.answerLog)) {
                adapter.start();
                discord.awaitIdentified(1, Duration.ofSeconds(10));
                discord.dropGatewayConnections();
                discord.awaitIdentified(1, Duration.ofSeconds(60));
                long id = discord.nextId();
                discord.dispatch(
                        GUILD_ID,
                        "INTERACTION_CREATE",
                        FakeEvents.slashCommand(
                                id,
                                FakeEvents.Actor.member(
                                        MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                                "help"));
                discord.awaitRequest(
                        "POST", "/interactions/" + id + "/.*/callback", Duration.ofSeconds(10));
                assertTrue(adapter.connected());
                assertTrue(discord.sessions().size() >= 2, "a second connection");
            }
        }
    }
}
