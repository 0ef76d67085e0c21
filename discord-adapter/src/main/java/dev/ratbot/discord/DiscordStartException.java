package dev.ratbot.discord;

import discord4j.rest.http.client.ClientException;

/**
 * The adapter could not start: the message says why in one line and never contains the token.
 * {@link #unreachable()} tells a Discord that could not be reached (no answer, a server error, no
 * gateway connection in time: worth trying again later) from one that refused (the token, an intent
 * the application lacks: the operator must fix it).
 */
public final class DiscordStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean unreachable;

    DiscordStartException(String message, Throwable cause) {
        this(message, cause, !refused(cause));
    }

    DiscordStartException(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /**
     * True when Discord could not be reached or failed on its side; false when it refused what we
     * sent.
     */
    public boolean unreachable() {
        return unreachable;
    }

    /** Discord answered 4xx (other than 429, a rate limit) somewhere in the cause. */
    @SuppressWarnings(
            "ReferenceEquality") // a cause that is the exception itself ends the chain: identity is
    // meant
    static boolean refused(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClientException ce) {
                int status = ce.getStatus().code();
                return status >= 400 && status < 500 && status != 429;
            }
        }
        return false;
    }
}
