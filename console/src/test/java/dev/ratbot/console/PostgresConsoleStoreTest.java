package dev.ratbot.console;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class PostgresConsoleStoreTest extends ConsoleStoreContract {

    private String schema;

    @Override
    protected Database open() {
        Database db = TestDatabases.postgres("console_store");
        schema = TestDatabases.schemaOf(db);
        return db;
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) TestDatabases.dropSchema(schema);
    }
}
