package dev.ratbot.app.serve;

import dev.ratbot.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets identical instances on PostgreSQL share the Discord gateway shards by themselves, as leases
 * in the database (tables {@code discord_shard_leases} and {@code discord_shard_members}, migration
 * V21): every few seconds each instance renews its leases and its membership, works out its fair
 * share (the shard count divided by the live instances, rounded up), gives back shards above it and
 * claims free or expired ones up to it. A shard is connected only while its lease is held: given
 * back only after its disconnect is confirmed (an unconfirmed one keeps its lease and is asked
 * again at the next step, so a slow logout never lets two instances hold one shard), and dropped by
 * an instance that cannot renew before its lease runs out. An instance killed with {@code kill -9}
 * stops renewing; its leases expire after {@code ttl} and the others take its shards over at their
 * next step.
 *
 * <p>Expiry is reckoned on the database's clock. {@link #step()} is one round; {@link #start()}
 * runs it periodically. Thread-safe.
 */
public final class DiscordShardLeases implements AutoCloseable {

    /** What the leases drive: the Discord adapter's shard connections. */
    public interface Shards {
        void connect(int index, int count);

        /**
         * @return true when the shard is closed; false when its closing is not confirmed yet (the
         *     connection may still be open; it is asked again)
         */
        boolean disconnect(int index);
    }

    private static final Logger log = LoggerFactory.getLogger(DiscordShardLeases.class);
    private static final String NOW =
            "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";

    private final Database db;
    private final String owner;
    private final int count;
    private final Shards shards;
    private final Duration ttl;
    private final Duration every;
    private final Set<Integer> held = new TreeSet<>();

    /**
     * Shards given up whose disconnect is not confirmed: their leases are kept and renewed with the
     * others until it is, so that no other instance connects them meanwhile.
     */
    private final Set<Integer> closing = new TreeSet<>();

    private long heldUntilNanos;
    private ScheduledExecutorService timer;
    private boolean closed;
    private boolean warned;

    /**
     * @param owner this instance's unique name (RATBOT_INSTANCE_ID)
     * @param ttl how long a lease lives without renewal: how long the shards of a dead instance
     *     wait
     * @param every how often leases are renewed and claimed (well below {@code ttl})
     */
    public DiscordShardLeases(
            Database db, String owner, int count, Shards shards, Duration ttl, Duration every) {
        this.db = Objects.requireNonNull(db, "db");
        this.owner = Objects.requireNonNull(owner, "owner");
        if (count < 1) throw new IllegalArgumentException("count < 1");
        this.count = count;
        this.shards = Objects.requireNonNull(shards, "shards");
        if (every.multipliedBy(3).compareTo(ttl) > 0)
            throw new IllegalArgumentException("renew at least three times per lease");
        this.ttl = ttl;
        this.every = every;
    }

    public synchronized void start() {
        if (timer != null) throw new IllegalStateException("already started");
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "discord-shard-leases");
                            t.setDaemon(true);
                            return t;
                        });
        var unused =
                timer.scheduleWithFixedDelay(
                        this::stepQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The shards this instance holds and has connected. */
    public synchronized Set<Integer> held() {
        return Set.copyOf(held);
    }

    /**
     * One round: renew, give back above the fair share, claim up to it, connect and disconnect
     * accordingly.
     */
    public synchronized void step() {
        if (closed) return;
        long started = System.nanoTime();
        Plan plan;
        try {
            plan = db.inTransaction(this::plan);
            warned = false;
        } catch (RuntimeException e) {
            if (!warned)
                log.warn(
                        "Discord shard leases: cannot reach the database ({}); keeping shards until their leases run out",
                        firstLine(e));
            warned = true;
            if (!held.isEmpty() && System.nanoTime() - heldUntilNanos > 0) {
                log.warn(
                        "Discord shard leases: leases ran out unrenewed; disconnecting shards {}",
                        held);
                for (int index : List.copyOf(held)) disconnect(index);
            }
            // Not given back: the database is out of reach. Retried with the next plan.
            return;
        }
        // A little less than the ttl, measured from before the renewal was sent.
        heldUntilNanos = started + ttl.minus(every).toNanos();
        for (int index : plan.giveBack()) giveBack(index);
        for (int index : plan.claimed()) {
            try {
                shards.connect(index, count);
                held.add(index);
            } catch (RuntimeException e) {
                log.warn(
                        "Discord shard leases: shard {} did not connect ({}); giving its lease back",
                        index,
                        firstLine(e));
                db.inTransaction(c -> delete(c, index));
            }
        }
    }

    private record Plan(List<Integer> claimed, List<Integer> giveBack) {}

    private Plan plan(Connection c) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO discord_shard_members (owner, expires_at) VALUES (?, "
                                + NOW
                                + " + ?) ON CONFLICT (owner) DO UPDATE SET expires_at = excluded.expires_at")) {
            ps.setString(1, owner);
            ps.setLong(2, ttl.toMillis());
            ps.executeUpdate();
        }
        Set<Integer> mine = new TreeSet<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE discord_shard_leases SET expires_at = "
                                + NOW
                                + " + ? WHERE owner = ?"
                                + " RETURNING shard_index")) {
            ps.setLong(1, ttl.toMillis());
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) mine.add(rs.getInt(1));
            }
        }
        // A shard the database no longer gives this instance (it expired and was taken) must not
        // stay connected.
        List<Integer> giveBack = new ArrayList<>();
        for (int index : held) if (!mine.contains(index)) giveBack.add(index);
        // Asked again until they are closed, whether their leases are still this instance's or not.
        giveBack.addAll(closing);
        int live;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT count(*) FROM discord_shard_members WHERE expires_at > " + NOW)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                live = Math.max(1, rs.getInt(1));
            }
        }
        int share = (count + live - 1) / live;
        List<Integer> claimed = new ArrayList<>();
        List<Integer> keep = new ArrayList<>(mine);
        keep.removeAll(closing);
        while (keep.size() > share) giveBack.add(keep.removeLast());
        for (int index = 0; index < count && keep.size() + claimed.size() < share; index++) {
            if (mine.contains(index) || closing.contains(index)) continue;
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "INSERT INTO discord_shard_leases (shard_index, owner, expires_at) VALUES (?, ?, "
                                    + NOW
                                    + " + ?) ON CONFLICT (shard_index) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at"
                                    + " WHERE discord_shard_leases.expires_at < "
                                    + NOW)) {
                ps.setInt(1, index);
                ps.setString(2, owner);
                ps.setLong(3, ttl.toMillis());
                if (ps.executeUpdate() == 1) claimed.add(index);
            }
        }
        // Held and still leased but not yet connected (a failed connect is given back above):
        // connect now.
        for (int index : keep) if (!held.contains(index)) claimed.add(index);
        return new Plan(claimed, giveBack);
    }

    private Object delete(Connection c, int index) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "DELETE FROM discord_shard_leases WHERE shard_index = ? AND owner = ?")) {
            ps.setInt(1, index);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
        return null;
    }

    /** Disconnects a shard and gives its lease back once its disconnect is confirmed. */
    private void giveBack(int index) {
        if (disconnect(index)) db.inTransaction(c -> delete(c, index));
    }

    /** Whether the shard is closed; an unconfirmed one is kept in {@link #closing}. */
    private boolean disconnect(int index) {
        held.remove(index);
        if (shards.disconnect(index)) {
            closing.remove(index);
            return true;
        }
        if (closing.add(index))
            log.warn(
                    "Discord shard leases: shard {} is not confirmed closed; keeping its lease until it is",
                    index);
        return false;
    }

    private void stepQuietly() {
        try {
            step();
        } catch (RuntimeException e) {
            log.warn("Discord shard leases: step failed: {}", firstLine(e));
        }
    }

    /**
     * Stops stepping, disconnects every held shard and gives the leases and the membership back at
     * once.
     */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdown();
            try {
                t.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (closed) return;
            closed = true;
            for (int index : List.copyOf(closing)) disconnect(index);
            for (int index : List.copyOf(held)) disconnect(index);
            try {
                db.inTransaction(
                        c -> {
                            // A shard still closing keeps its lease, which runs out by itself.
                            try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "DELETE FROM discord_shard_leases WHERE owner = ?"
                                                    + " AND NOT shard_index = ANY (?)")) {
                                ps.setString(1, owner);
                                ps.setArray(2, c.createArrayOf("integer", closing.toArray()));
                                ps.executeUpdate();
                            }
                            try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "DELETE FROM discord_shard_members WHERE owner = ?")) {
                                ps.setString(1, owner);
                                ps.executeUpdate();
                            }
                            return null;
                        });
            } catch (RuntimeException e) {
                log.info(
                        "Discord shard leases: could not give the leases back ({}); they expire by themselves",
                        firstLine(e));
            }
        }
    }

    private static String firstLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
