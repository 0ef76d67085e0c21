package dev.ratbot.app.serve;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes exactly one of several instances the holder of a job (Telegram long polling), with a
 * PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock}) on a dedicated connection
 * outside the pool. The holder keeps the lock as long as its session lives; when the process dies
 * or its connection is cut, PostgreSQL ends the session and frees the lock, and another instance's
 * next {@link #poll()} takes it over.
 *
 * <p>{@link #poll()} does one step (try to take the lock, or check that the held session is alive)
 * and calls the {@link Listener}; {@link #start(Duration)} runs it periodically on its own thread.
 * A listener whose {@code acquired} throws gives the lock back, so that a healthier instance can
 * take the job. Thread-safe.
 */
public final class LeaderLock implements AutoCloseable {

    /**
     * Opens a new connection for the lock's own session (never one from a pool, which may hand
     * sessions around).
     */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** Told when this instance becomes, or stops being, the holder. Called on the lock's thread. */
    public interface Listener {
        void acquired();

        void lost();
    }

    /** What the last {@link #poll()} found out. */
    public enum Role {
        /** Not polled yet. */
        UNASKED,
        /** This instance holds the lock and runs the job. */
        HOLDER,
        /** Another instance holds the lock: it runs the job. */
        STANDBY,
        /**
         * Not known: the database could not be asked (or this instance could not start the job and
         * gave it back).
         */
        UNKNOWN
    }

    private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final String name;
    private final long key;
    private final ConnectionSource connections;
    private final Listener listener;
    private ScheduledExecutorService timer;
    private Connection connection;
    private boolean holding;
    private Role role = Role.UNASKED;
    private boolean closed;
    private boolean warnedUnreachable;

    /**
     * @param name the job's name for logs and the lock key, e.g. "telegram-polling:123456";
     *     instances that share a job use the same name
     */
    public LeaderLock(String name, ConnectionSource connections, Listener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.key = keyOf(name);
        this.connections = Objects.requireNonNull(connections, "connections");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Polls now and then every {@code interval} until closed. */
    public synchronized void start(Duration interval) {
        if (timer != null) throw new IllegalStateException("already started");
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "leader-lock-" + name);
                            t.setDaemon(true);
                            return t;
                        });
        var unused =
                timer.scheduleWithFixedDelay(
                        this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True while this instance holds the lock (as of the last poll). */
    public synchronized boolean holding() {
        return holding;
    }

    /**
     * Whether this instance runs the job, another one does, or that is not known (as of the last
     * poll).
     */
    public synchronized Role role() {
        return role;
    }

    /**
     * One step: when holding, checks that the lock's session is alive (and tells the listener
     * {@code lost} when it is not); when not holding, tries to take the lock (and tells the
     * listener {@code acquired}). Returns whether this instance holds the lock afterwards.
     */
    public synchronized boolean poll() {
        if (closed) return false;
        if (holding) {
            if (alive()) return true;
            log.warn(
                    "lost the {} lock (database session ended); another instance may take over",
                    name);
            holding = false;
            role = Role.UNKNOWN;
            closeConnection();
            notifyLost();
            return false;
        }
        if (!tryLock()) return false;
        holding = true;
        role = Role.HOLDER;
        log.info("took the {} lock: this instance runs it", name);
        try {
            listener.acquired();
        } catch (RuntimeException e) {
            log.warn(
                    "could not start {} after taking its lock ({}); giving the lock back",
                    name,
                    e.getMessage());
            release();
            role = Role.UNKNOWN;
        }
        return holding;
    }

    /**
     * Stops polling, tells the listener {@code lost} if holding, then frees the lock and its
     * connection.
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
            if (holding) {
                notifyLost();
                release();
            }
            closed = true;
            closeConnection();
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("{} lock check failed: {}", name, e.toString());
        }
    }

    private boolean tryLock() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = connections.open();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement s =
                    connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    warnedUnreachable = false;
                    boolean taken = rs.next() && rs.getBoolean(1);
                    if (!taken) role = Role.STANDBY;
                    return taken;
                }
            }
        } catch (SQLException e) {
            if (!warnedUnreachable) log.warn("cannot try the {} lock: {}", name, firstLine(e));
            warnedUnreachable = true;
            role = Role.UNKNOWN;
            closeConnection();
            return false;
        }
    }

    private boolean alive() {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void release() {
        holding = false;
        if (connection == null) return;
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            s.setLong(1, key);
            s.execute();
        } catch (SQLException e) {
            // Closing the session below frees the lock anyway.
            closeConnection();
        }
    }

    private void notifyLost() {
        try {
            listener.lost();
        } catch (RuntimeException e) {
            log.warn("stopping {} failed: {}", name, e.getMessage());
        }
    }

    private void closeConnection() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the {} lock connection: {}", name, e.getMessage());
        }
        connection = null;
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /**
     * A stable 64-bit key from the name (FNV-1a), so different bots sharing one database do not
     * collide.
     */
    static long keyOf(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : ("ratbot:" + name).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
