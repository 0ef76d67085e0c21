package dev.ratbot.telegram;

import dev.ratbot.conversation.Rights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Whether a group member may change the group's settings: its creator or an administrator, asked
 * with {@code getChatMember} only when the conversation needs to know, and at most once per
 * message. A message an anonymous administrator sends on behalf of the group carries the group
 * itself as {@code sender_chat}, which Telegram only allows administrators to do. When Telegram
 * cannot be asked, the answer is no.
 */
final class ChatAdminRights implements Rights {

    private static final Logger log = LoggerFactory.getLogger(ChatAdminRights.class);

    private final TelegramClient client;
    private final String chatId;
    private final long userId;
    private final boolean anonymousAdmin;
    private Boolean answer;

    ChatAdminRights(TelegramClient client, String chatId, long userId, boolean anonymousAdmin) {
        this.client = client;
        this.chatId = chatId;
        this.userId = userId;
        this.anonymousAdmin = anonymousAdmin;
    }

    @Override
    public synchronized boolean canManageSettings() {
        if (answer == null) answer = anonymousAdmin || ask();
        return answer;
    }

    private boolean ask() {
        try {
            String status = client.execute(new GetMemberStatus(chatId, userId));
            return "creator".equals(status) || "administrator".equals(status);
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("could not check a group member's rights: {}", Redaction.describe(e));
            return false;
        }
    }
}
