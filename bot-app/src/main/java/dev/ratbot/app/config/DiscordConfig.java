package dev.ratbot.app.config;

import dev.ratbot.discord.DiscordSettings;
import dev.ratbot.discord.DiscordSharding;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Discord, when {@code DISCORD_BOT_TOKEN} is set: the values {@link ConfigReader} checked, with the
 * token wrapped.
 *
 * @param guildId register slash commands on this one server only (development)
 * @param shardCount the number of shards in all; empty for Discord's recommendation
 * @param shardIndices the shards this instance runs; empty for all of them
 * @param messageContent ask for the privileged Message Content intent ({@code
 *     DISCORD_MESSAGE_CONTENT})
 */
public record DiscordConfig(
        Secret token,
        URI apiUrl,
        OptionalLong guildId,
        OptionalInt shardCount,
        List<Integer> shardIndices,
        boolean messageContent) {

    public DiscordConfig {
        shardIndices = List.copyOf(shardIndices);
    }

    /** The application id encoded in the token's first part: safe to log. */
    public String applicationId() {
        return DiscordTokens.applicationId(token.reveal()).orElse("?");
    }

    /**
     * The adapter's settings: the same values (the adapter's own timings), with the token revealed
     * to the library.
     */
    public DiscordSettings settings() {
        Optional<Long> guild =
                guildId.isPresent() ? Optional.of(guildId.getAsLong()) : Optional.empty();
        return new DiscordSettings(
                token.reveal(),
                apiUrl,
                guild,
                new DiscordSharding(shardCount.orElse(0), shardIndices),
                null,
                null,
                messageContent,
                DiscordSettings.DEFAULT_MAX_REST_REQUESTS_PER_SECOND);
    }
}
