package dev.ratbot.discord;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory twin of {@link JdbcHelpChannelStore}: for tests and for a process without a
 * database.
 */
public final class InMemoryHelpChannelStore implements HelpChannelStore {

    private final Map<Long, HelpChannel> channels = new ConcurrentHashMap<>();
    private final Set<Long> claimed = new HashSet<>();

    @Override
    public void optIn(HelpChannel channel, Instant at) {
        channels.put(channel.channelId(), channel);
    }

    @Override
    public boolean optOut(long guildId, long channelId) {
        HelpChannel c = channels.get(channelId);
        return c != null && c.guildId() == guildId && channels.remove(channelId, c);
    }

    @Override
    public int optOutAll(long guildId) {
        int n = 0;
        for (HelpChannel c : List.copyOf(channels.values()))
            if (c.guildId() == guildId && channels.remove(c.channelId(), c)) n++;
        return n;
    }

    @Override
    public List<HelpChannel> channels(long guildId) {
        return channels.values().stream()
                .filter(c -> c.guildId() == guildId)
                .sorted(Comparator.comparingLong(HelpChannel::channelId))
                .toList();
    }

    @Override
    public Optional<HelpChannel> find(long channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    @Override
    public synchronized boolean claimPost(long postId, long channelId, long guildId, Instant at) {
        return claimed.add(postId);
    }
}
