package dev.ratbot.platform;

import java.time.Duration;

/** What happened to one message handed to a {@link MessageSender}. */
public sealed interface SendResult {

    /** The platform accepted the message. */
    record Delivered() implements SendResult {
    }

    /** Rate limited: send nothing more to this platform for {@code after}, then try again. */
    record RetryAfter(Duration after) implements SendResult {
    }

    /** Network trouble or a server error: worth trying again later with backoff. */
    record Transient(String reason) implements SendResult {
    }

    /** Never worth retrying: blocked, kicked, chat or channel gone, no permission. */
    record Permanent(String reason) implements SendResult {
    }

    /** The chat now lives at another address (a Telegram group became a supergroup); resend there. */
    record Moved(Address newAddress) implements SendResult {
    }
}
