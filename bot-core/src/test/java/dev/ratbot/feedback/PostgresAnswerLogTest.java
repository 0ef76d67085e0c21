package dev.ratbot.feedback;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class PostgresAnswerLogTest extends AnswerLogContract {

    private Database db;
    private String schema;

    @Override
    protected AnswerLog log(Clock clock) {
        db = TestDatabases.postgres("answer_log");
        schema = TestDatabases.schemaOf(db);
        return new JdbcAnswerLog(db, clock);
    }

    @AfterEach
    void drop() {
        if (db == null) return;
        db.close();
        TestDatabases.dropSchema(schema);
    }
}
