package dev.ratbot.discord;

import discord4j.discordjson.Id;
import discord4j.discordjson.json.ChannelData;
import discord4j.discordjson.json.GuildUpdateData;
import discord4j.discordjson.json.MemberData;
import discord4j.discordjson.json.OverwriteData;
import discord4j.discordjson.json.RoleData;
import discord4j.rest.RestClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's own effective permissions in a channel, computed as Discord does (server owner, then
 * the roles' permissions with Administrator implying all, then the channel's overwrites
 * for @everyone, the bot's roles and the bot itself; a thread takes its parent's), from the server,
 * the bot's member and the channel over REST. Used before something is set up to post somewhere
 * (/tips channel, /autoanswer) and before an auto-answer, so a missing permission is named up front
 * instead of failing later. Results are kept for a minute.
 */
final class BotPermissions {

    static final long VIEW_CHANNEL = 1L << 10,
            SEND_MESSAGES = 1L << 11,
            EMBED_LINKS = 1L << 14,
            READ_MESSAGE_HISTORY = 1L << 16,
            ADMINISTRATOR = 1L << 3,
            SEND_MESSAGES_IN_THREADS = 1L << 38;
    static final int TEXT = 0,
            ANNOUNCEMENT = 5,
            ANNOUNCEMENT_THREAD = 10,
            PUBLIC_THREAD = 11,
            PRIVATE_THREAD = 12,
            FORUM = 15;
    private static final long ALL = -1L;
    private static final Duration REST_WAIT = Duration.ofSeconds(10);
    private static final Duration KEEP = Duration.ofMinutes(1);

    /** A channel as far as posting there is concerned. */
    record ChannelFacts(
            long id,
            int type,
            String name,
            Optional<Long> parentId,
            int slowmodeSeconds,
            long botPermissions) {
        boolean isThread() {
            return type == ANNOUNCEMENT_THREAD || type == PUBLIC_THREAD || type == PRIVATE_THREAD;
        }

        boolean isForum() {
            return type == FORUM;
        }

        /**
         * The permissions the bot needs to post a daily tip or an answer here, with the names
         * Discord shows.
         */
        Map<Long, String> needed() {
            Map<Long, String> needed = new LinkedHashMap<>();
            needed.put(VIEW_CHANNEL, "View Channel");
            if (isThread()) needed.put(SEND_MESSAGES_IN_THREADS, "Send Messages in Threads");
            else if (isForum()) {
                needed.put(SEND_MESSAGES, "Create Posts");
                needed.put(SEND_MESSAGES_IN_THREADS, "Send Messages in Threads");
            } else needed.put(SEND_MESSAGES, "Send Messages");
            needed.put(EMBED_LINKS, "Embed Links");
            return needed;
        }

        /**
         * The names of the needed permissions the bot lacks, in Discord's order; empty when it may
         * post.
         */
        List<String> missing() {
            return missing(needed());
        }

        /**
         * To answer every post of a help channel: in a forum, inside each post's thread; elsewhere,
         * as a reply.
         */
        List<String> missingToAnswer() {
            Map<Long, String> needed = new LinkedHashMap<>();
            needed.put(VIEW_CHANNEL, "View Channel");
            needed.put(
                    isForum() || isThread() ? SEND_MESSAGES_IN_THREADS : SEND_MESSAGES,
                    isForum() || isThread() ? "Send Messages in Threads" : "Send Messages");
            needed.put(EMBED_LINKS, "Embed Links");
            needed.put(READ_MESSAGE_HISTORY, "Read Message History");
            return missing(needed);
        }

        private List<String> missing(Map<Long, String> needed) {
            List<String> missing = new ArrayList<>();
            needed.forEach(
                    (bit, name) -> {
                        if ((botPermissions & bit) == 0) missing.add(name);
                    });
            return missing;
        }
    }

    private record Kept(ChannelFacts facts, Instant until) {}

    private final RestClient rest;
    private final long botId;
    private final Clock clock;
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

    BotPermissions(RestClient rest, long botId, Clock clock) {
        this.rest = rest;
        this.botId = botId;
        this.clock = clock;
    }

    /**
     * The channel's facts, fresh from Discord (and kept for a minute); throws when Discord refuses
     * to say.
     */
    ChannelFacts fresh(long guildId, long channelId) {
        ChannelFacts facts = compute(guildId, channelId);
        kept.put(channelId, new Kept(facts, clock.instant().plus(KEEP)));
        return facts;
    }

    /** The channel's facts, from the last minute if known. */
    ChannelFacts of(long guildId, long channelId) {
        Kept k = kept.get(channelId);
        if (k != null && clock.instant().isBefore(k.until())) return k.facts();
        return fresh(guildId, channelId);
    }

    void forget(long channelId) {
        kept.remove(channelId);
    }

    private ChannelFacts compute(long guildId, long channelId) {
        ChannelData channel = rest.getChannelService().getChannel(channelId).block(REST_WAIT);
        if (channel == null) throw new IllegalStateException("Discord returned no channel");
        Optional<Long> parent = channel.parentId().toOptional().flatMap(p -> p).map(Id::asLong);
        ChannelData overwritesFrom = channel;
        boolean thread =
                channel.type() == ANNOUNCEMENT_THREAD
                        || channel.type() == PUBLIC_THREAD
                        || channel.type() == PRIVATE_THREAD;
        if (thread && parent.isPresent())
            overwritesFrom = rest.getChannelService().getChannel(parent.get()).block(REST_WAIT);
        GuildUpdateData guild = rest.getGuildService().getGuild(guildId).block(REST_WAIT);
        MemberData self = rest.getGuildService().getGuildMember(guildId, botId).block(REST_WAIT);
        if (guild == null || self == null || overwritesFrom == null)
            throw new IllegalStateException("Discord returned no server data");
        long permissions =
                effective(
                        guildId,
                        guild.ownerId().asLong(),
                        guild.roles(),
                        self.roles().stream().map(Id::asLong).toList(),
                        overwritesFrom.permissionOverwrites().toOptional().orElse(List.of()));
        return new ChannelFacts(
                channelId,
                channel.type(),
                channel.name().toOptional().orElse(""),
                parent,
                channel.rateLimitPerUser().toOptional().orElse(0),
                permissions);
    }

    /**
     * Discord's permission arithmetic for the bot (see the developer docs, "Permission
     * Overwrites").
     */
    long effective(
            long guildId,
            long ownerId,
            List<RoleData> roles,
            List<Long> botRoles,
            List<OverwriteData> overwrites) {
        if (ownerId == botId) return ALL;
        Set<Long> mine = Set.copyOf(botRoles);
        long base = 0;
        for (RoleData role : roles) {
            long id = role.id().asLong();
            if (id == guildId || mine.contains(id)) base |= role.permissions();
        }
        if ((base & ADMINISTRATOR) != 0) return ALL;
        long perms = base;
        for (OverwriteData o : overwrites) {
            if (o.id().asLong() == guildId) perms = (perms & ~o.deny()) | o.allow();
        }
        long allow = 0, deny = 0;
        for (OverwriteData o : overwrites) {
            if (o.type() == 0 && mine.contains(o.id().asLong())) {
                allow |= o.allow();
                deny |= o.deny();
            }
        }
        perms = (perms & ~deny) | allow;
        for (OverwriteData o : overwrites) {
            if (o.type() == 1 && o.id().asLong() == botId) perms = (perms & ~o.deny()) | o.allow();
        }
        return perms;
    }
}
