package dev.ratbot.message;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a message goes: a platform, a chat or channel id, an optional thread (a Telegram forum
 * topic), and an optional server (a Discord guild). {@code group} is true for group chats and
 * server channels, where changing settings needs an administrator.
 */
public record Address(
        Platform platform,
        String chatId,
        Optional<String> threadId,
        Optional<String> serverId,
        boolean group) {
    public Address {
        Objects.requireNonNull(platform, "platform");
        if (chatId == null || chatId.isBlank())
            throw new IllegalArgumentException("chatId is blank");
        threadId = threadId == null ? Optional.empty() : threadId;
        serverId = serverId == null ? Optional.empty() : serverId;
    }

    public static Address direct(Platform platform, String chatId) {
        return new Address(platform, chatId, Optional.empty(), Optional.empty(), false);
    }

    public static Address group(Platform platform, String chatId) {
        return new Address(platform, chatId, Optional.empty(), Optional.empty(), true);
    }

    /** The same place under a new chat id (a Telegram group upgraded to a supergroup). */
    public Address movedTo(String newChatId) {
        return new Address(platform, newChatId, threadId, serverId, group);
    }
}
