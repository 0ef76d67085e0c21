package dev.ratbot.console;

import dev.ratbot.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's entries on SQLite or PostgreSQL (tables {@code operator_entries} and {@code
 * operator_revision}, which this class alone writes). Every change bumps the revision in the same
 * transaction, so that each instance notices any change by reading one number ({@link
 * #revision()}). Thread-safe.
 */
public final class OperatorEntries {

    private final Database db;
    private final Clock clock;

    public OperatorEntries(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every entry, oldest first. */
    public List<OperatorEntry> all() {
        return db.withConnection(
                c -> {
                    try (Statement s = c.createStatement();
                            ResultSet rs =
                                    s.executeQuery(
                                            "SELECT id, kind, title, body, section_id, enabled FROM operator_entries ORDER BY id")) {
                        List<OperatorEntry> out = new ArrayList<>();
                        while (rs.next()) out.add(read(rs));
                        return out;
                    }
                });
    }

    public Optional<OperatorEntry> find(long id) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT id, kind, title, body, section_id, enabled FROM operator_entries WHERE id = ?")) {
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                        }
                    }
                });
    }

    /** Adds the entry (its id is ignored) and returns it with the id it got. */
    public OperatorEntry add(OperatorEntry entry) {
        return db.inTransaction(
                c -> {
                    long now = clock.millis();
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO operator_entries (kind, title, body, section_id, enabled, created_at,"
                                            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                    Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, entry.kind().name());
                        ps.setString(2, entry.title());
                        ps.setString(3, entry.body().orElse(null));
                        ps.setString(4, entry.sectionId().orElse(null));
                        ps.setBoolean(5, entry.enabled());
                        ps.setLong(6, now);
                        ps.setLong(7, now);
                        ps.executeUpdate();
                        long id;
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                        bump(c);
                        return new OperatorEntry(
                                id,
                                entry.kind(),
                                entry.title(),
                                entry.body(),
                                entry.sectionId(),
                                entry.enabled());
                    }
                });
    }

    /**
     * Replaces the title, body, section and enabled flag of entry {@code entry.id()}; false when
     * there is none.
     */
    public boolean update(OperatorEntry entry) {
        return db.inTransaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE operator_entries SET title = ?, body = ?, section_id = ?, enabled = ?,"
                                            + " updated_at = ? WHERE id = ? AND kind = ?")) {
                        ps.setString(1, entry.title());
                        ps.setString(2, entry.body().orElse(null));
                        ps.setString(3, entry.sectionId().orElse(null));
                        ps.setBoolean(4, entry.enabled());
                        ps.setLong(5, clock.millis());
                        ps.setLong(6, entry.id());
                        ps.setString(7, entry.kind().name());
                        boolean changed = ps.executeUpdate() > 0;
                        if (changed) bump(c);
                        return changed;
                    }
                });
    }

    /** Deletes an entry; false when there is none. */
    public boolean delete(long id) {
        return db.inTransaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("DELETE FROM operator_entries WHERE id = ?")) {
                        ps.setLong(1, id);
                        boolean changed = ps.executeUpdate() > 0;
                        if (changed) bump(c);
                        return changed;
                    }
                });
    }

    /**
     * A number that changes with every change to the entries, on every instance sharing the
     * database.
     */
    public long revision() {
        return db.withConnection(
                c -> {
                    try (Statement s = c.createStatement();
                            ResultSet rs =
                                    s.executeQuery(
                                            "SELECT revision FROM operator_revision WHERE id = 1")) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                });
    }

    private static void bump(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE operator_revision SET revision = revision + 1 WHERE id = 1");
        }
    }

    private static OperatorEntry read(ResultSet rs) throws SQLException {
        return new OperatorEntry(
                rs.getLong(1),
                OperatorEntry.Kind.valueOf(rs.getString(2)),
                rs.getString(3),
                Optional.ofNullable(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)),
                rs.getBoolean(6));
    }
}
