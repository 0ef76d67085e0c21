package dev.ratbot.discord;

import discord4j.core.shard.ShardingStrategy;
import java.util.List;
import java.util.TreeSet;

/**
 * Which gateway shards this instance runs. {@code count} is the total number of shards of the bot
 * (0 = the number Discord recommends, asked at start); {@code indices} are the shards this instance
 * connects (empty = all of them). Instances of one bot must use the same count and disjoint indices
 * that together cover 0..count-1; direct messages always arrive on shard 0. The launcher's
 * configuration reader checks the settings these come from.
 */
public record DiscordSharding(int count, List<Integer> indices) {

    /** Every shard, as many as Discord recommends: right for a single instance. */
    public static final DiscordSharding AUTO = new DiscordSharding(0, List.of());

    public DiscordSharding {
        if (count < 0) throw new IllegalArgumentException("shard count < 0");
        indices = List.copyOf(new TreeSet<>(indices));
        for (int index : indices) {
            if (index < 0 || (count > 0 && index >= count))
                throw new IllegalArgumentException("shard " + index + " is not one of " + count);
        }
    }

    boolean runsAllShards() {
        return indices.isEmpty();
    }

    ShardingStrategy strategy() {
        if (count > 0 && indices.isEmpty()) return ShardingStrategy.fixed(count);
        if (count == 0 && indices.isEmpty()) return ShardingStrategy.recommended();
        int[] chosen = indices.stream().mapToInt(Integer::intValue).toArray();
        // With a recommended count, indices beyond it are dropped by Discord4J: this instance then
        // runs fewer shards.
        return ShardingStrategy.builder().count(count).indices(chosen).build();
    }

    @Override
    public String toString() {
        return (count == 0 ? "auto" : Integer.toString(count))
                + " shard(s), running "
                + (indices.isEmpty() ? "all" : indices);
    }
}
