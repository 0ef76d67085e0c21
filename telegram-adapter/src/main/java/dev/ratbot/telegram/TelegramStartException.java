package dev.ratbot.telegram;

/**
 * The adapter could not start. The message is one line for an operator, and never contains the
 * token. {@link #unreachable()} tells a Telegram that could not be reached (no answer, a server
 * error: worth trying again later) from one that refused (the token, the webhook's address: the
 * operator must fix it).
 */
public final class TelegramStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean unreachable;

    TelegramStartException(String message, boolean unreachable) {
        super(message);
        this.unreachable = unreachable;
    }

    /**
     * True when Telegram could not be reached or failed on its side; false when it refused what we
     * sent.
     */
    public boolean unreachable() {
        return unreachable;
    }
}
