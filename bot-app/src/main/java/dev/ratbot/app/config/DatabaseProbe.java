package dev.ratbot.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Checks at start that the configured database can be reached, so that a wrong host, port, password
 * or folder stops the start with one line naming {@code RATBOT_DB_URL} instead of a pool's retry
 * loop.
 */
public final class DatabaseProbe {

    private static final int TIMEOUT_SECONDS = 5;

    private DatabaseProbe() {}

    /** Opens and closes one connection; creates a SQLite file's missing folder. */
    public static void check(DatabaseConfig database) {
        String url = database.url();
        if (url.startsWith("jdbc:sqlite:")) createSqliteFolder(database);
        Properties properties = new Properties();
        database.password().ifPresent(p -> properties.setProperty("password", p.reveal()));
        if (database.postgres()) {
            properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
            properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            if (!connection.isValid(TIMEOUT_SECONDS))
                throw new SQLException("the connection did not answer");
        } catch (SQLException e) {
            throw new StartupException(
                    Setting.RATBOT_DB_URL.name()
                            + "="
                            + database.redactedUrl()
                            + ": cannot connect to the database ("
                            + firstSentence(e)
                            + ")",
                    e);
        }
    }

    /**
     * True when the URL names a SQLite file that does not exist (yet): there is no store to read.
     */
    public static boolean sqliteFileMissing(DatabaseConfig database) {
        String url = database.url();
        if (!url.startsWith("jdbc:sqlite:")) return false;
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) file = file.substring(0, query);
        if (file.startsWith("file:")) file = file.substring("file:".length());
        if (file.isEmpty() || file.equals(":memory:")) return false;
        return !Files.exists(Path.of(file));
    }

    private static void createSqliteFolder(DatabaseConfig database) {
        String file = database.url().substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) file = file.substring(0, query);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) return;
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StartupException(
                    Setting.RATBOT_DB_URL.name()
                            + "="
                            + database.redactedUrl()
                            + ": cannot create the folder "
                            + parent
                            + " for the SQLite file ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    private static String firstSentence(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.lines().findFirst().orElse(message);
        int end = message.indexOf(". ");
        return DatabaseConfig.redact(end > 0 ? message.substring(0, end) : message);
    }
}
