package dev.ratbot.delivery;

import dev.ratbot.delivery.DeliveryDecisions.AfterSend;
import dev.ratbot.delivery.DeliveryDecisions.SubscriptionChange;
import dev.ratbot.delivery.DeliveryDecisions.WhenClaimed;
import dev.ratbot.delivery.DeliveryDecisions.WhenDue;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.Dialect;
import dev.ratbot.subscription.SubscriptionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * All SQL of the daily-tip pipeline, for SQLite and PostgreSQL: the {@code deliveries} outbox (the
 * only writer of that table) and the columns of {@code subscriptions} the pipeline moves on ({@code
 * next_due_at}, {@code tip_cycle}, and the status a platform's answer changes). It carries out what
 * {@link DeliveryDecisions} decide and decides nothing itself. Safe with any number of instances on
 * one database: claims use {@code FOR UPDATE SKIP LOCKED} on PostgreSQL and an IMMEDIATE
 * transaction on SQLite.
 */
final class DeliveryStore {

    private static final int MAX_REASON = 300;

    private final Database db;
    private final String instance;

    /**
     * @param instance names this process in {@code claimed_by}
     */
    DeliveryStore(Database db, String instance) {
        this.db = db;
        this.instance = instance;
    }

    // ---- scheduling
    // ------------------------------------------------------------------------------------------

    /**
     * One scheduling transaction's work: subscriptions claimed, and how many of them got a PENDING
     * delivery.
     */
    record Scheduled(int claimed, int pending) {}

    /**
     * In one transaction: claims up to {@code limit} subscriptions due by {@code now}, asks {@code
     * decide} about each (given the tips already taken in its current pass), writes one row per
     * subscription and local date (a unique key: a second row for that day is never created,
     * whatever restarts or races) and moves each subscription on to its next occurrence, and to the
     * pass of the tip it was given.
     */
    Scheduled schedule(
            Instant now, int limit, BiFunction<DueSubscription, Set<String>, WhenDue> decide) {
        return db.inTransaction(
                c -> {
                    db.dialect().preferIndexOrder(c);
                    List<DueSubscription> due = selectDue(c, now, limit);
                    db.dialect().plannerDefaults(c);
                    if (due.isEmpty()) return new Scheduled(0, 0);
                    Map<Long, Set<String>> given = tipsTakenThisCycle(c, due);
                    List<DueSubscription> toSend = new ArrayList<>();
                    List<WhenDue.Send> sends = new ArrayList<>();
                    List<DueSubscription> toSkip = new ArrayList<>();
                    List<WhenDue.Skip> skips = new ArrayList<>();
                    Map<Long, WhenDue> decisions = new HashMap<>();
                    for (DueSubscription d : due) {
                        WhenDue decision = decide.apply(d, given.getOrDefault(d.id(), Set.of()));
                        decisions.put(d.id(), decision);
                        switch (decision) {
                            case WhenDue.Send send -> {
                                toSend.add(d);
                                sends.add(send);
                            }
                            case WhenDue.Skip skip -> {
                                toSkip.add(d);
                                skips.add(skip);
                            }
                        }
                    }
                    Set<Long> queued = insertPending(c, now, toSend, sends);
                    insertSkipped(c, now, toSkip, skips);
                    Map<Long, Long> newCycle = new HashMap<>();
                    for (int i = 0; i < toSend.size(); i++) {
                        // Not inserted: this local day already has its row (a repeated hour, a
                        // changed time); no second tip.
                        if (queued.contains(toSend.get(i).id()))
                            newCycle.put(toSend.get(i).id(), sends.get(i).pick().cycle());
                    }
                    advance(c, due, decisions, newCycle);
                    return new Scheduled(due.size(), queued.size());
                });
    }

    private List<DueSubscription> selectDue(Connection c, Instant now, int limit)
            throws SQLException {
        String sql =
                "SELECT id, local_time, zone, next_due_at, tip_cycle, platform FROM subscriptions"
                        + " WHERE next_due_at <= ? ORDER BY next_due_at LIMIT ?"
                        + db.dialect().skipLocked();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, limit);
            List<DueSubscription> out = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(
                            new DueSubscription(
                                    rs.getLong(1),
                                    LocalTime.parse(rs.getString(2)),
                                    ZoneId.of(rs.getString(3)),
                                    Instant.ofEpochMilli(rs.getLong(4)),
                                    rs.getLong(5),
                                    rs.getString(6)));
                }
            }
            return out;
        }
    }

    private Map<Long, Set<String>> tipsTakenThisCycle(Connection c, List<DueSubscription> due)
            throws SQLException {
        String sql =
                "SELECT d.subscription_id, d.tip_id FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id"
                        + " WHERE d.subscription_id "
                        + idIn(due.size())
                        + " AND d.cycle = s.tip_cycle"
                        + " AND d.tip_id IS NOT NULL AND d.status IN "
                        + DeliveryStatus.sqlList(DeliveryStatus.TIP_TAKEN);
        Map<Long, Set<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindIds(c, ps, 1, due.stream().map(DueSubscription::id).toList());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        for (Map.Entry<Long, Set<String>> e : out.entrySet())
            e.setValue(Collections.unmodifiableSet(e.getValue()));
        return out;
    }

    /**
     * Inserts the PENDING rows; returns the subscriptions whose row was new (the others had one for
     * that day).
     */
    private Set<Long> insertPending(
            Connection c, Instant now, List<DueSubscription> due, List<WhenDue.Send> sends)
            throws SQLException {
        if (due.isEmpty()) return Set.of();
        if (db.dialect() == Dialect.POSTGRESQL) return insertPendingArrays(c, now, due, sends);
        String sql =
                "INSERT INTO deliveries (subscription_id, local_date, platform, due_at, status, tip_id, cycle, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
                        + " ON CONFLICT (subscription_id, local_date) DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < due.size(); i++) {
                DueSubscription d = due.get(i);
                WhenDue.Send send = sends.get(i);
                ps.setLong(1, d.id());
                ps.setString(2, send.day().toString());
                ps.setString(3, d.platform());
                ps.setLong(4, d.dueAt().toEpochMilli());
                ps.setString(5, DeliveryStatus.PENDING.name());
                ps.setString(6, send.pick().tipId());
                ps.setLong(7, send.pick().cycle());
                ps.setLong(8, now.toEpochMilli());
                ps.setLong(9, now.toEpochMilli());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            Set<Long> inserted = new HashSet<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.SUCCESS_NO_INFO)
                    throw new IllegalStateException("driver hides which rows were inserted");
                if (counts[i] != 0) inserted.add(due.get(i).id());
            }
            return inserted;
        }
    }

    /**
     * PostgreSQL: the same insert as one statement over arrays. A JDBC batch costs a server round
     * of parse, bind and execute per row, which at thousands of rows per second is most of the
     * work.
     */
    private static Set<Long> insertPendingArrays(
            Connection c, Instant now, List<DueSubscription> due, List<WhenDue.Send> sends)
            throws SQLException {
        int n = due.size();
        Long[] ids = new Long[n];
        String[] days = new String[n];
        String[] platforms = new String[n];
        Long[] dueAt = new Long[n];
        String[] tipIds = new String[n];
        Long[] cycles = new Long[n];
        for (int i = 0; i < n; i++) {
            DueSubscription d = due.get(i);
            ids[i] = d.id();
            days[i] = sends.get(i).day().toString();
            platforms[i] = d.platform();
            dueAt[i] = d.dueAt().toEpochMilli();
            tipIds[i] = sends.get(i).pick().tipId();
            cycles[i] = sends.get(i).pick().cycle();
        }
        String sql =
                "INSERT INTO deliveries (subscription_id, local_date, platform, due_at, status, tip_id, cycle, attempts,"
                        + " next_attempt_at, created_at) SELECT v.sid, v.day, v.platform, v.due, ?, v.tip, v.cycle, 0, ?, ?"
                        + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[]) AS v(sid, day, platform, due, tip, cycle)"
                        + " ON CONFLICT (subscription_id, local_date) DO NOTHING RETURNING subscription_id";
        Set<Long> inserted = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, DeliveryStatus.PENDING.name());
            ps.setLong(2, now.toEpochMilli());
            ps.setLong(3, now.toEpochMilli());
            ps.setArray(4, c.createArrayOf("bigint", ids));
            ps.setArray(5, c.createArrayOf("text", days));
            ps.setArray(6, c.createArrayOf("text", platforms));
            ps.setArray(7, c.createArrayOf("bigint", dueAt));
            ps.setArray(8, c.createArrayOf("text", tipIds));
            ps.setArray(9, c.createArrayOf("bigint", cycles));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) inserted.add(rs.getLong(1));
            }
        }
        return inserted;
    }

    private static void insertSkipped(
            Connection c, Instant now, List<DueSubscription> due, List<WhenDue.Skip> skips)
            throws SQLException {
        if (due.isEmpty()) return;
        String sql =
                "INSERT INTO deliveries (subscription_id, local_date, platform, due_at, status, attempts, next_attempt_at,"
                        + " reason, created_at, finished_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"
                        + " ON CONFLICT (subscription_id, local_date) DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < due.size(); i++) {
                DueSubscription d = due.get(i);
                ps.setLong(1, d.id());
                ps.setString(2, skips.get(i).day().toString());
                ps.setString(3, d.platform());
                ps.setLong(4, d.dueAt().toEpochMilli());
                ps.setString(5, DeliveryStatus.SKIPPED.name());
                ps.setLong(6, now.toEpochMilli());
                ps.setString(7, skips.get(i).reason());
                ps.setLong(8, now.toEpochMilli());
                ps.setLong(9, now.toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void advance(
            Connection c,
            List<DueSubscription> due,
            Map<Long, WhenDue> decisions,
            Map<Long, Long> newCycle)
            throws SQLException {
        if (db.dialect() == Dialect.POSTGRESQL) {
            Long[] ids = new Long[due.size()];
            Long[] next = new Long[due.size()];
            Long[] cycles = new Long[due.size()];
            for (int i = 0; i < due.size(); i++) {
                DueSubscription d = due.get(i);
                ids[i] = d.id();
                next[i] = decisions.get(d.id()).nextDue().toEpochMilli();
                cycles[i] = newCycle.getOrDefault(d.id(), d.cycle());
            }
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "UPDATE subscriptions s SET next_due_at = v.due, tip_cycle = v.cycle"
                                    + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS v(id, due, cycle) WHERE s.id = v.id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.setArray(2, c.createArrayOf("bigint", next));
                ps.setArray(3, c.createArrayOf("bigint", cycles));
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE subscriptions SET next_due_at = ?, tip_cycle = ? WHERE id = ?")) {
            for (DueSubscription d : due) {
                ps.setLong(1, decisions.get(d.id()).nextDue().toEpochMilli());
                ps.setLong(2, newCycle.getOrDefault(d.id(), d.cycle()));
                ps.setLong(3, d.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- sweeping
    // --------------------------------------------------------------------------------------------

    /**
     * Deliveries a sweep settled: claimed ones whose claimer vanished, and due ones nobody sent
     * within the grace.
     */
    record Swept(int unconfirmed, int expired) {
        int total() {
            return unconfirmed + expired;
        }
    }

    /** Accounts for deliveries whose claimer vanished, and for due ones nobody can send in time. */
    Swept sweep(Instant now, Duration grace) {
        return db.inTransaction(
                c -> {
                    int lost;
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE deliveries SET status = ?, finished_at = ?,"
                                            + " reason = 'claimed by ' || claimed_by || ' but no result recorded before its lease ran out; not resent, since it may have gone out'"
                                            + " WHERE status = ? AND lease_until < ?")) {
                        ps.setString(1, DeliveryStatus.UNCONFIRMED.name());
                        ps.setLong(2, now.toEpochMilli());
                        ps.setString(3, DeliveryStatus.SENDING.name());
                        ps.setLong(4, now.toEpochMilli());
                        lost = ps.executeUpdate();
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE deliveries SET status = ?, finished_at = ?,"
                                            + " reason = ? WHERE status = ? AND due_at < ?")) {
                        ps.setString(1, DeliveryStatus.EXPIRED.name());
                        ps.setLong(2, now.toEpochMilli());
                        ps.setString(3, EXPIRED_REASON);
                        ps.setString(4, DeliveryStatus.PENDING.name());
                        ps.setLong(5, now.minus(grace).toEpochMilli());
                        return new Swept(lost, ps.executeUpdate());
                    }
                });
    }

    private static final String EXPIRED_REASON = "not sent within the grace period";
    private static final String CANCELLED_REASON =
            "the subscription was paused or stopped before it went out";

    // ---- claiming
    // --------------------------------------------------------------------------------------------

    /**
     * Rows claimed by one round, how many others it settled (cancelled, expired) on the way, and
     * when, by the pacer's clock, it will grant the earliest row it refused (empty when it refused
     * none).
     */
    record Round(List<ClaimedDelivery> claimed, int settled, Optional<Instant> nextPermitAt) {}

    /**
     * Claims up to {@code limit} due PENDING rows of {@code platforms} for which the pacer grants a
     * send now, and marks them SENDING with a lease: the last write before the platform is called.
     * On the way, rows of paused or stopped subscriptions are cancelled, rows past the grace expire
     * ({@link DeliveryDecisions#whenClaimed}), rows whose chat must wait are put back until then,
     * and once the pacer refuses for a whole platform (its budget is spent for now, or it is
     * paused) nothing more of that platform is asked for.
     */
    Round claim(
            Instant now,
            Collection<Platform> platforms,
            int limit,
            Pacer pacer,
            Duration lease,
            Duration grace) {
        if (platforms.isEmpty() || limit < 1) return new Round(List.of(), 0, Optional.empty());
        // One query per platform, each in its own order: a long queue on one platform must not hold
        // back another's.
        String sql =
                "SELECT d.id, d.subscription_id, d.tip_id, d.attempts, d.due_at, s.status, s.platform, s.chat_id,"
                        + " s.thread_id, s.server_id, s.is_group, s.pause_retried FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id"
                        + " WHERE d.status = ? AND d.platform = ? AND d.next_attempt_at <= ?"
                        + " ORDER BY d.next_attempt_at LIMIT ?"
                        + db.dialect().skipLocked("d");
        return db.inTransaction(
                c -> {
                    List<ClaimedDelivery> take = new ArrayList<>();
                    List<Long> cancelled = new ArrayList<>();
                    List<Long> expired = new ArrayList<>();
                    Map<Long, Instant> deferred = new HashMap<>();
                    Instant soonest = null;
                    for (Platform platform : platforms) {
                        int room = limit - take.size();
                        if (room == 0) break;
                        db.dialect().preferIndexOrder(c);
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            ps.setString(1, DeliveryStatus.PENDING.name());
                            ps.setString(2, platform.name());
                            ps.setLong(3, now.toEpochMilli());
                            ps.setInt(4, room);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    long id = rs.getLong(1);
                                    Instant dueAt = Instant.ofEpochMilli(rs.getLong(5));
                                    Address to = address(rs);
                                    WhenClaimed decision =
                                            DeliveryDecisions.whenClaimed(
                                                    SubscriptionStatus.valueOf(rs.getString(6)),
                                                    rs.getBoolean(12),
                                                    dueAt,
                                                    now,
                                                    grace);
                                    if (decision == WhenClaimed.CANCEL) {
                                        cancelled.add(id);
                                        continue;
                                    }
                                    if (decision == WhenClaimed.EXPIRE) {
                                        expired.add(id);
                                        continue;
                                    }
                                    Optional<Pacer.Refusal> refusal = pacer.take(to);
                                    if (refusal.isEmpty()) {
                                        take.add(
                                                new ClaimedDelivery(
                                                        id,
                                                        rs.getLong(2),
                                                        to,
                                                        rs.getString(3),
                                                        rs.getInt(4),
                                                        dueAt,
                                                        now.plus(lease)));
                                        continue;
                                    }
                                    // Read the pacer's clock now, not at the start: the loop waits
                                    // for exactly this moment.
                                    Instant permitAt =
                                            pacer.clock().instant().plus(refusal.get().after());
                                    if (soonest == null || permitAt.isBefore(soonest))
                                        soonest = permitAt;
                                    // The platform's budget is spent (or it is paused): its other
                                    // rows stay as they are.
                                    if (refusal.get().wholePlatform()) break;
                                    // Only this chat must wait: put the row back until then, so
                                    // that others go first.
                                    deferred.put(id, now.plus(refusal.get().after()));
                                }
                            }
                        }
                    }
                    db.dialect().plannerDefaults(c);
                    markSending(c, ids(take), now.plus(lease));
                    finishAll(c, cancelled, DeliveryStatus.CANCELLED, CANCELLED_REASON, now);
                    finishAll(c, expired, DeliveryStatus.EXPIRED, EXPIRED_REASON, now);
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE deliveries SET next_attempt_at = ? WHERE id = ?")) {
                        for (Map.Entry<Long, Instant> e : deferred.entrySet()) {
                            ps.setLong(1, e.getValue().toEpochMilli());
                            ps.setLong(2, e.getKey());
                            ps.addBatch();
                        }
                        if (!deferred.isEmpty()) ps.executeBatch();
                    }
                    return new Round(
                            take, cancelled.size() + expired.size(), Optional.ofNullable(soonest));
                });
    }

    // ---- recording
    // -------------------------------------------------------------------------------------------

    /** A claimed delivery and what its send decided. */
    record Settled(ClaimedDelivery delivery, AfterSend step) {}

    /**
     * Records each claimed delivery's outcome, in one transaction. Only rows still SENDING under
     * this instance's claim change: one whose lease ran out meanwhile stays UNCONFIRMED and is
     * never sent again.
     *
     * @param maxMoves how often one delivery follows a moved chat before giving up
     */
    void record(List<Settled> results, Instant now, int maxMoves) {
        if (results.isEmpty()) return;
        db.inTransaction(
                c -> {
                    List<Long> sent = new ArrayList<>();
                    List<Long> resume = new ArrayList<>();
                    try (PreparedStatement again =
                                    c.prepareStatement(
                                            "UPDATE deliveries SET status = ?, next_attempt_at = ?,"
                                                    + " attempts = ?, reason = ?, claimed_by = NULL, lease_until = NULL WHERE id = ? AND status = ? AND claimed_by = ?");
                            PreparedStatement end =
                                    c.prepareStatement(
                                            "UPDATE deliveries SET status = ?, reason = ?, attempts = ?,"
                                                    + " finished_at = ? WHERE id = ? AND status = ? AND claimed_by = ?")) {
                        for (Settled s : results) {
                            ClaimedDelivery d = s.delivery();
                            AfterSend step = s.step();
                            if (step instanceof AfterSend.Follow move) {
                                Optional<Long> other = subscriptionAt(c, move.to());
                                boolean taken =
                                        other.isPresent() && other.get() != d.subscriptionId();
                                if (!taken) moveSubscription(c, d.subscriptionId(), move.to(), now);
                                step = DeliveryDecisions.afterMove(move, taken, now, maxMoves);
                            }
                            switch (step) {
                                case AfterSend.Retry r -> retry(again, d, r);
                                case AfterSend.Finish f when f.status() == DeliveryStatus.SENT ->
                                        sent.add(d.id());
                                case AfterSend.Finish f -> finish(end, d, f, now);
                                case AfterSend.Follow f ->
                                        throw new IllegalStateException(
                                                "a move is decided above: " + f);
                            }
                            if (step instanceof AfterSend.Finish f) {
                                switch (f.subscription()) {
                                    case SubscriptionChange.Unchanged u -> {}
                                    case SubscriptionChange.Stop stop ->
                                            stopSubscription(
                                                    c, d.subscriptionId(), stop.reason(), now);
                                    case SubscriptionChange.Pause pause ->
                                            pauseSubscription(c, d.subscriptionId(), pause, now);
                                    case SubscriptionChange.ResumeIfPausedByBot r ->
                                            resume.add(d.subscriptionId());
                                }
                            }
                        }
                        again.executeBatch();
                        end.executeBatch();
                    }
                    markSent(c, sent, now);
                    resumeRetried(c, resume, now);
                    return null;
                });
    }

    private void retry(PreparedStatement ps, ClaimedDelivery d, AfterSend.Retry r)
            throws SQLException {
        ps.setString(1, DeliveryStatus.PENDING.name());
        ps.setLong(2, r.at().toEpochMilli());
        ps.setInt(3, r.attempts());
        ps.setString(4, clean(r.reason()));
        ps.setLong(5, d.id());
        ps.setString(6, DeliveryStatus.SENDING.name());
        ps.setString(7, instance);
        ps.addBatch();
    }

    private void finish(PreparedStatement ps, ClaimedDelivery d, AfterSend.Finish f, Instant now)
            throws SQLException {
        ps.setString(1, f.status().name());
        ps.setString(2, clean(f.reason()));
        ps.setInt(3, f.attempts());
        ps.setLong(4, now.toEpochMilli());
        ps.setLong(5, d.id());
        ps.setString(6, DeliveryStatus.SENDING.name());
        ps.setString(7, instance);
        ps.addBatch();
    }

    private static Optional<Long> subscriptionAt(Connection c, Address a) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT id FROM subscriptions WHERE platform = ? AND chat_id = ? AND thread_id = ?")) {
            ps.setString(1, a.platform().name());
            ps.setString(2, a.chatId());
            ps.setString(3, a.threadId().orElse(""));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void moveSubscription(Connection c, long id, Address to, Instant now)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE subscriptions SET chat_id = ?, thread_id = ?, server_id = ?,"
                                + " is_group = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, to.chatId());
            ps.setString(2, to.threadId().orElse(""));
            ps.setString(3, to.serverId().orElse(null));
            ps.setBoolean(4, to.group());
            ps.setLong(5, now.toEpochMilli());
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    private static void stopSubscription(Connection c, long id, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE subscriptions SET status = ?, stop_reason = ?,"
                                + " next_due_at = NULL, updated_at = ? WHERE id = ? AND status <> ?")) {
            ps.setString(1, SubscriptionStatus.STOPPED.name());
            ps.setString(2, clean(reason));
            ps.setLong(3, now.toEpochMilli());
            ps.setLong(4, id);
            ps.setString(5, SubscriptionStatus.STOPPED.name());
            ps.executeUpdate();
        }
    }

    /**
     * A refused tip pauses its subscription with the reason; the scheduler has already moved it to
     * the next day's time, which is tried as usual. A subscription the user paused or that stopped
     * meanwhile stays as it is.
     */
    private static void pauseSubscription(
            Connection c, long id, SubscriptionChange.Pause pause, Instant now)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE subscriptions SET status = ?, pause_reason = ?,"
                                + " pause_retried = ?, updated_at = ? WHERE id = ? AND (status = ? OR (status = ? AND pause_retried = ?))")) {
            ps.setString(1, SubscriptionStatus.PAUSED.name());
            ps.setString(2, pause.reason().text());
            ps.setBoolean(3, pause.reason().retriedDaily());
            ps.setLong(4, now.toEpochMilli());
            ps.setLong(5, id);
            ps.setString(6, SubscriptionStatus.ACTIVE.name());
            ps.setString(7, SubscriptionStatus.PAUSED.name());
            ps.setBoolean(8, true);
            ps.executeUpdate();
        }
    }

    /**
     * A tip went through to a subscription the bot had paused for a fixable reason: it was fixed,
     * so it is active again.
     */
    private static void resumeRetried(Connection c, List<Long> subscriptionIds, Instant now)
            throws SQLException {
        if (subscriptionIds.isEmpty()) return;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE subscriptions SET status = ?, pause_reason = NULL,"
                                + " pause_retried = ?, updated_at = ? WHERE id = ? AND status = ? AND pause_retried = ?")) {
            for (long id : subscriptionIds) {
                ps.setString(1, SubscriptionStatus.ACTIVE.name());
                ps.setBoolean(2, false);
                ps.setLong(3, now.toEpochMilli());
                ps.setLong(4, id);
                ps.setString(5, SubscriptionStatus.PAUSED.name());
                ps.setBoolean(6, true);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Claims rows with one statement: SENDING, under this instance's name, until {@code
     * leaseUntil}.
     */
    private void markSending(Connection c, List<Long> ids, Instant leaseUntil) throws SQLException {
        if (ids.isEmpty()) return;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE deliveries SET status = ?, claimed_by = ?, lease_until = ?"
                                + " WHERE id "
                                + idIn(ids.size()))) {
            ps.setString(1, DeliveryStatus.SENDING.name());
            ps.setString(2, instance);
            ps.setLong(3, leaseUntil.toEpochMilli());
            bindIds(c, ps, 4, ids);
            ps.executeUpdate();
        }
    }

    /**
     * Settles rows found on the way of a claim (this transaction holds them) with one statement.
     */
    private void finishAll(
            Connection c, List<Long> ids, DeliveryStatus status, String reason, Instant now)
            throws SQLException {
        if (ids.isEmpty()) return;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE deliveries SET status = ?, reason = ?, finished_at = ?"
                                + " WHERE id "
                                + idIn(ids.size()))) {
            ps.setString(1, status.name());
            ps.setString(2, reason);
            ps.setLong(3, now.toEpochMilli());
            bindIds(c, ps, 4, ids);
            ps.executeUpdate();
        }
    }

    /** SENT with one statement, for the rows this instance still holds. */
    private void markSent(Connection c, List<Long> ids, Instant now) throws SQLException {
        if (ids.isEmpty()) return;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE deliveries SET status = ?, reason = NULL, finished_at = ?"
                                + " WHERE status = ? AND claimed_by = ? AND id "
                                + idIn(ids.size()))) {
            ps.setString(1, DeliveryStatus.SENT.name());
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, DeliveryStatus.SENDING.name());
            ps.setString(4, instance);
            bindIds(c, ps, 5, ids);
            ps.executeUpdate();
        }
    }

    // ---- retention
    // -------------------------------------------------------------------------------------------

    /**
     * Records younger than this are always kept, whatever the retention: the rows of today and
     * yesterday (in any zone) are the keys that allow one tip per subscription and local day.
     */
    static final Duration KEYS_KEPT = Duration.ofDays(2);

    private static final int PRUNE_BATCH = 5_000;

    /**
     * Deletes settled delivery records whose tip was due more than {@code retention} ago (at least
     * {@link #KEYS_KEPT}), in batches, and returns how many. Two kinds are kept longer: rows still
     * waiting or in flight (the sweep settles those first), and the tips given in a subscription's
     * current pass through the catalogue, which the scheduler reads so that no tip repeats within a
     * pass.
     */
    int prune(Instant now, Duration retention) {
        Duration keep = retention.compareTo(KEYS_KEPT) < 0 ? KEYS_KEPT : retention;
        String old =
                "SELECT id FROM deliveries WHERE due_at < ? AND status IN "
                        + DeliveryStatus.sqlList(DeliveryStatus.FINISHED)
                        + " AND NOT (status IN "
                        + DeliveryStatus.sqlList(DeliveryStatus.TIP_TAKEN)
                        + " AND cycle = (SELECT s.tip_cycle FROM subscriptions s WHERE s.id = deliveries.subscription_id))"
                        + " ORDER BY due_at LIMIT ?";
        int total = 0;
        int deleted;
        do {
            // Small transactions: a first prune of years of records must not hold the store for
            // long.
            deleted =
                    db.inTransaction(
                            c -> {
                                try (PreparedStatement ps =
                                        c.prepareStatement(
                                                "DELETE FROM deliveries WHERE id IN ("
                                                        + old
                                                        + ")")) {
                                    ps.setLong(1, now.minus(keep).toEpochMilli());
                                    ps.setInt(2, PRUNE_BATCH);
                                    return ps.executeUpdate();
                                }
                            });
            total += deleted;
        } while (deleted == PRUNE_BATCH);
        return total;
    }

    // ---- reading
    // ---------------------------------------------------------------------------------------------

    /**
     * Tips due and not yet sent, across all instances: outbox rows waiting or in flight, and
     * subscriptions due by {@code now} that no scheduler has queued yet.
     */
    long backlog(Instant now) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT (SELECT count(*) FROM deliveries WHERE status IN "
                                            + DeliveryStatus.sqlList(DeliveryStatus.UNSETTLED)
                                            + ") + (SELECT count(*) FROM subscriptions WHERE next_due_at <= ?)")) {
                        ps.setLong(1, now.toEpochMilli());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : 0L;
                        }
                    }
                });
    }

    // ---- helpers
    // ---------------------------------------------------------------------------------------------

    /**
     * {@code = ANY(?)} with one array parameter on PostgreSQL (planning a thousand-parameter IN
     * list costs more than the statement), {@code IN (?, ...)} on SQLite.
     */
    private String idIn(int n) {
        return db.dialect() == Dialect.POSTGRESQL ? "= ANY(?)" : "IN (" + placeholders(n) + ")";
    }

    private void bindIds(Connection c, PreparedStatement ps, int from, List<Long> ids)
            throws SQLException {
        if (db.dialect() == Dialect.POSTGRESQL) {
            ps.setArray(from, c.createArrayOf("bigint", ids.toArray(new Long[0])));
        } else {
            for (int i = 0; i < ids.size(); i++) ps.setLong(from + i, ids.get(i));
        }
    }

    private static List<Long> ids(List<ClaimedDelivery> claimed) {
        List<Long> out = new ArrayList<>(claimed.size());
        for (ClaimedDelivery d : claimed) out.add(d.id());
        return out;
    }

    private static Address address(ResultSet rs) throws SQLException {
        String thread = rs.getString(9);
        return new Address(
                Platform.valueOf(rs.getString(7)),
                rs.getString(8),
                thread == null || thread.isEmpty() ? Optional.empty() : Optional.of(thread),
                Optional.ofNullable(rs.getString(10)),
                rs.getBoolean(11));
    }

    /**
     * Platform error text goes into the database and /settings: no NUL (PostgreSQL refuses it),
     * bounded.
     */
    static String clean(String reason) {
        if (reason == null) return "";
        String s = reason.replace('\u0000', ' ').strip();
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON);
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
