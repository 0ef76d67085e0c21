package dev.ratbot.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the database.
 *
 * @param jdbcUrl {@code jdbc:sqlite:<file>} (embedded, one instance) or {@code
 *     jdbc:postgresql://...} (one or more instances); credentials may sit in the URL or come from
 *     {@code password}
 * @param password the PostgreSQL password when it is not in the URL (read it from the environment
 *     or a file, never from the command line)
 * @param schema a PostgreSQL schema to create and use instead of the user's default; ignored for
 *     SQLite
 * @param maxPoolSize connections in the pool; 0 chooses per dialect (SQLite 4, PostgreSQL 10)
 * @param connectionTimeout how long asking the pool for a connection may wait before it fails: what
 *     a command that needs the store waits at most when the database is down
 */
public record DatabaseSettings(
        String jdbcUrl,
        Optional<String> password,
        Optional<String> schema,
        int maxPoolSize,
        Duration connectionTimeout) {

    /** The embedded default: a SQLite file under {@code data/} in the working directory. */
    public static final String DEFAULT_URL = "jdbc:sqlite:data/ratbot.db";

    /**
     * Hikari's own default is 30 s, which a person waiting for a reply to /subscribe feels; 5 s
     * still rides out a busy pool (SQLite writers queue with a 10 s busy timeout, but hold a
     * connection for milliseconds).
     */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        password = password == null ? Optional.empty() : password;
        schema = schema == null ? Optional.empty() : schema;
        if (maxPoolSize < 0) throw new IllegalArgumentException("maxPoolSize < 0");
        connectionTimeout =
                connectionTimeout == null ? DEFAULT_CONNECTION_TIMEOUT : connectionTimeout;
        // Hikari refuses less than 250 ms.
        if (connectionTimeout.toMillis() < 250)
            throw new IllegalArgumentException("connectionTimeout < 250 ms");
    }

    public static DatabaseSettings defaults() {
        return of(DEFAULT_URL);
    }

    public static DatabaseSettings of(String jdbcUrl) {
        return new DatabaseSettings(
                jdbcUrl, Optional.empty(), Optional.empty(), 0, DEFAULT_CONNECTION_TIMEOUT);
    }

    public DatabaseSettings withSchema(String schema) {
        return new DatabaseSettings(
                jdbcUrl, password, Optional.of(schema), maxPoolSize, connectionTimeout);
    }

    public DatabaseSettings withPassword(String password) {
        return new DatabaseSettings(
                jdbcUrl, Optional.ofNullable(password), schema, maxPoolSize, connectionTimeout);
    }

    public DatabaseSettings withMaxPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, password, schema, size, connectionTimeout);
    }

    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(jdbcUrl, password, schema, maxPoolSize, timeout);
    }
}
