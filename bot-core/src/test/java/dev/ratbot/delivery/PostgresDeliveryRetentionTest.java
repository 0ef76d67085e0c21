package dev.ratbot.delivery;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class PostgresDeliveryRetentionTest extends DeliveryRetentionContract {

    private String schema;

    @Override
    protected Database database() {
        Database db = TestDatabases.postgres("delivery_retention");
        schema = TestDatabases.schemaOf(db);
        return db;
    }

    /** Runs after the contract's own {@code @AfterEach}, which closes the database. */
    @AfterEach
    void drop() {
        if (schema != null) TestDatabases.dropSchema(schema);
    }
}
