package dev.ratbot.message;

import java.time.Duration;

/** What happened to one message handed to a {@link MessageSender}. */
public sealed interface SendResult {

    /** The platform accepted the message. */
    record Delivered() implements SendResult {}

    /** Rate limited: send nothing more to this platform for {@code after}, then try again. */
    record RetryAfter(Duration after) implements SendResult {}

    /** Network trouble or a server error: worth trying again later with backoff. */
    record Transient(String reason) implements SendResult {}

    /**
     * Never worth retrying: blocked by the user, kicked, user deactivated, chat or channel gone.
     * Ends a subscription.
     */
    record Permanent(String reason) implements SendResult {}

    /**
     * The chat refuses messages for now, for a reason its people can fix: a closed forum topic,
     * missing rights, a restriction. Not a death: a subscription pauses with {@code reason} (said
     * so in /settings) and the next day's tip tries again; a reply is simply not delivered.
     */
    record Refused(String reason) implements SendResult {}

    /**
     * The chat now lives at another address (a Telegram group became a supergroup); resend there.
     */
    record Moved(Address newAddress) implements SendResult {}
}
