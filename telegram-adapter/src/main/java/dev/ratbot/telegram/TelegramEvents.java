package dev.ratbot.telegram;

/**
 * What the adapter reports for metrics: replies it gave up on, and messages flood control turned away. The
 * launcher counts them; the default does nothing. Called on update threads; implementations must be quick.
 */
public interface TelegramEvents {

    TelegramEvents NONE = new TelegramEvents() {
    };

    /** A reply was not delivered: {@code reason} is retry_after (waited as long as allowed), refused or failed. */
    default void replyNotDelivered(String reason) {
    }

    /** A user sent more than the flood limit; {@code warned} is true for the one "slow down" answer. */
    default void floodLimited(boolean warned) {
    }
}
