package dev.ratbot.delivery;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.SendResult;
import dev.ratbot.store.Database;
import dev.ratbot.store.Dialect;
import dev.ratbot.subscription.PauseReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the delivery outbox ({@code deliveries} joined with {@code subscriptions}). Row states:
 * PENDING (due, may be claimed) → SENDING (claimed by one instance, about to be handed to the platform) →
 * SENT or FAILED, or back to PENDING for a retry; PENDING → CANCELLED (subscription paused by the user, paused by
 * the bot until it is back, or stopped) or
 * EXPIRED (later than the grace); SENDING whose lease ran out → UNCONFIRMED (maybe sent: never resent).
 */
final class Outbox {

    private static final int MAX_REASON = 300;

    private final Database db;
    private final String instance;

    Outbox(Database db, String instance) {
        this.db = db;
        this.instance = instance;
    }

    /** Accounts for deliveries whose claimer vanished, and for due ones nobody can send in time. */
    int sweep(Instant now, Duration grace) {
        return db.inTransaction(c -> {
            int lost;
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET status = 'UNCONFIRMED', finished_at = ?,"
                    + " reason = 'claimed by ' || claimed_by || ' but no result recorded before its lease ran out; not resent, since it may have gone out'"
                    + " WHERE status = 'SENDING' AND lease_until < ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, now.toEpochMilli());
                lost = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET status = 'EXPIRED', finished_at = ?,"
                    + " reason = 'not sent within the grace period' WHERE status = 'PENDING' AND due_at < ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, now.minus(grace).toEpochMilli());
                return lost + ps.executeUpdate();
            }
        });
    }

    /**
     * Rows claimed by one round, how many others it settled (cancelled, expired) on the way, and how soon the pacer
     * will grant the earliest row it refused (empty when it refused none).
     */
    record Round(List<ClaimedDelivery> claimed, int settled, Optional<Duration> nextPermit) {
    }

    /**
     * Claims up to {@code limit} due PENDING rows of {@code platforms} for which the pacer grants a send now, and
     * marks them SENDING with a lease. Rows of paused or stopped subscriptions are cancelled, rows past the grace
     * expire, rows the pacer refuses are put back a little.
     */
    Round claim(Instant now, Collection<Platform> platforms, int limit, Pacer pacer, Duration lease, Duration grace) {
        if (platforms.isEmpty()) return new Round(List.of(), 0, Optional.empty());
        String sql = "SELECT d.id, d.subscription_id, d.tip_id, d.attempts, d.due_at, s.status, s.platform, s.chat_id,"
                + " s.thread_id, s.server_id, s.is_group, s.pause_retried FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id"
                + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND d.platform IN (" + placeholders(platforms.size()) + ")"
                + " ORDER BY d.next_attempt_at LIMIT ?" + db.dialect().skipLocked("d");
        return db.inTransaction(c -> {
            List<ClaimedDelivery> take = new ArrayList<>();
            List<Long> cancelled = new ArrayList<>();
            List<Long> expired = new ArrayList<>();
            Map<Long, Instant> deferred = new HashMap<>();
            Map<Platform, Integer> refusals = new HashMap<>();
            Duration[] soonest = {null};
            db.dialect().preferIndexOrder(c);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, now.toEpochMilli());
                for (Platform p : platforms) ps.setString(i++, p.name());
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Instant dueAt = Instant.ofEpochMilli(rs.getLong(5));
                        Address to = address(rs);
                        if (!sendable(rs.getString(6), rs.getBoolean(12))) {
                            cancelled.add(id);
                        } else if (dueAt.isBefore(now.minus(grace))) {
                            expired.add(id);
                        } else if (refusals.getOrDefault(to.platform(), 0) < 3) {
                            Optional<Duration> wait = pacer.tryAcquire(to);
                            if (wait.isEmpty()) {
                                take.add(new ClaimedDelivery(id, rs.getLong(2), to, rs.getString(3), rs.getInt(4), dueAt));
                                refusals.put(to.platform(), 0);
                            } else {
                                // Three refusals in a row: the platform's overall budget is spent for now; leave the rest as they are.
                                refusals.merge(to.platform(), 1, Integer::sum);
                                deferred.put(id, now.plus(wait.get()));
                                if (soonest[0] == null || wait.get().compareTo(soonest[0]) < 0) soonest[0] = wait.get();
                            }
                        }
                    }
                }
            }
            db.dialect().plannerDefaults(c);
            setStatus(c, ids(take), "SENDING", null, now, now.plus(lease));
            setStatus(c, cancelled, "CANCELLED", "the subscription was paused or stopped before it went out", now, null);
            setStatus(c, expired, "EXPIRED", "not sent within the grace period", now, null);
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET next_attempt_at = ? WHERE id = ?")) {
                for (Map.Entry<Long, Instant> e : deferred.entrySet()) {
                    ps.setLong(1, e.getValue().toEpochMilli());
                    ps.setLong(2, e.getKey());
                    ps.addBatch();
                }
                if (!deferred.isEmpty()) ps.executeBatch();
            }
            return new Round(take, cancelled.size() + expired.size(), Optional.ofNullable(soonest[0]));
        });
    }

    /** Active subscriptions get their tip; so do those the bot paused for a fixable reason (the daily retry). */
    private static boolean sendable(String status, boolean pauseRetried) {
        return status.equals("ACTIVE") || (status.equals("PAUSED") && pauseRetried);
    }

    /** Records each claimed delivery's outcome, in one transaction. */
    void record(List<ClaimedDelivery> claimed, List<Outcome> outcomes, Instant now, Backoff backoff, int maxMoves) {
        db.inTransaction(c -> {
            List<Long> sent = new ArrayList<>();
            List<Long> sentTo = new ArrayList<>();
            try (PreparedStatement again = c.prepareStatement("UPDATE deliveries SET status = 'PENDING', next_attempt_at = ?,"
                    + " attempts = ?, reason = ?, claimed_by = NULL, lease_until = NULL WHERE id = ? AND claimed_by = ?");
                 PreparedStatement end = c.prepareStatement("UPDATE deliveries SET status = ?, reason = ?, attempts = ?,"
                         + " finished_at = ? WHERE id = ? AND claimed_by = ?")) {
                for (int i = 0; i < claimed.size(); i++) {
                    ClaimedDelivery d = claimed.get(i);
                    switch (outcomes.get(i)) {
                        case Outcome.Released r -> retry(again, d, now, d.attempts(), "released at shutdown");
                        case Outcome.NoTip n -> finish(end, d, "FAILED", "tip " + n.tipId() + " is no longer in the catalogue", d.attempts() + 1, now);
                        case Outcome.Sent s -> {
                            switch (s.result()) {
                                case SendResult.Delivered ok -> {
                                    sent.add(d.id());
                                    sentTo.add(d.subscriptionId());
                                }
                                case SendResult.RetryAfter ra -> retry(again, d, now.plus(ra.after()), d.attempts() + 1, "rate limited: retry after " + ra.after());
                                case SendResult.Transient t -> {
                                    int failed = d.attempts() + 1;
                                    Optional<Duration> delay = backoff.delayAfter(failed);
                                    if (delay.isPresent()) retry(again, d, now.plus(delay.get()), failed, t.reason());
                                    else finish(end, d, "FAILED", "gave up after " + failed + " attempts: " + t.reason(), failed, now);
                                }
                                case SendResult.Permanent p -> {
                                    finish(end, d, "FAILED", p.reason(), d.attempts() + 1, now);
                                    stopSubscription(c, d.subscriptionId(), p.reason(), now);
                                }
                                case SendResult.Refused r -> {
                                    finish(end, d, "FAILED", "refused: " + r.reason(), d.attempts() + 1, now);
                                    pauseSubscription(c, d.subscriptionId(), r.reason(), now);
                                }
                                case SendResult.Moved m -> moved(c, again, end, d, m.newAddress(), now, maxMoves);
                            }
                        }
                    }
                }
                again.executeBatch();
                end.executeBatch();
            }
            setStatus(c, sent, "SENT", null, now, null);
            resumeRetried(c, sentTo, now);
            return null;
        });
    }

    private void moved(Connection c, PreparedStatement again, PreparedStatement end, ClaimedDelivery d, Address to,
                       Instant now, int maxMoves) throws SQLException {
        int moves = d.attempts() + 1;
        Optional<Long> other = subscriptionAt(c, to);
        if (other.isPresent() && other.get() != d.subscriptionId()) {
            String why = "moved to chat " + to.chatId() + ", which has its own subscription";
            finish(end, d, "CANCELLED", why, moves, now);
            stopSubscription(c, d.subscriptionId(), why, now);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE subscriptions SET chat_id = ?, thread_id = ?, server_id = ?,"
                + " is_group = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, to.chatId());
            ps.setString(2, to.threadId().orElse(""));
            ps.setString(3, to.serverId().orElse(null));
            ps.setBoolean(4, to.group());
            ps.setLong(5, now.toEpochMilli());
            ps.setLong(6, d.subscriptionId());
            ps.executeUpdate();
        }
        if (moves > maxMoves) finish(end, d, "FAILED", "the chat moved " + moves + " times", moves, now);
        else retry(again, d, now, moves, "the chat moved to " + to.chatId());
    }

    private static Optional<Long> subscriptionAt(Connection c, Address a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM subscriptions WHERE platform = ? AND chat_id = ? AND thread_id = ?")) {
            ps.setString(1, a.platform().name());
            ps.setString(2, a.chatId());
            ps.setString(3, a.threadId().orElse(""));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void stopSubscription(Connection c, long id, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE subscriptions SET status = 'STOPPED', stop_reason = ?,"
                + " next_due_at = NULL, updated_at = ? WHERE id = ? AND status <> 'STOPPED'")) {
            ps.setString(1, clean(reason));
            ps.setLong(2, now.toEpochMilli());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * A refused tip pauses its subscription with the reason; the scheduler has already moved it to the next day's
     * time, which is tried as usual. A subscription the user paused or that stopped meanwhile stays as it is.
     */
    private static void pauseSubscription(Connection c, long id, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE subscriptions SET status = 'PAUSED', pause_reason = ?,"
                + " pause_retried = ?, updated_at = ? WHERE id = ? AND (status = 'ACTIVE' OR (status = 'PAUSED' AND pause_retried = ?))")) {
            ps.setString(1, PauseReason.cannotPost(reason).text());
            ps.setBoolean(2, true);
            ps.setLong(3, now.toEpochMilli());
            ps.setLong(4, id);
            ps.setBoolean(5, true);
            ps.executeUpdate();
        }
    }

    /** A tip went through to a subscription the bot had paused for a fixable reason: it was fixed, so it is active again. */
    private static void resumeRetried(Connection c, List<Long> subscriptionIds, Instant now) throws SQLException {
        if (subscriptionIds.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE subscriptions SET status = 'ACTIVE', pause_reason = NULL,"
                + " pause_retried = ?, updated_at = ? WHERE id = ? AND status = 'PAUSED' AND pause_retried = ?")) {
            for (long id : subscriptionIds) {
                ps.setBoolean(1, false);
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, id);
                ps.setBoolean(4, true);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void retry(PreparedStatement ps, ClaimedDelivery d, Instant at, int attempts, String reason) throws SQLException {
        ps.setLong(1, at.toEpochMilli());
        ps.setInt(2, attempts);
        ps.setString(3, clean(reason));
        ps.setLong(4, d.id());
        ps.setString(5, instance);
        ps.addBatch();
    }

    private void finish(PreparedStatement ps, ClaimedDelivery d, String status, String reason, int attempts, Instant now) throws SQLException {
        ps.setString(1, status);
        ps.setString(2, clean(reason));
        ps.setInt(3, attempts);
        ps.setLong(4, now.toEpochMilli());
        ps.setLong(5, d.id());
        ps.setString(6, instance);
        ps.addBatch();
    }

    /** Sets a final or claimed status on many rows with one statement. */
    private void setStatus(Connection c, List<Long> ids, String status, String reason, Instant now, Instant leaseUntil) throws SQLException {
        if (ids.isEmpty()) return;
        boolean claiming = leaseUntil != null;
        boolean array = db.dialect() == Dialect.POSTGRESQL;
        // PostgreSQL takes the ids as one array parameter: planning a thousand-parameter IN list costs more than the update.
        String which = array ? "id = ANY(?)" : "id IN (" + placeholders(ids.size()) + ")";
        String sql = claiming
                ? "UPDATE deliveries SET status = ?, claimed_by = ?, lease_until = ? WHERE " + which
                : "UPDATE deliveries SET status = ?, reason = ?, finished_at = ? WHERE " + which;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status);
            if (claiming) {
                ps.setString(2, instance);
                ps.setLong(3, leaseUntil.toEpochMilli());
            } else {
                ps.setString(2, reason);
                ps.setLong(3, now.toEpochMilli());
            }
            if (array) ps.setArray(4, c.createArrayOf("bigint", ids.toArray(new Long[0])));
            else for (int i = 0; i < ids.size(); i++) ps.setLong(4 + i, ids.get(i));
            ps.executeUpdate();
        }
    }

    private static List<Long> ids(List<ClaimedDelivery> claimed) {
        List<Long> out = new ArrayList<>(claimed.size());
        for (ClaimedDelivery d : claimed) out.add(d.id());
        return out;
    }

    private static Address address(ResultSet rs) throws SQLException {
        String thread = rs.getString(9);
        return new Address(Platform.valueOf(rs.getString(7)), rs.getString(8),
                thread == null || thread.isEmpty() ? Optional.empty() : Optional.of(thread),
                Optional.ofNullable(rs.getString(10)), rs.getBoolean(11));
    }

    /** Platform error text goes into the database and /settings: no NUL (PostgreSQL refuses it), bounded. */
    static String clean(String reason) {
        if (reason == null) return "";
        String s = reason.replace('\u0000', ' ').strip();
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON);
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
