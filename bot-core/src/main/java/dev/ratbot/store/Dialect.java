package dev.ratbot.store;

import java.util.Locale;

/** The SQL dialects Ratbot stores data in; the few statements that differ ask which one they run on. */
public enum Dialect {
    /** Embedded, a single writer at a time: write transactions begin IMMEDIATE, so no row locks are needed. */
    SQLITE,
    /** Shared by several instances: claims use {@code FOR UPDATE SKIP LOCKED}. */
    POSTGRESQL;

    static Dialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) return SQLITE;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported database URL (use jdbc:sqlite:<file> or jdbc:postgresql://...): "
                + jdbcUrl.replaceAll("(?i)password=[^&;]*", "password=***"));
    }

    /** The Flyway location of this dialect's migrations. */
    String migrations() {
        return "classpath:dev/ratbot/store/" + name().toLowerCase(Locale.ROOT);
    }

    /** Row-lock clause for a claim query; SQLite needs none because its write transaction already excludes others. */
    public String skipLocked() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** The same, locking only the rows of the named table in a join. */
    public String skipLocked(String table) {
        return this == POSTGRESQL ? " FOR UPDATE OF " + table + " SKIP LOCKED" : "";
    }
}
