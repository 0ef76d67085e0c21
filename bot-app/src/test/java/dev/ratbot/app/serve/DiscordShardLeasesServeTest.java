package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeGatewaySession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three identical {@code serve} processes on one PostgreSQL database and the fake Discord, with 4
 * shards and no DISCORD_SHARD_INDICES: they share the shards by leases so that each shard is
 * connected exactly once; one holding shards is killed with SIGKILL, and within 30 s every shard is
 * connected exactly once again.
 */
class DiscordShardLeasesServeTest {

    private static final int SHARDS = 4;
    private static final Duration START = Duration.ofSeconds(120);
    private static final Pattern SHARD_EVENT =
            Pattern.compile("Discord: shard (\\d+) (?:of \\d+ )?(connected|disconnected)");

    @TempDir Path dir;

    @Test
    void threeInstancesRunEveryShardExactlyOnceAndTakeOverAKilledOnesShardsWithin30Seconds()
            throws Exception {
        String base = Postgres.url();
        String schema =
                "t_shards_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection admin = DriverManager.getConnection(base);
                Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        List<ServeProcess> serves = new ArrayList<>();
        try (FakeDiscord discord = new FakeDiscord()) {
            for (String name : List.of("a", "b", "c"))
                serves.add(
                        ServeProcess.start(
                                dir.resolve(name), env(url, discord, "instance-" + name), "serve"));
            for (ServeProcess p : serves) p.awaitReady(START);
            int[] most = awaitEveryShardOnce(discord, START);
            assertTrue(
                    maxOf(most) <= 1,
                    "never two connections for one shard: " + java.util.Arrays.toString(most));

            // The first instance up took every shard; as the others join, it gives back down to its
            // fair share.
            awaitFairShares(serves, Duration.ofSeconds(30));
            most = awaitEveryShardOnce(discord, Duration.ofSeconds(10));
            assertTrue(
                    maxOf(most) <= 1,
                    "never two connections for one shard: " + java.util.Arrays.toString(most));

            ServeProcess victim = null;
            for (ServeProcess p : serves) if (!held(p).isEmpty()) victim = p;
            if (victim == null) fail("no instance says it holds a shard");
            Set<Integer> orphaned = held(victim);
            victim.kill();
            long killed = System.nanoTime();
            awaitSomeShardDown(discord, Duration.ofSeconds(10));
            most = awaitEveryShardOnce(discord, Duration.ofSeconds(30));
            double seconds = (System.nanoTime() - killed) / 1e9;
            System.out.printf(
                    "shards %s of the killed instance connected again after %.1f s%n",
                    orphaned, seconds);
            assertTrue(
                    maxOf(most) <= 1,
                    "never two connections for one shard: " + java.util.Arrays.toString(most));
            assertTrue(seconds <= 30, "took " + seconds + " s");
        } finally {
            for (ServeProcess p : serves) p.close();
            try (Connection admin = DriverManager.getConnection(base);
                    Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static Map<String, String> env(String url, FakeDiscord discord, String instance) {
        return Map.of(
                "RATBOT_DB_URL",
                url,
                "RATBOT_OPS_PORT",
                "0",
                "RATBOT_INSTANCE_ID",
                instance,
                "DISCORD_BOT_TOKEN",
                FakeDiscord.TOKEN,
                "DISCORD_API_URL",
                discord.apiUrl(),
                "DISCORD_SHARDS",
                Integer.toString(SHARDS));
    }

    /** The shards a process says it holds now: connected and not disconnected since, by its log. */
    private static Set<Integer> held(ServeProcess p) {
        Set<Integer> held = new TreeSet<>();
        Matcher m = SHARD_EVENT.matcher(p.output());
        while (m.find()) {
            int shard = Integer.parseInt(m.group(1));
            if (m.group(2).equals("connected")) held.add(shard);
            else held.remove(shard);
        }
        return held;
    }

    /** Open, identified gateway connections per shard index. */
    private static Map<Integer, Integer> connections(FakeDiscord discord) {
        Map<Integer, Integer> count = new TreeMap<>();
        for (FakeGatewaySession s : discord.sessions()) {
            if (s.isOpen() && s.identify() != null) count.merge(s.shard(), 1, Integer::sum);
        }
        return count;
    }

    /**
     * Waits until each shard has exactly one connection; returns the most connections seen per
     * shard meanwhile.
     */
    private static int[] awaitEveryShardOnce(FakeDiscord discord, Duration timeout)
            throws InterruptedException {
        int[] most = new int[SHARDS];
        long end = System.nanoTime() + timeout.toNanos();
        Map<Integer, Integer> now = Map.of();
        while (System.nanoTime() < end) {
            now = connections(discord);
            for (var e : now.entrySet())
                if (e.getKey() < SHARDS)
                    most[e.getKey()] = Math.max(most[e.getKey()], e.getValue());
            if (now.size() == SHARDS && now.values().stream().allMatch(n -> n == 1)) {
                assertEquals(Set.of(0, 1, 2, 3), now.keySet());
                return most;
            }
            Thread.sleep(100);
        }
        fail("not every shard connected exactly once within " + timeout + ": " + now);
        return most;
    }

    private static void awaitFairShares(List<ServeProcess> serves, Duration timeout)
            throws InterruptedException {
        int share = (SHARDS + serves.size() - 1) / serves.size();
        long end = System.nanoTime() + timeout.toNanos();
        List<Set<Integer>> now = List.of();
        while (System.nanoTime() < end) {
            now = serves.stream().map(DiscordShardLeasesServeTest::held).toList();
            if (now.stream().allMatch(h -> h.size() <= share)
                    && now.stream().mapToInt(Set::size).sum() == SHARDS) return;
            Thread.sleep(200);
        }
        fail(
                "the instances did not spread the shards (at most "
                        + share
                        + " each) within "
                        + timeout
                        + ": "
                        + now
                        + shardLog(serves));
    }

    /**
     * What each instance logged about its shards and leases, so that a failure here can be read
     * without the processes' files, which the temporary directory takes with it.
     */
    private static String shardLog(List<ServeProcess> serves) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < serves.size(); i++) {
            out.append(String.format("%ninstance %d:", i));
            serves.get(i)
                    .output()
                    .lines()
                    .filter(l -> l.contains("Discord: shard") || l.contains("shard leases"))
                    .forEach(l -> out.append(String.format("%n  ")).append(l));
        }
        return out.toString();
    }

    private static void awaitSomeShardDown(FakeDiscord discord, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (connections(discord).size() < SHARDS) return;
            Thread.sleep(50);
        }
        fail("the killed instance's connections did not close");
    }

    private static int maxOf(int[] values) {
        int max = 0;
        for (int v : values) max = Math.max(max, v);
        return max;
    }
}
