package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Asking for the Message Content intent that the Developer Portal has not switched on stops the
 * start with the fix named.
 */
class DiscordMessageContentStartTest {

    @Test
    void aDisallowedMessageContentIntentNamesTheSettingAndThePortalSwitch() {
        ConversationFixture core = new ConversationFixture();
        try (FakeDiscord discord = new FakeDiscord()) {
            discord.disallowIntents(1L << 15);
            DiscordSettings settings =
                    DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                            .withGuildId(FakeDiscord.GUILD_ID)
                            .withMessageContent(true);
            try (DiscordAdapter adapter =
                    new DiscordAdapter(
                            settings,
                            core.conversation,
                            ConversationFixture.engine(),
                            core.subscriptions,
                            core.answerLog)) {
                DiscordStartException e = assertThrows(DiscordStartException.class, adapter::start);
                assertTrue(
                        e.getMessage().contains("DISCORD_MESSAGE_CONTENT")
                                && e.getMessage().contains("Message Content Intent"),
                        e.getMessage());
                org.junit.jupiter.api.Assertions.assertFalse(
                        e.unreachable(),
                        "a refused intent is for the operator to fix, not to retry");
            }
        }
    }
}
