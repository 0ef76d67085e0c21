package dev.ratbot.discord;

/** The adapter could not start: the message says why in one line and never contains the token. */
public final class DiscordStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DiscordStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
