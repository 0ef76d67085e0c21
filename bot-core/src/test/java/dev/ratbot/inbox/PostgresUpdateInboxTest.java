package dev.ratbot.inbox;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class PostgresUpdateInboxTest extends UpdateInboxContract {

    private Database db;
    private String schema;

    @Override
    protected UpdateInbox inbox() {
        db = TestDatabases.postgres("update_inbox");
        schema = TestDatabases.schemaOf(db);
        return new JdbcUpdateInbox(db, clock);
    }

    @AfterEach
    void drop() {
        if (db == null) return;
        db.close();
        TestDatabases.dropSchema(schema);
    }
}
