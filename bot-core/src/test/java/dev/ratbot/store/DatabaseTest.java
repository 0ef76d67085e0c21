package dev.ratbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir Path dir;

    @Test
    void sqliteCreatesItsFolderRunsInWalModeAndMigratesOnce() {
        Path file = dir.resolve("nested/data/ratbot.db");
        try (Database db = Database.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
            assertEquals(Dialect.SQLITE, db.dialect());
            assertEquals(
                    "wal",
                    db.withConnection(c -> single(c.createStatement(), "PRAGMA journal_mode")));
            assertEquals(
                    "10000",
                    db.withConnection(c -> single(c.createStatement(), "PRAGMA busy_timeout")));
            assertEquals(
                    sqliteMigrations(),
                    db.withConnection(
                            c ->
                                    single(
                                            c.createStatement(),
                                            "SELECT COUNT(*) FROM ratbot_schema_history WHERE success = 1")));
        }
        assertTrue(Files.exists(file));
        // Opening again finds the schema current and changes nothing.
        try (Database db = Database.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
            assertEquals(
                    sqliteMigrations(),
                    db.withConnection(
                            c ->
                                    single(
                                            c.createStatement(),
                                            "SELECT COUNT(*) FROM ratbot_schema_history WHERE success = 1")));
        }
    }

    /**
     * How many SQLite migrations there are: every one is applied once (other branches add theirs).
     */
    private static String sqliteMigrations() {
        try (var files =
                Files.list(
                        Path.of(
                                Database.class
                                        .getClassLoader()
                                        .getResource("dev/ratbot/store/sqlite")
                                        .toURI()))) {
            return Long.toString(
                    files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                            .count());
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database db = TestDatabases.sqlite(dir)) {
            assertThrows(
                    StoreException.class,
                    () ->
                            db.inTransaction(
                                    c -> {
                                        c.createStatement()
                                                .executeUpdate(
                                                        "INSERT INTO answers (answer_key, platform, question, question_norm, answered, created_at)"
                                                                + " VALUES ('k', 'TELEGRAM', 'q', 'q', 0, 0)");
                                        return c.createStatement()
                                                .executeUpdate(
                                                        "INSERT INTO no_such_table VALUES (1)");
                                    }));
            assertEquals(
                    "0",
                    db.withConnection(
                            c -> single(c.createStatement(), "SELECT COUNT(*) FROM answers")));
        }
    }

    /**
     * SQLite ends a transaction by itself when the file is full: the error says so (not "cannot
     * commit"), and no pooled connection is left believing in a transaction that is gone, which
     * would write the next one's rows outside any transaction.
     */
    @Test
    void aFullFileSaysSoAndLeavesEveryConnectionTransactional() throws Exception {
        Path file = dir.resolve("full.db");
        long pages;
        try (Database fresh = Database.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
            pages =
                    Long.parseLong(
                            fresh.withConnection(
                                    c -> single(c.createStatement(), "PRAGMA page_count")));
        }
        try (Database db =
                Database.open(
                        DatabaseSettings.of(
                                "jdbc:sqlite:" + file + "?max_page_count=" + (pages + 4)))) {
            StoreException full =
                    assertThrows(
                            StoreException.class,
                            () -> {
                                for (int i = 0; ; i++) {
                                    int n = i;
                                    db.inTransaction(
                                            c ->
                                                    c.createStatement()
                                                            .executeUpdate(
                                                                    "INSERT INTO answers (answer_key, platform, question, question_norm,"
                                                                            + " answered, created_at) VALUES ('k"
                                                                            + n
                                                                            + "', 'TELEGRAM', '"
                                                                            + "q".repeat(3000)
                                                                            + "', 'q', 0, 0)"));
                                }
                            });
            assertEquals(
                    StoreHealth.Problem.FULL,
                    StoreHealth.classify(full).orElseThrow().problem(),
                    full.getMessage());
            try (var operator = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement s = operator.createStatement()) {
                s.executeUpdate("DELETE FROM answers");
            }
            for (int i = 0; i < 8; i++) {
                int n = i;
                assertThrows(
                        StoreException.class,
                        () ->
                                db.inTransaction(
                                        c -> {
                                            c.createStatement()
                                                    .executeUpdate(
                                                            "INSERT INTO answers (answer_key, platform, question, question_norm, answered,"
                                                                    + " created_at) VALUES ('after"
                                                                    + n
                                                                    + "', 'TELEGRAM', 'q', 'q', 0, 0)");
                                            return c.createStatement()
                                                    .executeUpdate(
                                                            "INSERT INTO no_such_table VALUES (1)");
                                        }));
            }
            assertEquals(
                    "0",
                    db.withConnection(
                            c -> single(c.createStatement(), "SELECT COUNT(*) FROM answers")),
                    "every one rolled back");
        }
    }

    /**
     * The view for replies gives up at once while the store is known unreachable; a real connection
     * ends that.
     */
    @Test
    void theViewForRepliesFailsAtOnceWhileTheStoreIsUnreachable() {
        try (Database db = TestDatabases.sqlite(dir)) {
            Database replies = db.forReplies();
            db.health().failed(new java.sql.SQLException("connection refused", "08001"));
            StoreException e =
                    assertThrows(
                            StoreException.class, () -> replies.withConnection(c -> c.isValid(1)));
            assertEquals(
                    StoreHealth.Problem.UNREACHABLE,
                    StoreHealth.classify(e).orElseThrow().problem());
            assertEquals("the database is unreachable (SQLSTATE 08001)", e.getMessage());

            assertTrue(
                    db.<Boolean>withConnection(c -> c.isValid(1)),
                    "background work still asks the pool");
            assertTrue(db.health().ok(), "and a connection proves the store reachable");
            assertTrue(replies.<Boolean>withConnection(c -> c.isValid(1)));
            replies.close();
            assertTrue(
                    db.<Boolean>withConnection(c -> c.isValid(1)),
                    "closing the view closes nothing");
        }
    }

    /** Before anything is written, a probe finds a file without room full: what /readyz reports. */
    @Test
    void aProbeFindsAFileWithoutRoomFullAndAFileWithRoomFine() {
        Path file = dir.resolve("tight.db");
        long pages;
        try (Database fresh = Database.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
            pages =
                    Long.parseLong(
                            fresh.withConnection(
                                    c -> single(c.createStatement(), "PRAGMA page_count")));
            fresh.probe();
            assertTrue(fresh.health().ok(), "no limit, and room on the disk");
        }
        try (Database db =
                Database.open(
                        DatabaseSettings.of(
                                "jdbc:sqlite:" + file + "?max_page_count=" + (pages + 2)))) {
            db.probe();
            assertEquals(
                    "full (max_page_count reached)",
                    db.health().degraded().orElseThrow().describe());
        }
    }

    @Test
    @SuppressWarnings("try") // closed before its schema is dropped, and closing twice is harmless
    void postgresMigratesIntoItsOwnSchema() {
        try (Database db = TestDatabases.postgres("database_test")) {
            String schema = TestDatabases.schemaOf(db);
            try {
                assertEquals(Dialect.POSTGRESQL, db.dialect());
                assertTrue(schema.startsWith("t_database_test_"), schema);
                assertEquals(
                        "0",
                        db.withConnection(
                                c ->
                                        single(
                                                c.createStatement(),
                                                "SELECT COUNT(*) FROM subscriptions")));
            } finally {
                db.close();
                TestDatabases.dropSchema(schema);
            }
        }
    }

    @Test
    void anUnknownUrlIsRefusedWithoutEchoingAPassword() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Database.open(
                                        DatabaseSettings.of("jdbc:mysql://h/db?password=secret")));
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }

    private static String single(Statement s, String sql) throws java.sql.SQLException {
        try (s;
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
