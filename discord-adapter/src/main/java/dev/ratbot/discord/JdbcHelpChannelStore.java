package dev.ratbot.discord;

import dev.ratbot.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link HelpChannelStore} in the shared database (tables {@code discord_help_channels} and {@code
 * discord_auto_answers}, migration V20): every instance sees the same opted-in channels, and a post
 * is claimed by exactly one. Thread-safe.
 */
public final class JdbcHelpChannelStore implements HelpChannelStore {

    private final Database db;

    public JdbcHelpChannelStore(Database db) {
        this.db = db;
    }

    @Override
    public void optIn(HelpChannel channel, Instant at) {
        db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO discord_help_channels (channel_id, guild_id, kind, enabled_by, enabled_at)"
                                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, kind = excluded.kind,"
                                            + " enabled_by = excluded.enabled_by, enabled_at = excluded.enabled_at")) {
                        ps.setLong(1, channel.channelId());
                        ps.setLong(2, channel.guildId());
                        ps.setString(3, channel.kind().name());
                        ps.setLong(4, channel.enabledBy());
                        ps.setLong(5, at.toEpochMilli());
                        return ps.executeUpdate();
                    }
                });
    }

    @Override
    public boolean optOut(long guildId, long channelId) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM discord_help_channels WHERE guild_id = ? AND channel_id = ?")) {
                        ps.setLong(1, guildId);
                        ps.setLong(2, channelId);
                        return ps.executeUpdate() > 0;
                    }
                });
    }

    @Override
    public int optOutAll(long guildId) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM discord_help_channels WHERE guild_id = ?")) {
                        ps.setLong(1, guildId);
                        return ps.executeUpdate();
                    }
                });
    }

    @Override
    public List<HelpChannel> channels(long guildId) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT guild_id, channel_id, kind, enabled_by FROM discord_help_channels"
                                            + " WHERE guild_id = ? ORDER BY channel_id")) {
                        ps.setLong(1, guildId);
                        try (ResultSet rs = ps.executeQuery()) {
                            List<HelpChannel> out = new ArrayList<>();
                            while (rs.next()) out.add(read(rs));
                            return out;
                        }
                    }
                });
    }

    @Override
    public Optional<HelpChannel> find(long channelId) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT guild_id, channel_id, kind, enabled_by FROM discord_help_channels"
                                            + " WHERE channel_id = ?")) {
                        ps.setLong(1, channelId);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next()
                                    ? Optional.of(read(rs))
                                    : Optional.<HelpChannel>empty();
                        }
                    }
                });
    }

    @Override
    public boolean claimPost(long postId, long channelId, long guildId, Instant at) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO discord_auto_answers (post_id, channel_id, guild_id, claimed_at)"
                                            + " VALUES (?, ?, ?, ?) ON CONFLICT (post_id) DO NOTHING")) {
                        ps.setLong(1, postId);
                        ps.setLong(2, channelId);
                        ps.setLong(3, guildId);
                        ps.setLong(4, at.toEpochMilli());
                        return ps.executeUpdate() == 1;
                    }
                });
    }

    private static HelpChannel read(ResultSet rs) throws SQLException {
        return new HelpChannel(
                rs.getLong("guild_id"),
                rs.getLong("channel_id"),
                Kind.valueOf(rs.getString("kind")),
                rs.getLong("enabled_by"));
    }
}
