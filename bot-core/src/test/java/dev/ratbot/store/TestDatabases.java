package dev.ratbot.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens real databases for tests: a SQLite file in a JUnit temporary folder, or PostgreSQL in a
 * fresh schema. PostgreSQL comes from env {@code RATBOT_TEST_POSTGRES_URL} (default the local
 * trust-auth server); when it is unreachable the test is skipped, unless {@code
 * RATBOT_REQUIRE_POSTGRES=true} or {@code CI=true}, then it fails.
 */
public final class TestDatabases {

    public static final String DEFAULT_POSTGRES_URL =
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private TestDatabases() {}

    public static Database sqlite(Path folder) {
        return Database.open(DatabaseSettings.of("jdbc:sqlite:" + folder.resolve("ratbot.db")));
    }

    /**
     * A migrated database in a new schema named after {@code label}; closing it drops the schema.
     */
    public static Database postgres(String label) {
        return postgres(label, 0);
    }

    public static Database postgres(String label, int poolSize) {
        String schema = newSchemaName(label);
        return Database.open(
                DatabaseSettings.of(postgresUrl()).withSchema(schema).withMaxPoolSize(poolSize));
    }

    /**
     * Opens another pool on the same schema as {@code other}, as a second instance of the bot
     * would.
     */
    public static Database postgresSameSchema(String schema, int poolSize) {
        return Database.open(
                DatabaseSettings.of(postgresUrl()).withSchema(schema).withMaxPoolSize(poolSize));
    }

    public static String newSchemaName(String label) {
        String clean = label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.length() > 30) clean = clean.substring(0, 30);
        byte[] salt = new byte[4];
        ThreadLocalRandom.current().nextBytes(salt);
        return "t_" + clean + "_" + HexFormat.of().formatHex(salt);
    }

    /**
     * The PostgreSQL URL, after making sure the server answers (skipping or failing the test as
     * described).
     */
    @SuppressWarnings("try") // the connection only proves that the server answers
    public static String postgresUrl() {
        // ./test --quick sets this: the unit tests only, PostgreSQL is left to the full ./test.
        assumeTrue(
                !Boolean.getBoolean("ratbot.tests.quick"),
                "./test --quick leaves PostgreSQL to ./test");
        String url = System.getenv().getOrDefault("RATBOT_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL);
        try (Connection c = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            if (postgresRequired())
                fail(
                        "PostgreSQL is required (RATBOT_REQUIRE_POSTGRES or CI) but unreachable at "
                                + url
                                + ": "
                                + e.getMessage());
            assumeTrue(false, "PostgreSQL unreachable at " + url + ": " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    private static boolean postgresRequired() {
        return "true".equalsIgnoreCase(System.getenv("RATBOT_REQUIRE_POSTGRES"))
                || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * The test PostgreSQL reached through a local port (a {@link dev.ratbot.testing.TcpProxy} in
     * front of it), in a new schema; the caller drops it with {@link #dropSchema}.
     */
    public static Database postgresVia(
            int port, String schema, java.time.Duration connectionTimeout, StoreHealth health) {
        java.net.URI direct = java.net.URI.create(postgresUrl().substring("jdbc:".length()));
        String url =
                "jdbc:postgresql://127.0.0.1:"
                        + port
                        + direct.getRawPath()
                        + (direct.getRawQuery() == null ? "" : "?" + direct.getRawQuery());
        return Database.open(
                DatabaseSettings.of(url)
                        .withSchema(schema)
                        .withConnectionTimeout(connectionTimeout),
                health);
    }

    /** Host and port of the test PostgreSQL. */
    public static java.net.InetSocketAddress postgresAddress() {
        java.net.URI direct = java.net.URI.create(postgresUrl().substring("jdbc:".length()));
        return new java.net.InetSocketAddress(
                direct.getHost(), direct.getPort() < 0 ? 5432 : direct.getPort());
    }

    /** Drops a test schema; call after closing the pools that used it. */
    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(postgresUrl());
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema a PostgreSQL test database uses. */
    public static String schemaOf(Database db) {
        return db.withConnection(Connection::getSchema);
    }
}
