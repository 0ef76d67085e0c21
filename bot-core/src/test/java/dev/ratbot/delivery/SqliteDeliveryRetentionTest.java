package dev.ratbot.delivery;

import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteDeliveryRetentionTest extends DeliveryRetentionContract {

    @TempDir Path dir;

    @Override
    protected Database database() {
        return TestDatabases.sqlite(dir);
    }
}
