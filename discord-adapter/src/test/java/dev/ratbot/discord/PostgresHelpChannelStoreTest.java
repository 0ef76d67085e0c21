package dev.ratbot.discord;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class PostgresHelpChannelStoreTest extends HelpChannelStoreContract {

    private Database db;
    private String schema;

    @Override
    protected HelpChannelStore store() {
        db = TestDatabases.postgres("help_channels");
        schema = TestDatabases.schemaOf(db);
        return new JdbcHelpChannelStore(db);
    }

    @AfterEach
    void drop() {
        if (db == null) return;
        db.close();
        TestDatabases.dropSchema(schema);
    }
}
