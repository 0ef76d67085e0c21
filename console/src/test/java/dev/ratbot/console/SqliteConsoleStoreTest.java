package dev.ratbot.console;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteConsoleStoreTest extends ConsoleStoreContract {

    @TempDir Path dir;

    @Override
    protected Database open() {
        return TestDatabases.sqlite(dir);
    }
}
