package dev.ratbot.telegram;

import dev.ratbot.message.Address;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends one reply to one chat: renders it, sends each part with {@code sendMessage} in HTML mode
 * (the keyboard under the last part) and reports what happened. Never throws.
 */
final class ReplyDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);

    private final TelegramClient client;
    private final ReplyRenderer renderer;

    ReplyDelivery(TelegramClient client, ReplyRenderer renderer) {
        this.client = client;
        this.renderer = renderer;
    }

    /**
     * What became of a reply, and the ids of the messages it went out as (empty when none, 0 when
     * unknown).
     */
    record Outcome(SendResult result, List<Integer> messageIds) {}

    /**
     * @param replyTo the message this answers, quoted in groups so that a busy chat sees what was
     *     asked
     * @return the outcome of the first part; once it is delivered, later parts are best effort and
     *     the reply counts as delivered, so that a retry never sends the first part twice
     */
    SendResult deliver(Address to, Reply reply, Optional<Integer> replyTo) {
        return deliverTracked(to, reply, replyTo).result();
    }

    /** {@link #deliver}, also telling the ids of the messages sent. */
    Outcome deliverTracked(Address to, Reply reply, Optional<Integer> replyTo) {
        ReplyRenderer.Rendered rendered;
        try {
            rendered = renderer.render(reply);
        } catch (RuntimeException e) {
            return new Outcome(
                    new SendResult.Permanent("cannot render reply: " + Redaction.describe(e)),
                    List.of());
        }
        return sendParts(to, rendered, 0, replyTo, new ArrayList<>());
    }

    /**
     * Replaces an earlier answer with {@code reply}: the first earlier message is edited in place,
     * parts beyond the earlier ones are sent as new messages. When the earlier message can no
     * longer be edited (too old, deleted) the reply is sent anew instead.
     */
    Outcome edit(Address to, List<Integer> earlier, Reply reply) {
        ReplyRenderer.Rendered rendered;
        try {
            rendered = renderer.render(reply);
        } catch (RuntimeException e) {
            return new Outcome(
                    new SendResult.Permanent("cannot render reply: " + Redaction.describe(e)),
                    List.of());
        }
        if (rendered.isEmpty() || earlier.isEmpty() || earlier.getFirst() <= 0)
            return sendParts(to, rendered, 0, Optional.empty(), new ArrayList<>());
        List<String> messages = rendered.messages();
        EditMessageText.EditMessageTextBuilder<?, ?> edit =
                EditMessageText.builder()
                        .chatId(to.chatId())
                        .messageId(earlier.getFirst())
                        .text(messages.getFirst())
                        .parseMode(TelegramHtml.PARSE_MODE)
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (messages.size() == 1) rendered.keyboard().ifPresent(edit::replyMarkup);
        SendResult first = executeForId(edit.build(), to).result();
        if (first instanceof SendResult.Transient t
                && t.reason()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("message is not modified")) {
            first = new SendResult.Delivered();
        } else if (first instanceof SendResult.Transient t && t.reason().startsWith("400")) {
            // Too old to edit, or gone: answer anew rather than not at all.
            return sendParts(to, rendered, 0, Optional.empty(), new ArrayList<>());
        }
        if (!(first instanceof SendResult.Delivered)) return new Outcome(first, List.of());
        List<Integer> ids = new ArrayList<>(List.of(earlier.getFirst()));
        return sendParts(to, rendered, 1, Optional.empty(), ids);
    }

    /**
     * Sends one short text of ours (HTML, already escaped) with a reply keyboard, e.g. the "send my
     * location" button.
     */
    Outcome sendWithKeyboard(
            Address to,
            String html,
            org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard keyboard) {
        SendMessage.SendMessageBuilder<?, ?> send =
                SendMessage.builder()
                        .chatId(to.chatId())
                        .text(html)
                        .parseMode(TelegramHtml.PARSE_MODE)
                        .replyMarkup(keyboard);
        to.threadId().ifPresent(thread -> send.messageThreadId(Integer.valueOf(thread)));
        return executeForId(send.build(), to);
    }

    private Outcome sendParts(
            Address to,
            ReplyRenderer.Rendered rendered,
            int from,
            Optional<Integer> replyTo,
            List<Integer> ids) {
        if (rendered.isEmpty()) return new Outcome(new SendResult.Delivered(), ids);
        List<String> messages = rendered.messages();
        for (int i = from; i < messages.size(); i++) {
            boolean last = i == messages.size() - 1;
            SendMessage.SendMessageBuilder<?, ?> send =
                    SendMessage.builder()
                            .chatId(to.chatId())
                            .text(messages.get(i))
                            .parseMode(TelegramHtml.PARSE_MODE)
                            .linkPreviewOptions(
                                    LinkPreviewOptions.builder().isDisabled(true).build());
            to.threadId().ifPresent(thread -> send.messageThreadId(Integer.valueOf(thread)));
            if (i == 0) {
                replyTo.ifPresent(
                        id ->
                                send.replyParameters(
                                        ReplyParameters.builder()
                                                .messageId(id)
                                                .allowSendingWithoutReply(true)
                                                .build()));
            }
            if (last) rendered.keyboard().ifPresent(send::replyMarkup);
            Outcome part = executeForId(send.build(), to);
            if (!(part.result() instanceof SendResult.Delivered)) {
                if (i == from && ids.isEmpty()) return part;
                log.warn(
                        "part {} of {} of a reply to a {} chat was not sent: {}",
                        i + 1,
                        messages.size(),
                        to.group() ? "group" : "private",
                        part.result());
                return new Outcome(new SendResult.Delivered(), ids);
            }
            ids.addAll(part.messageIds());
        }
        return new Outcome(new SendResult.Delivered(), ids);
    }

    private <T extends java.io.Serializable> Outcome executeForId(
            org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod<T> method,
            Address to) {
        try {
            Integer id = client.execute(new MessageIdCall<>(method));
            return new Outcome(new SendResult.Delivered(), List.of(id == null ? 0 : id));
        } catch (TelegramApiException e) {
            return new Outcome(SendFailures.classify(e, to), List.of());
        } catch (RuntimeException e) {
            return new Outcome(
                    new SendResult.Transient("unexpected: " + Redaction.describe(e)), List.of());
        }
    }
}
