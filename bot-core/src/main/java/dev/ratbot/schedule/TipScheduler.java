package dev.ratbot.schedule;

import dev.ratbot.store.Database;
import dev.ratbot.store.Dialect;
import dev.ratbot.subscription.DeliveryTimes;
import dev.ratbot.tips.TipPicker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns due subscriptions into outbox rows, durably and safely with any number of instances on one database.
 *
 * <p>Each subscription row carries {@code next_due_at}, the instant of its next daily tip. A {@link #tick()} claims
 * the rows that are due ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so instances never wait for or double-claim
 * each other; an IMMEDIATE transaction on SQLite, whose single writer excludes everyone else), and in the same
 * transaction inserts one {@code deliveries} row per subscription and local date (a unique key: a second row for
 * that day is never created, whatever restarts or races) and advances {@code next_due_at} to the next local day.
 * The {@code dev.ratbot.delivery.DeliveryWorker} then sends the PENDING rows.
 *
 * <p>A due tip more than {@link ScheduleSettings#grace()} late (the bot was down) is recorded as SKIPPED and the
 * subscription jumps to its next occurrence that is still within grace: never a flood of old tips. Daylight saving
 * follows {@link DeliveryTimes}. The tip is chosen here by the {@link TipPicker} and saved with the row, together
 * with its pass ("cycle") through the catalogue.
 *
 * <p>Tests call {@link #tick()} on a settable clock; production calls {@link #start()} and {@link #close()}.
 * Thread-safe.
 */
public final class TipScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TipScheduler.class);
    /** Deliveries whose tip counts as given in its pass: sent, on its way, or possibly sent. */
    static final String TIP_TAKEN = "('PENDING', 'SENDING', 'SENT', 'UNCONFIRMED')";

    private final Database db;
    private final Clock clock;
    private final ScheduleSettings settings;
    private final TipPicker tips;
    private ScheduledExecutorService timer;

    public TipScheduler(Database db, Clock clock, ScheduleSettings settings, TipPicker tips) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tips = Objects.requireNonNull(tips, "tips");
    }

    /**
     * Claims every subscription due by now (up to {@link ScheduleSettings#maxPerTick()}) and writes its outbox row.
     *
     * @return how many deliveries became PENDING (skipped ones not counted)
     */
    public int tick() {
        Instant now = clock.instant();
        int pending = 0;
        int claimed = 0;
        while (claimed < settings.maxPerTick()) {
            int limit = Math.min(settings.claimBatch(), settings.maxPerTick() - claimed);
            Claim batch = db.inTransaction(c -> claim(c, now, limit));
            claimed += batch.claimed;
            pending += batch.pending;
            if (batch.claimed < limit) break;
        }
        return pending;
    }

    /** Ticks every {@link ScheduleSettings#tickInterval()} on a daemon thread until {@link #close()}. */
    public synchronized void start() {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ratbot-tip-scheduler");
            t.setDaemon(true);
            return t;
        });
        long every = settings.tickInterval().toMillis();
        var unused = timer.scheduleWithFixedDelay(this::tickLogged, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Stops ticking and waits for a tick in progress to finish (its transaction commits or rolls back whole). */
    @Override
    public synchronized void close() {
        if (timer == null) return;
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        timer = null;
    }

    private void tickLogged() {
        try {
            int n = tick();
            if (n > 0) log.debug("{} daily tips due", n);
        } catch (RuntimeException e) {
            // The next tick tries again; a database outage must not kill the timer thread.
            log.warn("tip scheduler tick failed: {}", e.getMessage());
        }
    }

    private record Due(long id, LocalTime time, ZoneId zone, Instant dueAt, long cycle, String platform) {
    }

    private record Claim(int claimed, int pending) {
    }

    private Claim claim(Connection c, Instant now, int limit) throws SQLException {
        db.dialect().preferIndexOrder(c);
        List<Due> due = selectDue(c, now, limit);
        db.dialect().plannerDefaults(c);
        if (due.isEmpty()) return new Claim(0, 0);
        Map<Long, Set<String>> given = tipsGivenThisCycle(c, due);
        Instant oldestAllowed = now.minus(settings.grace());

        List<Due> toSend = new ArrayList<>();
        List<TipPicker.Pick> picks = new ArrayList<>();
        List<Due> toSkip = new ArrayList<>();
        Map<Long, Long> nextDue = new HashMap<>();
        for (Due d : due) {
            LocalDate day = d.dueAt.atZone(d.zone).toLocalDate();
            Instant following = DeliveryTimes.firstAfterDate(d.time, d.zone, day).toInstant();
            if (d.dueAt.isBefore(oldestAllowed)) {
                toSkip.add(d);
                // Jump over every missed day to the first occurrence that can still be sent.
                Instant catchUp = DeliveryTimes.firstAtOrAfter(d.time, d.zone, oldestAllowed).toInstant();
                nextDue.put(d.id, Math.max(following.toEpochMilli(), catchUp.toEpochMilli()));
            } else {
                var pick = tips.next(d.id, d.cycle, given.getOrDefault(d.id, Set.of()));
                if (pick.isPresent()) {
                    toSend.add(d);
                    picks.add(pick.get());
                } else {
                    toSkip.add(d);
                }
                nextDue.put(d.id, following.toEpochMilli());
            }
        }
        int[] inserted = insertPending(c, now, toSend, picks);
        insertSkipped(c, now, toSkip, oldestAllowed);
        int pending = 0;
        Map<Long, Long> newCycle = new HashMap<>();
        for (int i = 0; i < toSend.size(); i++) {
            // A conflict means this local day already has its row (a repeated hour, a changed time): no second tip.
            if (inserted[i] != 0) {
                pending++;
                newCycle.put(toSend.get(i).id, picks.get(i).cycle());
            }
        }
        advance(c, due, nextDue, newCycle);
        return new Claim(due.size(), pending);
    }

    private List<Due> selectDue(Connection c, Instant now, int limit) throws SQLException {
        String sql = "SELECT id, local_time, zone, next_due_at, tip_cycle, platform FROM subscriptions"
                + " WHERE next_due_at <= ? ORDER BY next_due_at LIMIT ?" + db.dialect().skipLocked();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, limit);
            List<Due> out = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getLong(1), LocalTime.parse(rs.getString(2)), ZoneId.of(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5), rs.getString(6)));
                }
            }
            return out;
        }
    }

    private Map<Long, Set<String>> tipsGivenThisCycle(Connection c, List<Due> due) throws SQLException {
        boolean array = db.dialect() == Dialect.POSTGRESQL;
        String which = array ? "= ANY(?)" : "IN (" + placeholders(due.size()) + ")";
        String sql = "SELECT d.subscription_id, d.tip_id FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id"
                + " WHERE d.subscription_id " + which + " AND d.cycle = s.tip_cycle"
                + " AND d.tip_id IS NOT NULL AND d.status IN " + TIP_TAKEN;
        Map<Long, Set<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (array) ps.setArray(1, c.createArrayOf("bigint", due.stream().map(Due::id).toArray(Long[]::new)));
            else for (int i = 0; i < due.size(); i++) ps.setLong(i + 1, due.get(i).id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        for (Map.Entry<Long, Set<String>> e : out.entrySet()) e.setValue(Collections.unmodifiableSet(e.getValue()));
        return out;
    }

    private int[] insertPending(Connection c, Instant now, List<Due> due, List<TipPicker.Pick> picks) throws SQLException {
        if (due.isEmpty()) return new int[0];
        if (db.dialect() == Dialect.POSTGRESQL) return insertPendingArrays(c, now, due, picks);
        String sql = "INSERT INTO deliveries (subscription_id, local_date, platform, due_at, status, tip_id, cycle, attempts,"
                + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', ?, ?, 0, ?, ?)"
                + " ON CONFLICT (subscription_id, local_date) DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < due.size(); i++) {
                Due d = due.get(i);
                ps.setLong(1, d.id);
                ps.setString(2, d.dueAt.atZone(d.zone).toLocalDate().toString());
                ps.setString(3, d.platform);
                ps.setLong(4, d.dueAt.toEpochMilli());
                ps.setString(5, picks.get(i).tipId());
                ps.setLong(6, picks.get(i).cycle());
                ps.setLong(7, now.toEpochMilli());
                ps.setLong(8, now.toEpochMilli());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int count : counts) {
                if (count == Statement.SUCCESS_NO_INFO) throw new IllegalStateException("driver hides which rows were inserted");
            }
            return counts;
        }
    }

    private static void insertSkipped(Connection c, Instant now, List<Due> due, Instant oldestAllowed) throws SQLException {
        if (due.isEmpty()) return;
        String sql = "INSERT INTO deliveries (subscription_id, local_date, platform, due_at, status, attempts, next_attempt_at,"
                + " reason, created_at, finished_at) VALUES (?, ?, ?, ?, 'SKIPPED', 0, ?, ?, ?, ?)"
                + " ON CONFLICT (subscription_id, local_date) DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Due d : due) {
                ps.setLong(1, d.id);
                ps.setString(2, d.dueAt.atZone(d.zone).toLocalDate().toString());
                ps.setString(3, d.platform);
                ps.setLong(4, d.dueAt.toEpochMilli());
                ps.setLong(5, now.toEpochMilli());
                ps.setString(6, d.dueAt.isBefore(oldestAllowed)
                        ? "missed by " + Duration.between(d.dueAt, now).toMinutes() + " min, more than the grace of "
                                + Duration.between(oldestAllowed, now).toMinutes() + " min"
                        : "no tips in the catalogue");
                ps.setLong(7, now.toEpochMilli());
                ps.setLong(8, now.toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * PostgreSQL: the same insert as one statement over arrays. A JDBC batch costs a server round of parse, bind and
     * execute per row, which at thousands of rows per second is most of the work.
     */
    private static int[] insertPendingArrays(Connection c, Instant now, List<Due> due, List<TipPicker.Pick> picks) throws SQLException {
        int n = due.size();
        Long[] ids = new Long[n];
        String[] days = new String[n];
        String[] platforms = new String[n];
        Long[] dueAt = new Long[n];
        String[] tipIds = new String[n];
        Long[] cycles = new Long[n];
        for (int i = 0; i < n; i++) {
            Due d = due.get(i);
            ids[i] = d.id;
            days[i] = d.dueAt.atZone(d.zone).toLocalDate().toString();
            platforms[i] = d.platform;
            dueAt[i] = d.dueAt.toEpochMilli();
            tipIds[i] = picks.get(i).tipId();
            cycles[i] = picks.get(i).cycle();
        }
        String sql = "INSERT INTO deliveries (subscription_id, local_date, platform, due_at, status, tip_id, cycle, attempts,"
                + " next_attempt_at, created_at) SELECT v.sid, v.day, v.platform, v.due, 'PENDING', v.tip, v.cycle, 0, ?, ?"
                + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[]) AS v(sid, day, platform, due, tip, cycle)"
                + " ON CONFLICT (subscription_id, local_date) DO NOTHING RETURNING subscription_id";
        Set<Long> inserted = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, now.toEpochMilli());
            ps.setArray(3, c.createArrayOf("bigint", ids));
            ps.setArray(4, c.createArrayOf("text", days));
            ps.setArray(5, c.createArrayOf("text", platforms));
            ps.setArray(6, c.createArrayOf("bigint", dueAt));
            ps.setArray(7, c.createArrayOf("text", tipIds));
            ps.setArray(8, c.createArrayOf("bigint", cycles));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) inserted.add(rs.getLong(1));
            }
        }
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) counts[i] = inserted.contains(ids[i]) ? 1 : 0;
        return counts;
    }

    private void advance(Connection c, List<Due> due, Map<Long, Long> nextDue, Map<Long, Long> newCycle) throws SQLException {
        if (db.dialect() == Dialect.POSTGRESQL) {
            Long[] ids = new Long[due.size()];
            Long[] next = new Long[due.size()];
            Long[] cycles = new Long[due.size()];
            for (int i = 0; i < due.size(); i++) {
                Due d = due.get(i);
                ids[i] = d.id;
                next[i] = nextDue.get(d.id);
                cycles[i] = newCycle.getOrDefault(d.id, d.cycle);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE subscriptions s SET next_due_at = v.due, tip_cycle = v.cycle"
                    + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS v(id, due, cycle) WHERE s.id = v.id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.setArray(2, c.createArrayOf("bigint", next));
                ps.setArray(3, c.createArrayOf("bigint", cycles));
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE subscriptions SET next_due_at = ?, tip_cycle = ? WHERE id = ?")) {
            for (Due d : due) {
                ps.setLong(1, nextDue.get(d.id));
                ps.setLong(2, newCycle.getOrDefault(d.id, d.cycle));
                ps.setLong(3, d.id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
