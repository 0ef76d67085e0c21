package dev.ratbot.telegram;

import dev.ratbot.message.Address;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import java.time.Duration;
import java.util.Optional;

/**
 * Telegram's side of the daily-tip port: sends a reply to a stored address and classifies the
 * outcome (429 → retry after {@code retry_after}; 403 blocked or kicked and 400 chat gone →
 * permanent; a migrated group → moved to the supergroup's id; network and server errors →
 * transient). Never throws.
 */
final class TelegramMessageSender implements MessageSender {

    /**
     * Telegram's published limits: 4096 characters of text, about 30 messages a second in all, one
     * a second to a chat and twenty a minute to a group.
     */
    static final PlatformLimits LIMITS = new PlatformLimits(4096, 30, Duration.ofSeconds(1), 20);

    private final ReplyDelivery delivery;

    TelegramMessageSender(ReplyDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public PlatformLimits limits() {
        return LIMITS;
    }

    @Override
    public SendResult send(Address to, Reply reply) {
        if (to == null || to.platform() != Platform.TELEGRAM) {
            return new SendResult.Permanent("not a Telegram address: " + to);
        }
        if (!isChatId(to.chatId()) || to.threadId().filter(t -> !isThreadId(t)).isPresent()) {
            return new SendResult.Permanent("malformed Telegram address: " + to.chatId());
        }
        try {
            return delivery.deliver(to, reply, Optional.empty());
        } catch (RuntimeException e) {
            return new SendResult.Transient("unexpected: " + Redaction.describe(e));
        }
    }

    /**
     * Chat ids are 64-bit integers (negative for groups); usernames like "@channel" are valid too.
     */
    private static boolean isChatId(String id) {
        return id.matches("-?\\d{1,19}") || id.matches("@[A-Za-z0-9_]{4,32}");
    }

    private static boolean isThreadId(String id) {
        return id.matches("\\d{1,9}");
    }
}
