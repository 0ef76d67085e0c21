package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The test PostgreSQL server from env RATBOT_TEST_POSTGRES_URL (default the local trust-auth one).
 * Unreachable: the test is skipped, unless RATBOT_REQUIRE_POSTGRES=true or CI=true, then it fails.
 */
final class Postgres {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private Postgres() {}

    @SuppressWarnings("try") // the connection only proves that the server answers
    static String url() {
        String url = System.getenv().getOrDefault("RATBOT_TEST_POSTGRES_URL", DEFAULT_URL);
        try (Connection c = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            boolean required =
                    "true".equalsIgnoreCase(System.getenv("RATBOT_REQUIRE_POSTGRES"))
                            || "true".equalsIgnoreCase(System.getenv("CI"));
            if (required)
                fail("PostgreSQL is required but unreachable at " + url + ": " + e.getMessage());
            assumeTrue(false, "PostgreSQL unreachable at " + url + ": " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }
}
