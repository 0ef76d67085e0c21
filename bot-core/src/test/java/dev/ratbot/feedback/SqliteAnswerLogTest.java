package dev.ratbot.feedback;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteAnswerLogTest extends AnswerLogContract {

    @TempDir Path dir;
    private Database db;

    @Override
    protected AnswerLog log(Clock clock) {
        db = TestDatabases.sqlite(dir);
        return new JdbcAnswerLog(db, clock);
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }
}
