package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On real PostgreSQL: exactly one holder, and another takes over when the holder's session dies.
 */
class LeaderLockTest {

    private String url;
    private final String job = "test-job:" + UUID.randomUUID();

    @BeforeEach
    void postgres() {
        url = Postgres.url();
    }

    /** A lock whose connections remember their backend pid, so the test can kill the session. */
    private final class Instance implements LeaderLock.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger pid = new AtomicInteger();
        final CountDownLatch acquired = new CountDownLatch(1);
        final LeaderLock lock =
                new LeaderLock(
                        job,
                        () -> {
                            Connection c = DriverManager.getConnection(url);
                            try (Statement s = c.createStatement();
                                    ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                                rs.next();
                                pid.set(rs.getInt(1));
                            }
                            return c;
                        },
                        this);

        @Override
        public void acquired() {
            events.add("acquired");
            acquired.countDown();
        }

        @Override
        public void lost() {
            events.add("lost");
        }

        /** What kill -9 of the process, or a cut network, does to the lock's session. */
        void killSession() throws SQLException {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + pid.get() + ")");
                // pg_terminate_backend only signals: the session (and its locks) ends a moment
                // later. Wait for that,
                // as a dead process's session would be gone by the time anyone looks.
                long end = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < end) {
                    try (ResultSet rs =
                            s.executeQuery(
                                    "SELECT count(*) FROM pg_stat_activity WHERE pid = "
                                            + pid.get())) {
                        rs.next();
                        if (rs.getLong(1) == 0) break;
                    }
                    Thread.onSpinWait();
                }
            }
        }
    }

    @Test
    void oneHolderAndTakeOverWhenTheHolderSessionDies() throws Exception {
        Instance a = new Instance();
        Instance b = new Instance();
        try {
            assertTrue(a.lock.poll());
            assertFalse(b.lock.poll());
            assertFalse(b.lock.poll());
            assertTrue(a.lock.poll(), "the holder keeps it");
            assertEquals(LeaderLock.Role.HOLDER, a.lock.role());
            assertEquals(
                    LeaderLock.Role.STANDBY,
                    b.lock.role(),
                    "b knows that another instance holds it");
            assertEquals(List.of("acquired"), a.events);
            assertEquals(List.of(), b.events);

            a.killSession();
            assertTrue(b.lock.poll(), "the other instance takes over");
            assertFalse(a.lock.poll(), "the old holder notices");
            assertEquals(List.of("acquired", "lost"), a.events);
            assertEquals(List.of("acquired"), b.events);
            assertFalse(a.lock.poll(), "and does not take it back while b holds it");

            b.lock.close();
            assertEquals(List.of("acquired", "lost"), b.events);
            assertTrue(a.lock.poll(), "a clean close frees the lock at once");
        } finally {
            a.lock.close();
            b.lock.close();
        }
    }

    @Test
    void aHolderThatCannotStartGivesTheLockBack() throws Exception {
        LeaderLock failing =
                new LeaderLock(
                        job,
                        () -> DriverManager.getConnection(url),
                        new LeaderLock.Listener() {
                            @Override
                            public void acquired() {
                                throw new IllegalStateException("Telegram unreachable");
                            }

                            @Override
                            public void lost() {}
                        });
        Instance healthy = new Instance();
        try {
            assertFalse(failing.poll());
            assertEquals(
                    LeaderLock.Role.UNKNOWN,
                    failing.role(),
                    "it does not run the job, and no one else is known to");
            assertTrue(healthy.lock.poll());
        } finally {
            failing.close();
            healthy.lock.close();
        }
    }

    @Test
    void differentJobsDoNotExcludeEachOther() {
        LeaderLock one =
                new LeaderLock(job + "-1", () -> DriverManager.getConnection(url), new Instance());
        LeaderLock two =
                new LeaderLock(job + "-2", () -> DriverManager.getConnection(url), new Instance());
        try {
            assertTrue(one.poll());
            assertTrue(two.poll());
        } finally {
            one.close();
            two.close();
        }
    }

    @Test
    void unreachableDatabaseMeansNotHoldingAndRetriesLater() {
        Instance later = new Instance();
        AtomicInteger attempts = new AtomicInteger();
        LeaderLock lock =
                new LeaderLock(
                        job,
                        () -> {
                            if (attempts.incrementAndGet() == 1)
                                throw new SQLException("Connection refused");
                            return DriverManager.getConnection(url);
                        },
                        later);
        try {
            assertFalse(lock.poll());
            assertEquals(
                    LeaderLock.Role.UNKNOWN,
                    lock.role(),
                    "not standby: whether anyone holds it is not known");
            assertTrue(lock.poll());
            assertEquals(LeaderLock.Role.HOLDER, lock.role());
            assertEquals(List.of("acquired"), later.events);
        } finally {
            lock.close();
        }
    }

    @Test
    void periodicPollingTakesOverWithoutHelp() throws Exception {
        Instance a = new Instance();
        Instance b = new Instance();
        try {
            a.lock.start(Duration.ofMillis(50));
            assertTrue(a.acquired.await(10, TimeUnit.SECONDS));
            b.lock.start(Duration.ofMillis(50));
            a.killSession();
            assertTrue(
                    b.acquired.await(10, TimeUnit.SECONDS), "b took over after a's session died");
        } finally {
            a.lock.close();
            b.lock.close();
        }
    }
}
