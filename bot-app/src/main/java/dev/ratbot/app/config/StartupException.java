package dev.ratbot.app.config;

/**
 * A configuration or start-up problem the operator must fix; its message is one line naming the
 * setting.
 */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
