package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.testing.MutableClock;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two bot instances (separate pools, schedulers and workers) on one PostgreSQL database never send
 * a tip twice, round by round or as pipelines with many sends in flight.
 */
class TwoInstancesOnPostgresTest {

    private static final int SUBSCRIPTIONS = 10_000;
    private static final Instant NINE = Instant.parse("2026-05-01T09:00:00Z");

    @Test
    void tenThousandDueSubscriptionsAreSentExactlyOnceBetweenTwoInstances() throws Exception {
        Database first = TestDatabases.postgres("two_instances", 4);
        String schema = TestDatabases.schemaOf(first);
        Database second = TestDatabases.postgresSameSchema(schema, 4);
        MutableClock clock = MutableClock.at(NINE.plusSeconds(5));
        try {
            insertDue(first);
            TipRig a = TipRig.standard(first, clock);
            TipRig b = TipRig.standard(second, clock);
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                List<Future<Integer>> runs = new ArrayList<>();
                for (TipRig rig : List.of(a, b)) runs.add(threads.submit(() -> runUntilIdle(rig)));
                for (Future<Integer> run : runs) run.get();
            }
            Map<String, Integer> perChat = new HashMap<>();
            for (TipRig rig : List.of(a, b)) {
                for (RecordingSender.Sent s : rig.sender(Platform.TELEGRAM).sent())
                    perChat.merge(s.to().chatId(), 1, Integer::sum);
            }
            int sends = perChat.values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(SUBSCRIPTIONS, sends, "sends in all");
            assertEquals(SUBSCRIPTIONS, perChat.size(), "chats reached");
            assertEquals(Map.of("SENT", (long) SUBSCRIPTIONS), a.statusCounts());
            System.out.printf(
                    "instance A sent %d, instance B sent %d%n",
                    a.sender(Platform.TELEGRAM).sent().size(),
                    b.sender(Platform.TELEGRAM).sent().size());
        } finally {
            first.close();
            second.close();
            TestDatabases.dropSchema(schema);
        }
    }

    @Test
    void twoPipelinesSendEveryDueTipExactlyOnce() throws Exception {
        Database first = TestDatabases.postgres("two_pipelines", 4);
        String schema = TestDatabases.schemaOf(first);
        Database second = TestDatabases.postgresSameSchema(schema, 4);
        MutableClock clock = MutableClock.at(NINE.plusSeconds(5));
        try {
            insertDue(first);
            List<TipRig> rigs = new ArrayList<>();
            for (Database db : List.of(first, second)) {
                RecordingSender telegram = RecordingSender.unlimited(Platform.TELEGRAM, clock);
                rigs.add(
                        new TipRig(
                                db,
                                clock,
                                ScheduleSettings.defaults(),
                                DeliverySettings.defaults("pipe-" + rigs.size()),
                                Pacer.unpaced(clock),
                                List.of(telegram)));
            }
            rigs.get(0).scheduler.tick();
            for (TipRig rig : rigs) rig.worker.start();
            long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!rigs.get(0).statusCounts().equals(Map.of("SENT", (long) SUBSCRIPTIONS))) {
                assertTrue(System.nanoTime() < end, "not all sent: " + rigs.get(0).statusCounts());
                Thread.sleep(100);
            }
            for (TipRig rig : rigs) assertTrue(rig.worker.stop(Duration.ofSeconds(30)));
            Map<String, Integer> perChat = new HashMap<>();
            for (TipRig rig : rigs) {
                for (RecordingSender.Sent s : rig.sender(Platform.TELEGRAM).sent())
                    perChat.merge(s.to().chatId(), 1, Integer::sum);
            }
            assertEquals(SUBSCRIPTIONS, perChat.size(), "chats reached");
            assertEquals(Set.of(1), Set.copyOf(perChat.values()), "each chat exactly once");
            System.out.printf(
                    "pipeline A sent %d, pipeline B sent %d%n",
                    rigs.get(0).sender(Platform.TELEGRAM).sent().size(),
                    rigs.get(1).sender(Platform.TELEGRAM).sent().size());
        } finally {
            first.close();
            second.close();
            TestDatabases.dropSchema(schema);
        }
    }

    private static int runUntilIdle(TipRig rig) {
        int done = 0;
        int idle = 0;
        while (idle < 3) {
            int n = rig.scheduler.tick() + rig.worker.drain();
            done += n;
            idle = n == 0 ? idle + 1 : 0;
        }
        return done;
    }

    private static void insertDue(Database db) {
        db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO subscriptions (platform, chat_id, thread_id, is_group,"
                                            + " local_time, zone, status, created_by, created_at, updated_at, next_due_at)"
                                            + " SELECT 'TELEGRAM', 'c' || i, '', false, '09:00', 'UTC', 'ACTIVE', 'test', ?, ?, ? FROM generate_series(1, ?) AS i")) {
                        long nine = NINE.toEpochMilli();
                        ps.setLong(1, nine);
                        ps.setLong(2, nine);
                        ps.setLong(3, nine);
                        ps.setInt(4, SUBSCRIPTIONS);
                        return ps.executeUpdate();
                    }
                });
    }
}
