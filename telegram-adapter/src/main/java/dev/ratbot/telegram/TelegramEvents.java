package dev.ratbot.telegram;

import dev.ratbot.fault.Bugs;

/**
 * What the adapter reports for metrics: replies it gave up on, messages flood control turned away,
 * and bugs its event loop caught. The launcher counts them; the default counts nothing and only
 * logs bugs. Called on update threads; implementations must be quick.
 */
public interface TelegramEvents {

    TelegramEvents NONE = new TelegramEvents() {};

    /**
     * A reply was not delivered: {@code reason} is retry_after (waited as long as allowed), refused
     * or failed.
     */
    default void replyNotDelivered(String reason) {}

    /**
     * A user sent more than the flood limit; {@code warned} is true for the one "slow down" answer.
     */
    default void floodLimited(boolean warned) {}

    /** Where the update loop reports an exception it caught while handling one update: a bug. */
    default Bugs bugs() {
        return Bugs.logged();
    }
}
