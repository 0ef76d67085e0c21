package dev.ratbot.subscription;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The subscription store on SQLite or PostgreSQL (table {@code subscriptions}). Besides the
 * subscription itself it keeps {@code next_due_at}, the instant of the next daily tip, which the
 * scheduler claims; every change of time, zone or status here recomputes it from the injected clock
 * (NULL unless ACTIVE). An address is identified by platform, chat id and thread; its server and
 * group flag are updated on re-subscribe. Thread-safe.
 */
public final class JdbcSubscriptionStore implements SubscriptionStore {

    static final String COLUMNS =
            "id, platform, chat_id, thread_id, server_id, is_group, local_time, zone, status, created_by,"
                    + " stop_reason, pause_reason, pause_retried";
    private static final String BY_ADDRESS =
            " WHERE platform = ? AND chat_id = ? AND thread_id = ?";

    private final Database db;
    private final Clock clock;

    public JdbcSubscriptionStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Subscription subscribe(
            Address address, LocalTime localTime, ZoneId zone, String createdBy) {
        Instant now = clock.instant();
        long nextDue =
                DeliveryTimes.firstAtOrAfter(localTime, zone, now).toInstant().toEpochMilli();
        String sql =
                "INSERT INTO subscriptions (platform, chat_id, thread_id, server_id, is_group, local_time, zone, status,"
                        + " created_by, stop_reason, pause_retried, created_at, updated_at, next_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)"
                        + " ON CONFLICT (platform, chat_id, thread_id) DO UPDATE SET server_id = excluded.server_id,"
                        + " is_group = excluded.is_group, local_time = excluded.local_time, zone = excluded.zone, status = excluded.status,"
                        + " stop_reason = NULL, pause_reason = NULL, pause_retried = excluded.pause_retried, updated_at = excluded.updated_at,"
                        + " next_due_at = excluded.next_due_at"
                        + " RETURNING "
                        + COLUMNS;
        return db.inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        int i = bindAddress(ps, 1, address);
                        ps.setString(i++, address.serverId().orElse(null));
                        ps.setBoolean(i++, address.group());
                        ps.setString(i++, formatTime(localTime));
                        ps.setString(i++, zone.getId());
                        ps.setString(i++, SubscriptionStatus.ACTIVE.name());
                        ps.setString(i++, createdBy == null ? "" : createdBy);
                        ps.setBoolean(i++, false);
                        ps.setLong(i++, now.toEpochMilli());
                        ps.setLong(i++, now.toEpochMilli());
                        ps.setLong(i, nextDue);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return read(rs);
                        }
                    }
                });
    }

    @Override
    public Optional<Subscription> find(Address address) {
        return db.withConnection(c -> select(c, address, ""));
    }

    @Override
    public Optional<Subscription> setPaused(Address address, boolean paused) {
        return db.inTransaction(
                c -> {
                    Optional<Subscription> old = select(c, address, lock());
                    if (old.isEmpty() || old.get().status() == SubscriptionStatus.STOPPED)
                        return Optional.empty();
                    Subscription s = old.get();
                    Instant now = clock.instant();
                    Long nextDue =
                            paused
                                    ? null
                                    : DeliveryTimes.firstAtOrAfter(s.localTime(), s.zone(), now)
                                            .toInstant()
                                            .toEpochMilli();
                    update(
                            c,
                            s.id(),
                            paused ? SubscriptionStatus.PAUSED : SubscriptionStatus.ACTIVE,
                            null,
                            null,
                            nextDue,
                            now);
                    return select(c, address, "");
                });
    }

    @Override
    public Optional<Subscription> pause(Address address, PauseReason reason) {
        return db.inTransaction(
                c -> {
                    Optional<Subscription> old = select(c, address, lock());
                    if (old.isEmpty() || old.get().status() == SubscriptionStatus.STOPPED)
                        return Optional.empty();
                    Subscription s = old.get();
                    if (s.status() == SubscriptionStatus.PAUSED && s.pauseReason().isEmpty())
                        return old;
                    Instant now = clock.instant();
                    Long nextDue = null;
                    if (reason.retriedDaily()) {
                        // Keep the occurrence the scheduler already advanced to (the next day's
                        // after a refused delivery).
                        nextDue =
                                nextDue(c, s.id())
                                        .orElseGet(
                                                () ->
                                                        DeliveryTimes.firstAtOrAfter(
                                                                        s.localTime(),
                                                                        s.zone(),
                                                                        now)
                                                                .toInstant()
                                                                .toEpochMilli());
                    }
                    update(c, s.id(), SubscriptionStatus.PAUSED, null, reason, nextDue, now);
                    return select(c, address, "");
                });
    }

    @Override
    public Optional<Subscription> stop(Address address, String reason) {
        return db.inTransaction(
                c -> {
                    Optional<Subscription> old = select(c, address, lock());
                    if (old.isEmpty()) return Optional.empty();
                    update(
                            c,
                            old.get().id(),
                            SubscriptionStatus.STOPPED,
                            reason == null ? "" : reason,
                            null,
                            null,
                            clock.instant());
                    return select(c, address, "");
                });
    }

    @Override
    public List<Subscription> inChat(Platform platform, String chatId) {
        return db.withConnection(c -> inChat(c, platform, chatId, ""));
    }

    @Override
    public List<Subscription> inServer(Platform platform, String serverId) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT "
                                            + COLUMNS
                                            + " FROM subscriptions WHERE platform = ? AND server_id = ?"
                                            + " ORDER BY id")) {
                        ps.setString(1, platform.name());
                        ps.setString(2, serverId);
                        List<Subscription> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) out.add(read(rs));
                        }
                        return out;
                    }
                });
    }

    @Override
    public List<Subscription> moveChat(Platform platform, String fromChatId, String toChatId) {
        if (fromChatId.equals(toChatId)) return inChat(platform, fromChatId);
        return db.inTransaction(
                c -> {
                    Instant now = clock.instant();
                    List<Long> ids = new ArrayList<>();
                    for (Subscription s : inChat(c, platform, fromChatId, lock())) {
                        ids.add(s.id());
                        Address to = s.address().movedTo(toChatId);
                        if (select(c, to, "").isPresent()) {
                            update(
                                    c,
                                    s.id(),
                                    SubscriptionStatus.STOPPED,
                                    InMemorySubscriptionStore.movedOnto(toChatId),
                                    null,
                                    null,
                                    now);
                            continue;
                        }
                        try (PreparedStatement ps =
                                c.prepareStatement(
                                        "UPDATE subscriptions SET chat_id = ?, updated_at = ? WHERE id = ?")) {
                            ps.setString(1, toChatId);
                            ps.setLong(2, now.toEpochMilli());
                            ps.setLong(3, s.id());
                            ps.executeUpdate();
                        }
                    }
                    List<Subscription> out = new ArrayList<>();
                    for (long id : ids) out.add(byId(c, id).orElseThrow());
                    return out;
                });
    }

    /** The subscription with this id, whatever its address now is (it may have moved). */
    public Optional<Subscription> findById(long id) {
        return db.withConnection(c -> byId(c, id));
    }

    private static Optional<Subscription> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static List<Subscription> inChat(
            Connection c, Platform platform, String chatId, String lock) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT "
                                + COLUMNS
                                + " FROM subscriptions WHERE platform = ? AND chat_id = ?"
                                + " ORDER BY id"
                                + lock)) {
            ps.setString(1, platform.name());
            ps.setString(2, chatId);
            List<Subscription> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        }
    }

    private static Optional<Long> nextDue(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT next_due_at FROM subscriptions WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long at = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(at);
            }
        }
    }

    private String lock() {
        return db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
    }

    /**
     * When the scheduler will next deliver to this address; empty unless it is active. Exact,
     * unlike {@link DeliveryTimes#nextDelivery}.
     */
    public Optional<Instant> nextDue(Address address) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT next_due_at FROM subscriptions" + BY_ADDRESS)) {
                        bindAddress(ps, 1, address);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) return Optional.empty();
                            long at = rs.getLong(1);
                            return rs.wasNull()
                                    ? Optional.empty()
                                    : Optional.of(Instant.ofEpochMilli(at));
                        }
                    }
                });
    }

    private Optional<Subscription> select(Connection c, Address address, String lock)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM subscriptions" + BY_ADDRESS + lock)) {
            bindAddress(ps, 1, address);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static void update(
            Connection c,
            long id,
            SubscriptionStatus status,
            String stopReason,
            PauseReason pause,
            Long nextDue,
            Instant now)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE subscriptions SET status = ?, stop_reason = ?, pause_reason = ?,"
                                + " pause_retried = ?, next_due_at = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, stopReason);
            ps.setString(3, pause == null ? null : pause.text());
            ps.setBoolean(4, pause != null && pause.retriedDaily());
            if (nextDue == null) ps.setNull(5, Types.BIGINT);
            else ps.setLong(5, nextDue);
            ps.setLong(6, now.toEpochMilli());
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    /** Binds platform, chat id and thread from {@code index}; returns the next free index. */
    static int bindAddress(PreparedStatement ps, int index, Address address) throws SQLException {
        ps.setString(index, address.platform().name());
        ps.setString(index + 1, address.chatId());
        ps.setString(index + 2, address.threadId().orElse(""));
        return index + 3;
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    static Subscription read(ResultSet rs) throws SQLException {
        String thread = rs.getString("thread_id");
        Address address =
                new Address(
                        Platform.valueOf(rs.getString("platform")),
                        rs.getString("chat_id"),
                        thread == null || thread.isEmpty() ? Optional.empty() : Optional.of(thread),
                        Optional.ofNullable(rs.getString("server_id")),
                        rs.getBoolean("is_group"));
        String pauseReason = rs.getString("pause_reason");
        boolean retried = rs.getBoolean("pause_retried");
        return new Subscription(
                rs.getLong("id"),
                address,
                LocalTime.parse(rs.getString("local_time")),
                ZoneId.of(rs.getString("zone")),
                SubscriptionStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"),
                Optional.ofNullable(rs.getString("stop_reason")),
                Optional.ofNullable(pauseReason).map(r -> new PauseReason(r, retried)));
    }

    private static String formatTime(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }
}
