package dev.ratbot.store;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store can be relied on right now, as the last operations found it: fine, or degraded
 * because it is unreachable, full (disk or size limit), or failing otherwise. Answers never wait on
 * the store, so a degraded store is something to report ({@code /readyz}, one log line) and to
 * route around (commands that need it fail at once with a friendly word instead of waiting for a
 * connection), not a reason to stop.
 *
 * <p>Who says what: every failure of the store's own (not of a statement) that the {@link Database}
 * sees marks it degraded, and every connection it hands out proves it reachable, which clears
 * "unreachable" only. "Full" and "failing" are cleared by a writer that inserted ({@link #wrote}):
 * on a full disk reads and small updates still work, and would otherwise make the state flap. A
 * {@link #probed probe} may find the store degraded before any write fails (a nearly full disk);
 * its finding stands until a probe finds room, even while small writes still fit, so a disk on the
 * edge is heard once.
 *
 * <p>The listener hears of each change once (by default one log line when the store becomes
 * degraded and one when it recovers), never per failed operation. Thread-safe.
 */
public final class StoreHealth {

    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    /** What is wrong with the store. */
    public enum Problem {
        /**
         * No connection: the server is down, the network is cut or the pool has none to give within
         * its timeout.
         */
        UNREACHABLE("unreachable"),
        /** Writes find no room: the disk (or the database's size limit) is full. */
        FULL("full"),
        /**
         * Other failures of the store itself (I/O errors, read-only, out of memory), not of a
         * statement.
         */
        FAILING("failing");

        private final String word;

        Problem(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /**
     * The store is degraded.
     *
     * @param problem what is wrong
     * @param detail a short code or phrase for operators (an SQLSTATE, a SQLite result code); never
     *     a secret
     * @param since when it started
     */
    public record Degraded(Problem problem, String detail, Instant since) {
        public Degraded {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(since, "since");
        }

        /** One line for operators, e.g. "full (SQLITE_FULL)". */
        public String describe() {
            return detail.isEmpty() ? problem.toString() : problem + " (" + detail + ")";
        }
    }

    /** Hears each change of state once. */
    public interface Listener {
        void degraded(Degraded now);

        void recovered(Degraded was, Duration after);

        /** Hears nothing: for a health no one reports to. */
        Listener NONE =
                new Listener() {
                    @Override
                    public void degraded(Degraded now) {}

                    @Override
                    public void recovered(Degraded was, Duration after) {}
                };

        /**
         * The default: one warning when the store becomes degraded (or its problem changes), one
         * line when it recovers.
         */
        Listener LOG =
                new Listener() {
                    @Override
                    public void degraded(Degraded now) {
                        log.warn(
                                "the store is degraded: {}; the bot keeps answering without it",
                                now.describe());
                    }

                    @Override
                    public void recovered(Degraded was, Duration after) {
                        log.info(
                                "the store is back after {} s (it was {})",
                                after.toSeconds(),
                                was.describe());
                    }
                };
    }

    /** A fault worth reporting, as {@link #classify} reads a failure. */
    public record Fault(Problem problem, String detail) {}

    private final Clock clock;
    private final Listener listener;

    /**
     * What operations found, and what the last probe found; the former outranks the latter. Guarded
     * by this.
     */
    private Fault byOperations, byProbe;

    /** The state as last published: null while the store is fine. Read without locking. */
    private volatile Degraded current;

    public StoreHealth(Clock clock, Listener listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Health on the system clock that logs its changes. */
    public static StoreHealth logged() {
        return new StoreHealth(Clock.systemUTC(), Listener.LOG);
    }

    /** Empty while the store is fine. */
    public Optional<Degraded> degraded() {
        return Optional.ofNullable(current);
    }

    public boolean ok() {
        return current == null;
    }

    /**
     * True while no connection can be had: anything that would wait for one should give up at once.
     */
    public boolean unreachable() {
        Degraded d = current;
        return d != null && d.problem() == Problem.UNREACHABLE;
    }

    /**
     * An operation failed: marks the store degraded when the failure is the store's, not the
     * statement's.
     */
    public void failed(Throwable failure) {
        classify(failure).ifPresent(this::foundByOperation);
    }

    /** The {@link Database} could not get a connection. */
    void cannotConnect(Throwable failure) {
        foundByOperation(
                classify(failure)
                        .filter(x -> x.problem() == Problem.UNREACHABLE)
                        .orElse(new Fault(Problem.UNREACHABLE, codeOf(failure))));
    }

    /**
     * A connection was had: the store is reachable again (clears "unreachable" only). Cheap while
     * all is well.
     */
    public void reachable() {
        if (current == null) return;
        synchronized (this) {
            if (byOperations != null && byOperations.problem() == Problem.UNREACHABLE)
                byOperations = null;
            if (byProbe != null && byProbe.problem() == Problem.UNREACHABLE) byProbe = null;
            publish();
        }
    }

    /**
     * An insert went through: whatever operations found is over (a probe's finding stands until it
     * finds room).
     */
    public void wrote() {
        if (current == null) return;
        synchronized (this) {
            byOperations = null;
            publish();
        }
    }

    /** What a probe found now: a fault, or none. It replaces what the previous probe found. */
    public synchronized void probed(Optional<Fault> found) {
        byProbe = found.orElse(null);
        if (found.isEmpty()
                && byOperations != null
                && byOperations.problem() == Problem.UNREACHABLE) byOperations = null;
        publish();
    }

    private synchronized void foundByOperation(Fault fault) {
        byOperations = fault;
        publish();
    }

    /**
     * Publishes the state operations and the probe make together; the listener hears a change of
     * problem only.
     */
    private void publish() {
        Fault now = byOperations != null ? byOperations : byProbe;
        Degraded was = current;
        if (now == null) {
            if (was == null) return;
            current = null;
            Duration after = Duration.between(was.since(), clock.instant());
            listener.recovered(was, after.isNegative() ? Duration.ZERO : after);
            return;
        }
        Degraded next =
                new Degraded(
                        now.problem(), now.detail(), was == null ? clock.instant() : was.since());
        current = next;
        if (was == null || was.problem() != next.problem()) listener.degraded(next);
    }

    /**
     * Reads a failure as a fault of the store, or empty when it is the statement's (a syntax error,
     * a broken constraint) or a contention (SQLite busy), which say nothing about the store's
     * health.
     */
    @SuppressWarnings(
            "ReferenceEquality") // a cause that is the exception itself ends the chain: identity is
    // meant
    public static Optional<Fault> classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException)
                return Optional.of(
                        new Fault(Problem.UNREACHABLE, "no connection within the pool's timeout"));
            if (t instanceof SQLException e) {
                Optional<Fault> f = sqlFault(e);
                if (f.isPresent()) return f;
            }
            if (t instanceof IOException)
                return Optional.of(new Fault(Problem.UNREACHABLE, t.getClass().getSimpleName()));
        }
        return Optional.empty();
    }

    private static Optional<Fault> sqlFault(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof org.sqlite.SQLiteException) {
            // sqlite-jdbc reports the (extended) result code; the low byte is the primary one.
            return switch (e.getErrorCode() & 0xFF) {
                case 13 -> Optional.of(new Fault(Problem.FULL, "SQLITE_FULL"));
                case 10 -> Optional.of(new Fault(Problem.FAILING, "SQLITE_IOERR"));
                case 8 -> Optional.of(new Fault(Problem.FAILING, "SQLITE_READONLY"));
                case 11 -> Optional.of(new Fault(Problem.FAILING, "SQLITE_CORRUPT"));
                case 26 -> Optional.of(new Fault(Problem.FAILING, "SQLITE_NOTADB"));
                case 7 -> Optional.of(new Fault(Problem.FAILING, "SQLITE_NOMEM"));
                case 14 -> Optional.of(new Fault(Problem.UNREACHABLE, "SQLITE_CANTOPEN"));
                default -> Optional.empty();
            };
        }
        // SQLSTATE classes as PostgreSQL uses them: 08 connection, 57P shutting down, 53 resources,
        // 58 system, XX internal.
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))
            return Optional.of(new Fault(Problem.UNREACHABLE, "SQLSTATE " + state));
        if (state.equals("53100"))
            return Optional.of(new Fault(Problem.FULL, "SQLSTATE 53100 disk full"));
        if (state.startsWith("53")
                || state.startsWith("58")
                || state.startsWith("XX")
                || state.equals("25006")) {
            return Optional.of(new Fault(Problem.FAILING, "SQLSTATE " + state));
        }
        return Optional.empty();
    }

    @SuppressWarnings("ReferenceEquality") // as in classify
    private static String codeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null)
                return "SQLSTATE " + e.getSQLState();
        }
        return failure.getClass().getSimpleName();
    }
}
