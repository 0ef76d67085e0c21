package dev.ratbot.subscription;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class PostgresSubscriptionStoreTest extends SubscriptionStoreContract {

    private Database db;
    private String schema;

    @Override
    protected SubscriptionStore store() {
        db = TestDatabases.postgres("subscription_store");
        schema = TestDatabases.schemaOf(db);
        return new JdbcSubscriptionStore(db, SqliteSubscriptionStoreTest.CLOCK);
    }

    @AfterEach
    void drop() {
        if (db == null) return;
        db.close();
        TestDatabases.dropSchema(schema);
    }
}
