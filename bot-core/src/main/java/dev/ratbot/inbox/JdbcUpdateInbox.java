package dev.ratbot.inbox;

import dev.ratbot.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The inbox on SQLite or PostgreSQL (table {@code inbox}, keyed by stream and update id). Accepting
 * is one {@code INSERT ... ON CONFLICT DO NOTHING} batch in one transaction; taking is one
 * conditional UPDATE, so exactly one instance wins it. A taken row keeps its key (to recognise a
 * late redelivery) but drops its payload.
 */
public final class JdbcUpdateInbox implements UpdateInbox {

    private final Database db;
    private final Clock clock;

    public JdbcUpdateInbox(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Arrival> accept(String stream, List<Arrival> arrivals) {
        if (arrivals.isEmpty()) return List.of();
        long now = clock.instant().toEpochMilli();
        return db.inTransaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO inbox (stream, update_id, lane, payload, received_at)"
                                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (stream, update_id) DO NOTHING")) {
                        for (Arrival a : arrivals) {
                            ps.setString(1, stream);
                            ps.setLong(2, a.id());
                            ps.setString(3, a.lane());
                            ps.setString(4, a.payload().replace('\u0000', ' '));
                            ps.setLong(5, now);
                            ps.addBatch();
                        }
                        int[] counts = ps.executeBatch();
                        List<Arrival> fresh = new ArrayList<>();
                        for (int i = 0; i < counts.length; i++) {
                            if (counts[i] == Statement.SUCCESS_NO_INFO)
                                throw new IllegalStateException(
                                        "driver hides which rows were inserted");
                            if (counts[i] > 0) fresh.add(arrivals.get(i));
                        }
                        return fresh;
                    }
                });
    }

    @Override
    public boolean take(String stream, long id, String instance) {
        long now = clock.instant().toEpochMilli();
        return db.inTransaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE inbox SET taken_by = ?, taken_at = ?, payload = ''"
                                            + " WHERE stream = ? AND update_id = ? AND taken_by IS NULL")) {
                        ps.setString(1, instance == null || instance.isEmpty() ? "?" : instance);
                        ps.setLong(2, now);
                        ps.setString(3, stream);
                        ps.setLong(4, id);
                        return ps.executeUpdate() == 1;
                    }
                });
    }

    @Override
    public List<Arrival> untaken(String stream, int limit) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT update_id, lane, payload FROM inbox"
                                            + " WHERE stream = ? AND taken_by IS NULL ORDER BY update_id LIMIT ?")) {
                        ps.setString(1, stream);
                        ps.setInt(2, limit);
                        List<Arrival> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next())
                                out.add(
                                        new Arrival(
                                                rs.getLong(1), rs.getString(2), rs.getString(3)));
                        }
                        return out;
                    }
                });
    }

    @Override
    public int forgetBefore(Instant before) {
        return db.inTransaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("DELETE FROM inbox WHERE received_at < ?")) {
                        ps.setLong(1, before.toEpochMilli());
                        return ps.executeUpdate();
                    }
                });
    }
}
