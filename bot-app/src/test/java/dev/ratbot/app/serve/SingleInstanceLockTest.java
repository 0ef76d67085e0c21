package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.app.config.StartupException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceLockTest {

    @TempDir Path dir;

    @Test
    void aSecondInstanceOnTheSameSqliteFileIsRefusedUntilTheFirstStops() {
        String url = "jdbc:sqlite:" + dir.resolve("data/ratbot.db");
        SingleInstanceLock first = SingleInstanceLock.acquire(url).orElseThrow();
        StartupException e =
                assertThrows(StartupException.class, () -> SingleInstanceLock.acquire(url));
        assertTrue(
                e.getMessage()
                        .contains(
                                "another ratbot serve already uses this SQLite file; SQLite supports one instance only"),
                e.getMessage());
        first.close();
        SingleInstanceLock.acquire(url).orElseThrow().close();
    }

    @Test
    void otherFilesAndDatabasesAreNotLocked() {
        SingleInstanceLock one =
                SingleInstanceLock.acquire("jdbc:sqlite:" + dir.resolve("a.db")).orElseThrow();
        SingleInstanceLock two =
                SingleInstanceLock.acquire("jdbc:sqlite:" + dir.resolve("b.db")).orElseThrow();
        one.close();
        two.close();
        assertEquals(Optional.empty(), SingleInstanceLock.acquire("jdbc:sqlite::memory:"));
        assertEquals(Optional.empty(), SingleInstanceLock.acquire("jdbc:postgresql://db/ratbot"));
    }
}
