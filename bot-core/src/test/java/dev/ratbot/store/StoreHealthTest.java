package dev.ratbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.store.StoreHealth.Problem;
import dev.ratbot.testing.MutableClock;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * How the store's health reads failures, and that each change is heard once, not once per failure.
 */
class StoreHealthTest {

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final StoreHealth health =
            new StoreHealth(
                    clock,
                    new StoreHealth.Listener() {
                        @Override
                        public void degraded(StoreHealth.Degraded now) {
                            heard.add("degraded: " + now.describe());
                        }

                        @Override
                        public void recovered(StoreHealth.Degraded was, Duration after) {
                            heard.add("back after " + after.toSeconds() + " s");
                        }
                    });

    /**
     * PostgreSQL's SQLSTATEs: connection and shutdown mean unreachable, 53100 full; a statement's
     * own errors say nothing.
     */
    @ParameterizedTest
    @CsvSource({
        "08001, UNREACHABLE", "08006, UNREACHABLE", "57P01, UNREACHABLE", "57P03, UNREACHABLE",
                "53300, UNREACHABLE",
        "53100, FULL", "53200, FAILING", "58030, FAILING", "XX000, FAILING", "25006, FAILING",
        "23505, ''", "42P01, ''", "40001, ''", "22021, ''"
    })
    void postgresFailuresAreReadByTheirSqlState(String sqlState, String problem) {
        Optional<StoreHealth.Fault> fault =
                StoreHealth.classify(
                        new StoreException("database error", new SQLException("x", sqlState)));
        assertEquals(problem, fault.map(f -> f.problem().name()).orElse(""));
    }

    /**
     * SQLite's result codes: full is full, I/O and read-only are failing; busy and a bad statement
     * say nothing.
     */
    @ParameterizedTest
    @CsvSource({
        "SQLITE_FULL, FULL",
        "SQLITE_IOERR_WRITE, FAILING",
        "SQLITE_IOERR, FAILING",
        "SQLITE_READONLY, FAILING",
        "SQLITE_CORRUPT, FAILING",
        "SQLITE_CANTOPEN, UNREACHABLE",
        "SQLITE_BUSY, ''",
        "SQLITE_ERROR, ''",
        "SQLITE_CONSTRAINT_UNIQUE, ''"
    })
    void sqliteFailuresAreReadByTheirResultCode(SQLiteErrorCode code, String problem) {
        Optional<StoreHealth.Fault> fault =
                StoreHealth.classify(
                        new StoreException("database error", new SQLiteException("x", code)));
        assertEquals(problem, fault.map(f -> f.problem().name()).orElse(""));
    }

    @Test
    void aPoolThatGivesNoConnectionOrABrokenSocketIsUnreachable() {
        assertEquals(
                Problem.UNREACHABLE,
                StoreHealth.classify(new SQLTransientConnectionException("timeout"))
                        .orElseThrow()
                        .problem());
        assertEquals(
                Problem.UNREACHABLE,
                StoreHealth.classify(new IllegalStateException(new ConnectException("refused")))
                        .orElseThrow()
                        .problem());
        assertTrue(StoreHealth.classify(new IllegalArgumentException("a bug")).isEmpty());
    }

    @Test
    void anOutageIsHeardOnceWhenItStartsAndOnceWhenItEnds() {
        for (int i = 0; i < 50; i++) health.failed(new SQLException("refused", "08001"));
        assertTrue(health.unreachable());
        clock.advance(Duration.ofSeconds(42));
        health.reachable();
        health.reachable();
        assertTrue(health.ok());
        assertEquals(List.of("degraded: unreachable (SQLSTATE 08001)", "back after 42 s"), heard);
    }

    @Test
    void aFullStoreIsClearedByAWriteNotByAConnection() {
        health.failed(new SQLiteException("full", SQLiteErrorCode.SQLITE_FULL));
        health.reachable();
        health.probed(Optional.empty());
        assertEquals(
                Problem.FULL,
                health.degraded().orElseThrow().problem(),
                "reads and probes still work on a full disk");
        assertFalse(health.unreachable(), "a full store still hands out connections");
        health.wrote();
        assertTrue(health.ok());
        assertEquals(List.of("degraded: full (SQLITE_FULL)", "back after 0 s"), heard);
    }

    @Test
    void aProbeClearsOnlyWhatItFoundItself() {
        StoreHealth.Fault nearlyFull =
                new StoreHealth.Fault(Problem.FULL, "less than 1 MB free on the disk");
        health.probed(Optional.of(nearlyFull));
        health.probed(Optional.of(nearlyFull));
        health.probed(Optional.empty());
        assertTrue(health.ok());

        health.probed(Optional.of(nearlyFull));
        health.failed(new SQLiteException("full", SQLiteErrorCode.SQLITE_FULL));
        health.probed(Optional.empty());
        assertFalse(health.ok(), "a failed write outranks a probe that finds room");
        assertEquals(
                List.of(
                        "degraded: full (less than 1 MB free on the disk)",
                        "back after 0 s",
                        "degraded: full (less than 1 MB free on the disk)"),
                heard);
    }

    /**
     * A disk on the edge: the probe finds it full while small writes still fit. Heard once, not at
     * every write.
     */
    @Test
    void aProbesFindingStandsWhileSmallWritesStillFit() {
        StoreHealth.Fault nearlyFull =
                new StoreHealth.Fault(Problem.FULL, "max_page_count reached");
        health.probed(Optional.of(nearlyFull));
        for (int i = 0; i < 5; i++) {
            health.wrote();
            health.failed(new SQLiteException("full", SQLiteErrorCode.SQLITE_FULL));
            health.wrote();
            health.probed(Optional.of(nearlyFull));
        }
        assertEquals(List.of("degraded: full (max_page_count reached)"), heard);
    }

    @Test
    void aNewProblemDuringAnOutageIsHeardAndKeepsWhenItStarted() {
        health.failed(new SQLException("refused", "08001"));
        clock.advance(Duration.ofSeconds(10));
        health.failed(new SQLException("disk full", "53100"));
        clock.advance(Duration.ofSeconds(5));
        health.wrote();
        assertEquals(
                List.of(
                        "degraded: unreachable (SQLSTATE 08001)",
                        "degraded: full (SQLSTATE 53100 disk full)",
                        "back after 15 s"),
                heard);
    }
}
