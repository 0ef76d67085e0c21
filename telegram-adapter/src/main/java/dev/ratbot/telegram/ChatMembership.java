package dev.ratbot.telegram;

import dev.ratbot.message.Address;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.subscription.SubscriptionStore;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What Telegram says about the bot's place in a chat, acted on at once instead of at the next daily
 * tip:
 *
 * <ul>
 *   <li>{@code my_chat_member}: removed from a group or blocked by the user pauses the chat's
 *       subscriptions (nothing is tried until it is back); restricted from sending pauses them too;
 *       added back or unblocked offers to resume them with one tap;
 *   <li>a group upgraded to a supergroup ({@code migrate_to_chat_id} / {@code
 *       migrate_from_chat_id}) moves the chat's subscriptions to the new id, so that /settings
 *       there finds them.
 * </ul>
 */
final class ChatMembership {

    private static final Logger log = LoggerFactory.getLogger(ChatMembership.class);
    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    static final String REMOVED = "the bot was removed from this group";
    static final String BLOCKED = "you blocked the bot";
    static final String RESTRICTED = "the bot may not send messages here (restricted)";

    private final SubscriptionStore store;

    ChatMembership(SubscriptionStore store) {
        this.store = store;
    }

    /** Acts on a change of the bot's membership; returns a message to send to the chat, if any. */
    Optional<Reply> changed(ChatMemberUpdated update) {
        Chat chat = update.getChat();
        ChatMember now = update.getNewChatMember();
        ChatMember before = update.getOldChatMember();
        if (chat == null || chat.getId() == null || now == null) return Optional.empty();
        String chatId = Long.toString(chat.getId());
        boolean group = GroupMessageRules.isGroupChat(chat);
        if (gone(now)) {
            PauseReason reason = PauseReason.away(group ? REMOVED : BLOCKED);
            int paused = pauseAll(chatId, reason);
            if (paused > 0)
                log.info(
                        "bot {} a {} chat: {} subscriptions paused",
                        group ? "removed from" : "blocked in",
                        group ? "group" : "private",
                        paused);
            return Optional.empty();
        }
        if (now instanceof ChatMemberRestricted r
                && !Boolean.FALSE.equals(r.getIsMember())
                && Boolean.FALSE.equals(r.getCanSendMessages())) {
            pauseAll(chatId, PauseReason.cannotPost(RESTRICTED));
            return Optional.empty();
        }
        if (before != null && !gone(before) && !(before instanceof ChatMemberRestricted))
            return Optional.empty();
        // Back (added again, unblocked, allowed to write again): offer to resume what the bot
        // paused here.
        List<Subscription> paused =
                store.inChat(Platform.TELEGRAM, chatId).stream()
                        .filter(
                                s ->
                                        s.status() == SubscriptionStatus.PAUSED
                                                && s.pauseReason().isPresent())
                        .toList();
        if (paused.isEmpty()) return Optional.empty();
        Subscription s = paused.getFirst();
        String who =
                group
                        ? "An administrator can tap Resume or send /resume"
                        : "Tap Resume or send /resume";
        return Optional.of(
                Reply.text(
                                Reply.Kind.SETTINGS,
                                "Welcome back! The daily tip here ("
                                        + HH_MM.format(s.localTime())
                                        + ", "
                                        + s.zone().getId()
                                        + ") was paused when "
                                        + s.pauseReason().get().text()
                                        + ".",
                                who + " to start it again.")
                        .withChoices(List.of(new Choice("Resume daily tips", "/resume"))));
    }

    /**
     * Moves subscriptions when a group became a supergroup; true when the message was such a
     * notice.
     */
    boolean migrated(Message message) {
        if (message.getChat() == null || message.getChat().getId() == null) return false;
        String here = Long.toString(message.getChat().getId());
        if (message.getMigrateToChatId() != null) {
            move(here, Long.toString(message.getMigrateToChatId()));
            return true;
        }
        if (message.getMigrateFromChatId() != null) {
            move(Long.toString(message.getMigrateFromChatId()), here);
            return true;
        }
        return false;
    }

    private void move(String from, String to) {
        List<Subscription> moved = store.moveChat(Platform.TELEGRAM, from, to);
        if (!moved.isEmpty())
            log.info(
                    "a group became a supergroup: {} subscriptions moved to its new id",
                    moved.size());
    }

    private int pauseAll(String chatId, PauseReason reason) {
        int n = 0;
        for (Subscription s : store.inChat(Platform.TELEGRAM, chatId)) {
            if (store.pause(s.address(), reason)
                    .filter(p -> p.pauseReason().isPresent())
                    .isPresent()) n++;
        }
        return n;
    }

    private static boolean gone(ChatMember member) {
        String status =
                member.getStatus() == null ? "" : member.getStatus().toLowerCase(Locale.ROOT);
        if (status.equals("left") || status.equals("kicked")) return true;
        return member instanceof ChatMemberRestricted r && Boolean.FALSE.equals(r.getIsMember());
    }

    /** The address a membership reply goes to: the chat itself, outside any topic. */
    static Address addressOf(Chat chat) {
        return new Address(
                Platform.TELEGRAM,
                Long.toString(chat.getId()),
                Optional.empty(),
                Optional.empty(),
                GroupMessageRules.isGroupChat(chat));
    }
}
