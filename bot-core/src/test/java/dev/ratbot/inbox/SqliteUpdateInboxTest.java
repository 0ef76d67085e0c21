package dev.ratbot.inbox;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteUpdateInboxTest extends UpdateInboxContract {

    @TempDir Path dir;
    private Database db;

    @Override
    protected UpdateInbox inbox() {
        db = TestDatabases.sqlite(dir);
        return new JdbcUpdateInbox(db, clock);
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }
}
