package dev.ratbot.delivery;

import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import dev.ratbot.store.Dialect;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Speed of the daily-tip pipeline (a benchmark, not a test). Prints:
 *
 * <ol>
 *   <li>end-to-end deliveries per second (scheduler claim → outbox row → worker claim → no-op send
 *       → SENT), pacing off, on SQLite and on PostgreSQL; target at least 5,000/s;
 *   <li>with 1,000,000 subscriptions on PostgreSQL spread over the day, the time one scheduler tick
 *       takes to find and claim the ones due in a minute; target under 1 s.
 * </ol>
 *
 * Arguments: {@code [subscriptions for the end-to-end runs, default 50000] [runs, default 3]
 * [stored, default 1000000]}. PostgreSQL comes from {@code RATBOT_TEST_POSTGRES_URL} (default the
 * local trust-auth server).
 */
public final class TipDeliveryBenchmark {

    private static final Instant NINE = Instant.parse("2026-05-01T09:00:00Z");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int stored = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        System.out.printf(
                "Tip delivery benchmark: %d due subscriptions per run, %d runs, %s%n",
                n, runs, Runtime.version());

        List<Double> sqlite = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Path dir = Files.createTempDirectory("ratbot-bench");
            try (Database db =
                    Database.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("bench.db")))) {
                sqlite.add(endToEnd(db, n));
            }
        }
        report("SQLite end to end", sqlite);

        List<Double> postgres = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Database db = TestDatabases.postgres("bench_e2e", 4);
            String schema = TestDatabases.schemaOf(db);
            try (db) {
                postgres.add(endToEnd(db, n));
            } finally {
                TestDatabases.dropSchema(schema);
            }
        }
        report("PostgreSQL end to end", postgres);

        claimOneMinuteOfMillion(stored);
    }

    /** Deliveries per second for {@code n} subscriptions due at once. */
    private static double endToEnd(Database db, int n) {
        insert(db, n, 0);
        MutableClock clock = MutableClock.at(NINE.plusSeconds(1));
        RecordingSender noOp = RecordingSender.unlimited(Platform.TELEGRAM, clock);
        TipRig rig =
                new TipRig(
                        db,
                        clock,
                        ScheduleSettings.defaults().withClaimBatch(1000),
                        DeliverySettings.defaults("bench").withBatchSize(1000).withConcurrency(1),
                        Pacer.unpaced(clock),
                        List.of(noOp));
        long start = System.nanoTime();
        long ticking = 0;
        int idle = 0;
        while (idle < 2) {
            long t = System.nanoTime();
            int done = rig.scheduler.tick();
            ticking += System.nanoTime() - t;
            done += rig.worker.drain();
            idle = done == 0 ? idle + 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "  %s: %,d in %.2f s (scheduler %.2f s, worker %.2f s)%n",
                db.dialect(), n, seconds, ticking / 1e9, seconds - ticking / 1e9);
        int sent = noOp.sent().size();
        if (sent != n) throw new IllegalStateException("sent " + sent + " of " + n);
        return n / seconds;
    }

    /**
     * With {@code stored} subscriptions spread evenly over 24 hours, times the ticks that claim one
     * minute each.
     */
    private static void claimOneMinuteOfMillion(int stored) {
        Database db = TestDatabases.postgres("bench_claim", 4);
        String schema = TestDatabases.schemaOf(db);
        try (db) {
            long t0 = System.nanoTime();
            insert(db, stored, Duration.ofDays(1).toMillis());
            db.withConnection(c -> c.createStatement().execute("ANALYZE subscriptions"));
            System.out.printf(
                    "stored %,d subscriptions on PostgreSQL in %.1f s%n",
                    stored, (System.nanoTime() - t0) / 1e9);
            MutableClock clock = MutableClock.at(NINE);
            TipScheduler scheduler =
                    new TipScheduler(
                            db,
                            clock,
                            ScheduleSettings.defaults().withClaimBatch(1000),
                            TipRig.TIPS);
            List<Double> millis = new ArrayList<>();
            int claimed = 0;
            for (int minute = 1; minute <= 30; minute++) {
                clock.set(NINE.plus(Duration.ofMinutes(minute)));
                long start = System.nanoTime();
                claimed += scheduler.tick();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            System.out.printf(
                    "claim the subscriptions due in one minute (about %,d of %,d): %d ticks, %,d claimed;"
                            + " median %.1f ms, p95 %.1f ms, max %.1f ms (target < 1000 ms)%n",
                    stored / 1440,
                    stored,
                    millis.size(),
                    claimed,
                    percentile(millis, 50),
                    percentile(millis, 95),
                    Collections.max(millis));
            System.out.println("plan: " + plan(db));
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }

    private static String plan(Database db) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "EXPLAIN SELECT id FROM subscriptions WHERE next_due_at <= ?"
                                            + " ORDER BY next_due_at LIMIT 1000 FOR UPDATE SKIP LOCKED")) {
                        ps.setLong(1, NINE.plus(Duration.ofMinutes(31)).toEpochMilli());
                        StringBuilder out = new StringBuilder();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) out.append(rs.getString(1).strip()).append(" | ");
                        }
                        return out.toString();
                    }
                });
    }

    /**
     * Inserts {@code n} active Telegram subscriptions due from 09:00, spread evenly over {@code
     * spreadMillis}.
     */
    private static void insert(Database db, int n, long spreadMillis) {
        String select =
                "SELECT 'TELEGRAM', 'c' || i, '', ?, '09:00', 'UTC', 'ACTIVE', 'bench', ?, ?, ? + (i * ?) / ?";
        String sql =
                db.dialect() == Dialect.POSTGRESQL
                        ? "INSERT INTO subscriptions (platform, chat_id, thread_id, is_group, local_time, zone, status, created_by,"
                                + " created_at, updated_at, next_due_at) "
                                + select
                                + " FROM generate_series(1, ?) AS i"
                        : "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)"
                                + " INSERT INTO subscriptions (platform, chat_id, thread_id, is_group, local_time, zone, status, created_by,"
                                + " created_at, updated_at, next_due_at) "
                                + select
                                + " FROM seq";
        db.withConnection(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        int i = 1;
                        if (db.dialect() == Dialect.SQLITE) ps.setInt(i++, n);
                        ps.setBoolean(i++, false);
                        long nine = NINE.toEpochMilli();
                        ps.setLong(i++, nine);
                        ps.setLong(i++, nine);
                        ps.setLong(i++, nine);
                        ps.setLong(i++, spreadMillis);
                        ps.setLong(i++, Math.max(1, n));
                        if (db.dialect() == Dialect.POSTGRESQL) ps.setInt(i, n);
                        return ps.executeUpdate();
                    }
                });
    }

    private static void report(String what, List<Double> perSecond) {
        System.out.printf(
                "%s: median %,.0f deliveries/s (runs: %s; target >= 5,000/s)%n",
                what,
                percentile(perSecond, 50),
                perSecond.stream().map(v -> String.format("%,.0f", v)).toList());
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
