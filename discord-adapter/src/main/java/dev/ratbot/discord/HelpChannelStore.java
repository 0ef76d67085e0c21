package dev.ratbot.discord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The help channels that answer themselves ({@code /autoanswer}) and the posts already considered
 * there. Implementations: {@link InMemoryHelpChannelStore} and {@link JdbcHelpChannelStore}
 * (SQLite, PostgreSQL), which pass the same contract tests.
 */
public interface HelpChannelStore {

    /** A forum (each post is a thread) or a text channel (each top-level message is a post). */
    enum Kind {
        FORUM,
        TEXT
    }

    record HelpChannel(long guildId, long channelId, Kind kind, long enabledBy) {}

    /** Opts a channel in, or updates it (kind, who); one row per channel. */
    void optIn(HelpChannel channel, Instant at);

    /** Opts one channel of a server out; false when it was not opted in. */
    boolean optOut(long guildId, long channelId);

    /** Opts every channel of a server out; returns how many were. */
    int optOutAll(long guildId);

    /** The server's opted-in channels, by channel id. */
    List<HelpChannel> channels(long guildId);

    Optional<HelpChannel> find(long channelId);

    /**
     * Claims a post for an auto-answer: true for the first claim only (across instances sharing the
     * store).
     */
    boolean claimPost(long postId, long channelId, long guildId, Instant at);
}
