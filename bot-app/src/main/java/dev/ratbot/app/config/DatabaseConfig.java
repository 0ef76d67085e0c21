package dev.ratbot.app.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the store lives: a SQLite file (one instance) or PostgreSQL (any number of instances).
 *
 * @param url a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 * @param password the database password when it is not in the URL
 */
public record DatabaseConfig(String url, Optional<Secret> password) {

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]+:)[^/@]*@");

    /** True for PostgreSQL, where several instances may share the store. */
    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL with any password in it replaced, fit for logs and error messages. */
    public String redactedUrl() {
        return redact(url);
    }

    static String redact(String url) {
        return USER_INFO
                .matcher(PASSWORD_IN_URL.matcher(url).replaceAll("$1<redacted>"))
                .replaceAll("$1<redacted>@");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url="
                + redactedUrl()
                + ", password="
                + password.map(Secret::toString).orElse("none")
                + "]";
    }
}
