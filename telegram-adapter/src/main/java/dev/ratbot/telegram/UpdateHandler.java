package dev.ratbot.telegram;

import dev.ratbot.conversation.Command;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.conversation.Incoming;
import dev.ratbot.conversation.Reply;
import dev.ratbot.conversation.Rights;
import dev.ratbot.platform.Address;
import dev.ratbot.platform.Platform;
import dev.ratbot.platform.SendResult;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Handles one update, however it arrived (long polling or webhook): messages go to the conversation and its
 * reply back to the chat, button taps are acknowledged and answered, inline queries get articles. Never throws;
 * the user's text is never logged.
 */
final class UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    /** Telegram shows at most 200 characters in a callback answer. */
    private static final int MAX_CALLBACK_TEXT = 200;
    /** How long Telegram may cache inline results for the same query, in seconds. */
    private static final int INLINE_CACHE_SECONDS = 300;
    /** The longest rate-limit pause a reply waits out before it is given up. */
    static final Duration MAX_REPLY_WAIT = Duration.ofSeconds(5);

    private final TelegramClient client;
    private final Conversation conversation;
    private final ReplyDelivery delivery;
    private final InlineAnswers inline;
    private final GroupMessageRules rules;
    private final Sleeper sleeper;

    UpdateHandler(TelegramClient client, Conversation conversation, ReplyDelivery delivery, InlineAnswers inline, BotIdentity bot,
            Sleeper sleeper) {
        this.sleeper = sleeper;
        this.client = client;
        this.conversation = conversation;
        this.delivery = delivery;
        this.inline = inline;
        this.rules = new GroupMessageRules(bot);
    }

    void handle(Update update) {
        try {
            if (update.hasMessage()) onMessage(update.getMessage());
            else if (update.hasCallbackQuery()) onButton(update.getCallbackQuery());
            else if (update.hasInlineQuery()) onInlineQuery(update.getInlineQuery());
        } catch (RuntimeException e) {
            log.warn("update {} failed: {}", update.getUpdateId(), Redaction.describe(e));
        }
    }

    private void onMessage(Message message) {
        if (message.getText() == null || message.getChat() == null || message.getFrom() == null) return;
        Chat chat = message.getChat();
        // An anonymous administrator writes as the group itself (sender_chat), from Telegram's helper bot account.
        Chat sender = message.getSenderChat();
        boolean anonymousAdmin = sender != null && chat.getId() != null && chat.getId().equals(sender.getId());
        // Other bots are never answered, so two bots cannot keep each other talking.
        if (Boolean.TRUE.equals(message.getFrom().getIsBot()) && !anonymousAdmin) return;
        boolean group = GroupMessageRules.isGroupChat(chat);
        if (!group && !GroupMessageRules.isPrivateChat(chat)) return;
        Address address = address(chat, message);
        String userId = Long.toString(message.getFrom().getId());
        if (!group) {
            Command command = rules.inPrivate(message.getText());
            if (command instanceof Command.Empty) return;
            reply(address, conversation.handle(new Incoming(address, userId, message.getText(), Rights.OWNER), command), Optional.empty());
            return;
        }
        Optional<GroupMessageRules.ForBot> forBot = rules.inGroup(message);
        if (forBot.isEmpty()) return;
        Rights rights = new ChatAdminRights(client, address.chatId(), message.getFrom().getId(), anonymousAdmin);
        Incoming in = new Incoming(address, userId, forBot.get().text(), rights);
        reply(address, conversation.handle(in, forBot.get().command()), Optional.of(message.getMessageId()));
    }

    private void onButton(CallbackQuery query) {
        boolean acknowledged = false;
        try {
            MaybeInaccessibleMessage message = query.getMessage();
            if (query.getData() == null || message == null || message.getChat() == null || query.getFrom() == null) return;
            Chat chat = message.getChat();
            boolean group = GroupMessageRules.isGroupChat(chat);
            Address address = address(chat, message instanceof Message m ? m : null);
            String userId = Long.toString(query.getFrom().getId());
            Rights rights = group ? new ChatAdminRights(client, address.chatId(), query.getFrom().getId(), false) : Rights.OWNER;
            Incoming in = new Incoming(address, userId, query.getData(), rights);
            Command command = rules.ofButton(query.getData());
            if (command instanceof Command.Feedback) {
                // A rating needs no new message in the chat: the thanks shows as a short notice on the tapper's screen.
                Reply thanks = conversation.handle(in, command);
                acknowledge(query, Optional.of(thanks.plainText()));
                acknowledged = true;
                return;
            }
            // Acknowledge first so the button stops spinning while the answer is found and sent.
            acknowledge(query, Optional.empty());
            acknowledged = true;
            reply(address, conversation.handle(in, command), Optional.empty());
        } finally {
            if (!acknowledged) acknowledge(query, Optional.empty());
        }
    }

    private void onInlineQuery(InlineQuery query) {
        String text = query.getQuery() == null ? "" : query.getQuery();
        try {
            client.execute(new ResultIgnoringCall<>(AnswerInlineQuery.builder()
                    .inlineQueryId(query.getId())
                    .results(inline.articles(text))
                    .cacheTime(INLINE_CACHE_SECONDS)
                    .isPersonal(false)
                    .build()));
        } catch (TelegramApiException e) {
            log.warn("inline query not answered: {}", Redaction.describe(e));
        }
    }

    private void acknowledge(CallbackQuery query, Optional<String> text) {
        try {
            AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder().callbackQueryId(query.getId());
            text.map(String::strip).filter(t -> !t.isEmpty()).map(UpdateHandler::notice).ifPresent(answer::text);
            client.execute(new ResultIgnoringCall<>(answer.build()));
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("button tap not acknowledged: {}", Redaction.describe(e));
        }
    }

    private void reply(Address address, Reply reply, Optional<Integer> replyTo) {
        if (reply.isNone()) return;
        SendResult result = delivery.deliver(address, reply, replyTo);
        // Someone is waiting for this answer: a short rate-limit pause is worth sitting out once (busy groups).
        if (result instanceof SendResult.RetryAfter wait && wait.after().compareTo(MAX_REPLY_WAIT) <= 0) {
            try {
                sleeper.sleep(wait.after());
                result = delivery.deliver(address, reply, replyTo);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!(result instanceof SendResult.Delivered)) {
            log.warn("reply to a {} chat not delivered: {}", address.group() ? "group" : "private", result);
        }
    }

    /** Where a message came from; a forum topic's thread id only when the message really is in a topic. */
    private static Address address(Chat chat, Message message) {
        Optional<String> thread = message != null && Boolean.TRUE.equals(message.getIsTopicMessage()) && message.getMessageThreadId() != null
                ? Optional.of(Integer.toString(message.getMessageThreadId()))
                : Optional.empty();
        return new Address(Platform.TELEGRAM, Long.toString(chat.getId()), thread, Optional.empty(),
                GroupMessageRules.isGroupChat(chat));
    }

    private static String notice(String text) {
        if (text.length() <= MAX_CALLBACK_TEXT) return text;
        int end = MAX_CALLBACK_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end) + "\u2026";
    }
}
