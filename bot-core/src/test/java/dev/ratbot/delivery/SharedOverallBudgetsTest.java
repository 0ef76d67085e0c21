package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overall budget kept in PostgreSQL: the contract, and two instances (two pools) drawing from
 * one budget.
 */
class SharedOverallBudgetsTest extends OverallBudgetContract {

    private final List<Database> open = new ArrayList<>();
    private String schema;

    @Override
    protected OverallBudget.Source source() {
        return new SharedOverallBudgets(instance());
    }

    /** Another bot instance: its own pool on this test's schema. */
    private Database instance() {
        Database db;
        if (schema == null) {
            db = TestDatabases.postgres("shared_budget", 2);
            schema = TestDatabases.schemaOf(db);
        } else {
            db = TestDatabases.postgresSameSchema(schema, 2);
        }
        open.add(db);
        return db;
    }

    @AfterEach
    void drop() {
        open.forEach(Database::close);
        if (schema != null) TestDatabases.dropSchema(schema);
    }

    @Test
    void twoInstancesDrawFromOneBudget() {
        OverallBudget a = new SharedOverallBudgets(instance()).budget(Platform.TELEGRAM, 30, clock);
        OverallBudget b = new SharedOverallBudgets(instance()).budget(Platform.TELEGRAM, 30, clock);
        assertEquals(Optional.empty(), a.tryTake());
        Optional<Duration> wait = b.tryTake();
        assertTrue(wait.isPresent(), "the second instance got the token the first had just taken");
        clock.advance(wait.get());
        assertEquals(Optional.empty(), b.tryTake());
        assertTrue(a.tryTake().isPresent());
    }

    @Test
    void twoInstancesTogetherGetTheRateOfOne() {
        OverallBudget a = new SharedOverallBudgets(instance()).budget(Platform.DISCORD, 50, clock);
        OverallBudget b = new SharedOverallBudgets(instance()).budget(Platform.DISCORD, 50, clock);
        int[] granted = new int[2];
        var end = clock.instant().plusSeconds(2);
        while (clock.instant().isBefore(end)) {
            // Both ask at every instant; only one can be granted the token it holds.
            boolean gotA = a.tryTake().isEmpty();
            boolean gotB = b.tryTake().isEmpty();
            assertTrue(!(gotA && gotB), "both granted at " + clock.instant());
            if (gotA) granted[0]++;
            if (gotB) granted[1]++;
            clock.advance(Duration.ofMillis(5));
        }
        assertEquals(2 * 50, granted[0] + granted[1]);
    }

    @Test
    void anUnreachableDatabaseGrantsNothingAndSaysSo() {
        Database db = instance();
        OverallBudget budget = new SharedOverallBudgets(db).budget(Platform.TELEGRAM, 30, clock);
        db.close();
        // Thrown, so the outbox's claim round fails and its rows stay pending, rather than sending
        // unpaced.
        assertThrows(RuntimeException.class, budget::tryTake);
    }

    @Test
    void sqliteHasNoSharedBudget(@TempDir Path folder) {
        try (Database sqlite = TestDatabases.sqlite(folder)) {
            assertThrows(IllegalArgumentException.class, () -> new SharedOverallBudgets(sqlite));
        }
    }
}
