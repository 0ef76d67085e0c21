package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shard leases on PostgreSQL, stepped by hand with recording shards in place of Discord: fair
 * shares, giving back before another connects, keeping the lease of a shard whose disconnect is not
 * confirmed, taking over from an instance that stopped renewing, and handing back at once on close.
 */
class DiscordShardLeasesTest {

    private static final Duration TTL = Duration.ofMillis(1500), EVERY = Duration.ofMillis(300);

    /**
     * Records connects and disconnects; fails the test if a shard is connected twice here. A shard
     * in {@code slow} does not confirm its disconnect: it stays connected, as a gateway logout that
     * times out may.
     */
    static final class Recorder implements DiscordShardLeases.Shards {
        final Set<Integer> connected = new TreeSet<>();
        final Set<Integer> slow = new TreeSet<>();
        final List<String> events = new ArrayList<>();

        @Override
        public synchronized void connect(int index, int count) {
            assertEquals(4, count);
            assertTrue(connected.add(index), "connected twice: " + index);
            events.add("+" + index);
        }

        @Override
        public synchronized boolean disconnect(int index) {
            if (slow.contains(index)) {
                events.add("?" + index);
                return false;
            }
            connected.remove(index);
            events.add("-" + index);
            return true;
        }
    }

    private Database db;
    private String schema;

    @BeforeEach
    void open() {
        db = TestDatabases.postgres("shard_leases");
        schema = TestDatabases.schemaOf(db);
    }

    @AfterEach
    void drop() {
        if (db == null) return;
        db.close();
        TestDatabases.dropSchema(schema);
    }

    private DiscordShardLeases leases(String owner, Recorder shards) {
        return new DiscordShardLeases(db, owner, 4, shards, TTL, EVERY);
    }

    @Test
    void theFirstTakesAllAndGivesBackDownToItsFairShareAsOthersJoin() {
        Recorder a = new Recorder(), b = new Recorder();
        DiscordShardLeases first = leases("a", a), second = leases("b", b);
        first.step();
        assertEquals(Set.of(0, 1, 2, 3), a.connected);
        second.step(); // joins; every shard is taken
        assertEquals(Set.of(), b.connected);
        first.step(); // two live instances: a keeps two
        assertEquals(Set.of(0, 1), a.connected);
        assertEquals(
                List.of("+0", "+1", "+2", "+3", "-3", "-2"),
                a.events,
                "disconnected before the lease is given back");
        second.step();
        assertEquals(Set.of(2, 3), b.connected);
        first.step();
        second.step();
        assertEquals(Set.of(0, 1), a.connected, "stable once shared");
        assertEquals(Set.of(2, 3), b.connected);
    }

    @Test
    void aShardWhoseDisconnectIsNotConfirmedKeepsItsLeaseUntilItIs() {
        Recorder a = new Recorder(), b = new Recorder();
        DiscordShardLeases first = leases("a", a), second = leases("b", b);
        first.step();
        second.step();
        a.slow.add(3);
        first.step(); // gives back 3 and 2; 3 does not confirm
        assertEquals(Set.of(0, 1, 3), a.connected);
        second.step();
        assertEquals(Set.of(2), b.connected, "3 is still a's: its connection may be open");
        first.step(); // asks again: still not closed
        second.step();
        assertEquals(Set.of(2), b.connected);
        a.slow.clear();
        first.step(); // closed at last: the lease goes back
        assertEquals(Set.of(0, 1), a.connected);
        second.step();
        assertEquals(Set.of(2, 3), b.connected);
        assertEquals(List.of("+0", "+1", "+2", "+3", "?3", "-2", "?3", "-3"), a.events);
    }

    @Test
    void closingKeepsTheLeaseOfAShardNotConfirmedClosed() {
        Recorder a = new Recorder(), b = new Recorder();
        DiscordShardLeases leaving = leases("a", a), staying = leases("b", b);
        leaving.step();
        staying.step();
        a.slow.add(1);
        leaving.close();
        assertEquals(Set.of(1), a.connected);
        staying.step();
        assertEquals(Set.of(0, 2, 3), b.connected, "1 waits for its lease to run out");
    }

    @Test
    void anInstanceThatStopsRenewingLosesItsShardsToTheOthersAfterTheLease() throws Exception {
        Recorder a = new Recorder(), b = new Recorder();
        DiscordShardLeases dead = leases("a", a), survivor = leases("b", b);
        dead.step();
        survivor.step();
        dead.step();
        survivor.step();
        assertEquals(Set.of(2, 3), b.connected);
        // 'a' is killed: it never steps again. Before its leases run out, nothing moves.
        survivor.step();
        assertEquals(Set.of(2, 3), b.connected);
        Thread.sleep(TTL.toMillis() + 200);
        survivor.step();
        assertEquals(Set.of(0, 1, 2, 3), b.connected);
    }

    @Test
    void closingHandsTheShardsBackAtOnce() {
        Recorder a = new Recorder(), b = new Recorder();
        DiscordShardLeases leaving = leases("a", a), staying = leases("b", b);
        leaving.step();
        staying.step();
        leaving.close();
        assertEquals(Set.of(), a.connected);
        staying.step();
        assertEquals(Set.of(0, 1, 2, 3), b.connected, "no wait for expiry");
        Set<Integer> all = new HashSet<>(b.connected);
        assertEquals(4, all.size());
    }
}
