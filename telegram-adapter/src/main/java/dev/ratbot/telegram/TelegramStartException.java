package dev.ratbot.telegram;

/**
 * The adapter could not start: the token was refused, the Bot API server could not be reached, or the webhook
 * could not be set or its port bound. The message is one line for an operator, and never contains the token.
 */
public final class TelegramStartException extends RuntimeException {
    public TelegramStartException(String message) {
        super(message);
    }
}
