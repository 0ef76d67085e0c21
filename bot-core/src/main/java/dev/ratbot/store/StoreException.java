package dev.ratbot.store;

/**
 * The database failed (unreachable, full, a broken migration); wraps the {@link
 * java.sql.SQLException}.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
