package dev.ratbot.discord;

import dev.ratbot.conversation.Rights;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import discord4j.discordjson.json.DMCreateRequest;
import discord4j.rest.RestClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Core addresses and rights for Discord places: server channels, direct-message channels, member
 * permissions.
 */
final class DiscordPlaces {

    static final long ADMINISTRATOR = 1L << 3;
    static final long MANAGE_GUILD = 1L << 5;
    private static final Duration REST_WAIT = Duration.ofSeconds(10);

    private DiscordPlaces() {}

    static Address serverChannel(long channelId, long guildId) {
        return new Address(
                Platform.DISCORD,
                Long.toUnsignedString(channelId),
                Optional.empty(),
                Optional.of(Long.toUnsignedString(guildId)),
                true);
    }

    static Address directChannel(long channelId) {
        return Address.direct(Platform.DISCORD, Long.toUnsignedString(channelId));
    }

    /** The channel where something happened: a server channel when there is a guild, else a DM. */
    static Address channel(long channelId, Optional<Long> guildId) {
        return guildId.map(g -> serverChannel(channelId, g))
                .orElseGet(() -> directChannel(channelId));
    }

    /**
     * The user's direct-message channel with the bot, created (or found: Discord returns the
     * existing one) over REST.
     */
    static Address userDm(RestClient rest, long userId) {
        var channel =
                rest.getUserService()
                        .createDM(
                                DMCreateRequest.builder()
                                        .recipientId(Long.toUnsignedString(userId))
                                        .build())
                        .block(REST_WAIT);
        if (channel == null) throw new IllegalStateException("Discord returned no DM channel");
        return directChannel(channel.id().asLong());
    }

    /**
     * Whether a member with these permission bits (an interaction's {@code member.permissions}) may
     * manage the server's settings: Manage Server, or Administrator which implies it.
     */
    static boolean canManage(Optional<String> permissions) {
        if (permissions.isEmpty()) return false;
        try {
            long bits = Long.parseUnsignedLong(permissions.get().strip());
            return (bits & (MANAGE_GUILD | ADMINISTRATOR)) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Rights rights(boolean canManage) {
        return () -> canManage;
    }
}
