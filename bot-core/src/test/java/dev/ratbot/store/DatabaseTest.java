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

    @TempDir
    Path dir;

    @Test
    void sqliteCreatesItsFolderRunsInWalModeAndMigratesOnce() {
        Path file = dir.resolve("nested/data/ratbot.db");
        String applied;
        try (Database db = Database.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
            assertEquals(Dialect.SQLITE, db.dialect());
            assertEquals("wal", db.withConnection(c -> single(c.createStatement(), "PRAGMA journal_mode")));
            assertEquals("10000", db.withConnection(c -> single(c.createStatement(), "PRAGMA busy_timeout")));
            applied = db.withConnection(c -> single(c.createStatement(), "SELECT COUNT(*) FROM ratbot_schema_history WHERE success = 1"));
            assertEquals(applied, db.withConnection(c -> single(c.createStatement(), "SELECT COUNT(*) FROM ratbot_schema_history")));
            assertEquals("1", db.withConnection(c -> single(c.createStatement(), "SELECT MIN(installed_rank) FROM ratbot_schema_history")));
        }
        assertTrue(Files.exists(file));
        // Opening again finds the schema current and changes nothing.
        try (Database db = Database.open(DatabaseSettings.of("jdbc:sqlite:" + file))) {
            assertEquals(applied, db.withConnection(c -> single(c.createStatement(), "SELECT COUNT(*) FROM ratbot_schema_history")));
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database db = TestDatabases.sqlite(dir)) {
            assertThrows(StoreException.class, () -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO answers (answer_key, platform, question, question_norm, answered, created_at)"
                        + " VALUES ('k', 'TELEGRAM', 'q', 'q', 0, 0)");
                return c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
            }));
            assertEquals("0", db.withConnection(c -> single(c.createStatement(), "SELECT COUNT(*) FROM answers")));
        }
    }

    @Test
    void postgresMigratesIntoItsOwnSchema() {
        try (Database db = TestDatabases.postgres("database_test")) {
            String schema = TestDatabases.schemaOf(db);
            try {
                assertEquals(Dialect.POSTGRESQL, db.dialect());
                assertTrue(schema.startsWith("t_database_test_"), schema);
                assertEquals("0", db.withConnection(c -> single(c.createStatement(), "SELECT COUNT(*) FROM subscriptions")));
            } finally {
                db.close();
                TestDatabases.dropSchema(schema);
            }
        }
    }

    @Test
    void anUnknownUrlIsRefusedWithoutEchoingAPassword() {
        var e = assertThrows(IllegalArgumentException.class, () -> Database.open(DatabaseSettings.of("jdbc:mysql://h/db?password=secret")));
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }

    private static String single(Statement s, String sql) throws java.sql.SQLException {
        try (s; ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
