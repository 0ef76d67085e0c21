package dev.ratbot.discord;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteHelpChannelStoreTest extends HelpChannelStoreContract {

    @TempDir Path dir;
    private Database db;

    @Override
    protected HelpChannelStore store() {
        db = TestDatabases.sqlite(dir);
        return new JdbcHelpChannelStore(db);
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }
}
