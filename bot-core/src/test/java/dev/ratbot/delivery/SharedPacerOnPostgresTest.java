package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two pacers (two pools, as two instances) on one PostgreSQL schema, on the real clock, share
 * Telegram's overall 30 messages/s. Real time because that is what production runs on; the bound
 * below is loose on purpose (one second's worth of slack), so a slow machine cannot make it fail,
 * while two independent budgets would grant about twice the limit and fail it.
 */
class SharedPacerOnPostgresTest {

    private static final PlatformLimits TELEGRAM =
            new PlatformLimits(4096, 30, Duration.ofSeconds(1), 20);

    @Test
    void twoInstancesAskingFlatOutTogetherStayWithinTheOverallLimit() throws Exception {
        Database first = TestDatabases.postgres("shared_pacer", 2);
        String schema = TestDatabases.schemaOf(first);
        Database second = TestDatabases.postgresSameSchema(schema, 2);
        try {
            List<Pacer> pacers = new ArrayList<>();
            for (Database db : List.of(first, second)) {
                pacers.add(
                        new Pacer(
                                Map.of(Platform.TELEGRAM, TELEGRAM),
                                Clock.systemUTC(),
                                new SharedOverallBudgets(db)));
            }
            long started = System.nanoTime();
            long stopAt = started + Duration.ofSeconds(2).toNanos();
            List<Integer> granted = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < pacers.size(); i++) {
                    Pacer pacer = pacers.get(i);
                    String instance = "i" + i;
                    runs.add(
                            threads.submit(
                                    () -> {
                                        int n = 0;
                                        // Distinct chats, so only the overall limit binds.
                                        while (System.nanoTime() < stopAt) {
                                            if (pacer.tryAcquire(
                                                            Address.direct(
                                                                    Platform.TELEGRAM,
                                                                    instance + "-" + n))
                                                    .isEmpty()) n++;
                                        }
                                        return n;
                                    }));
                }
                for (Future<Integer> run : runs) granted.add(run.get());
            }
            double elapsedSeconds = (System.nanoTime() - started) / 1e9;
            int total = granted.get(0) + granted.get(1);
            System.out.printf(
                    "shared pacer: %s granted in %.2f s (limit 30/s)%n", granted, elapsedSeconds);
            assertTrue(
                    total <= 30 * elapsedSeconds + 30,
                    total + " granted in " + elapsedSeconds + " s");
            assertTrue(
                    granted.get(0) > 0 && granted.get(1) > 0, "each instance got some: " + granted);
        } finally {
            first.close();
            second.close();
            TestDatabases.dropSchema(schema);
        }
    }
}
