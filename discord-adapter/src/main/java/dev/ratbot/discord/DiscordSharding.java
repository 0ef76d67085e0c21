package dev.ratbot.discord;

import discord4j.core.shard.ShardingStrategy;
import java.util.List;
import java.util.TreeSet;

/**
 * Which gateway shards this instance runs. {@code count} is the total number of shards of the bot (0 = the number
 * Discord recommends, asked at start); {@code indices} are the shards this instance connects (empty = all of
 * them). Instances of one bot must use the same count and disjoint indices that together cover 0..count-1;
 * direct messages always arrive on shard 0.
 */
public record DiscordSharding(int count, List<Integer> indices) {

    /** Every shard, as many as Discord recommends: right for a single instance. */
    public static final DiscordSharding AUTO = new DiscordSharding(0, List.of());

    public DiscordSharding {
        if (count < 0) throw new IllegalArgumentException("DISCORD_SHARDS must be 'auto' or a positive number");
        indices = List.copyOf(new TreeSet<>(indices));
        for (int index : indices) {
            if (index < 0) throw new IllegalArgumentException("DISCORD_SHARD_INDICES has a negative index: " + index);
            if (count > 0 && index >= count) {
                throw new IllegalArgumentException("DISCORD_SHARD_INDICES has " + index + ", but DISCORD_SHARDS is " + count
                        + " (indices run from 0 to " + (count - 1) + ")");
            }
        }
    }

    /** A fixed shard count, all shards on this instance. */
    public static DiscordSharding fixed(int count) {
        if (count < 1) throw new IllegalArgumentException("DISCORD_SHARDS must be 'auto' or a positive number");
        return new DiscordSharding(count, List.of());
    }

    /**
     * Parses the two settings: {@code shards} is "auto" (or blank) or a positive number; {@code indices} is blank
     * (all) or a comma-separated list of indices and ranges, e.g. "0,1" or "0-3,8".
     */
    public static DiscordSharding parse(String shards, String indices) {
        int count;
        String s = shards == null ? "" : shards.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("auto")) {
            count = 0;
        } else {
            try {
                count = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DISCORD_SHARDS must be 'auto' or a positive number, not '" + s + "'");
            }
            if (count < 1) throw new IllegalArgumentException("DISCORD_SHARDS must be 'auto' or a positive number, not '" + s + "'");
        }
        return new DiscordSharding(count, parseIndices(indices));
    }

    private static List<Integer> parseIndices(String raw) {
        TreeSet<Integer> out = new TreeSet<>();
        if (raw == null || raw.isBlank()) return List.of();
        for (String part : raw.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            try {
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).strip());
                    int to = Integer.parseInt(p.substring(dash + 1).strip());
                    if (to < from || to - from > 10_000) throw new NumberFormatException();
                    for (int i = from; i <= to; i++) out.add(i);
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DISCORD_SHARD_INDICES must list indices or ranges like '0,1' or '0-3', not '"
                        + p + "'");
            }
        }
        return List.copyOf(out);
    }

    boolean runsAllShards() {
        return indices.isEmpty();
    }

    ShardingStrategy strategy() {
        if (count > 0 && indices.isEmpty()) return ShardingStrategy.fixed(count);
        if (count == 0 && indices.isEmpty()) return ShardingStrategy.recommended();
        int[] chosen = indices.stream().mapToInt(Integer::intValue).toArray();
        // With a recommended count, indices beyond it are dropped by Discord4J: this instance then runs fewer shards.
        return ShardingStrategy.builder().count(count).indices(chosen).build();
    }

    @Override
    public String toString() {
        return (count == 0 ? "auto" : Integer.toString(count)) + " shard(s), running " + (indices.isEmpty() ? "all" : indices);
    }
}
