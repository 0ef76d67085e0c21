package dev.ratbot.telegram;

import dev.ratbot.conversation.Reply;
import dev.ratbot.platform.Address;
import dev.ratbot.platform.SendResult;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends one reply to one chat: renders it, sends each part with {@code sendMessage} in HTML mode (the keyboard
 * under the last part) and reports what happened. Never throws.
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
     * @param replyTo the message this answers, quoted in groups so that a busy chat sees what was asked
     * @return the outcome of the first part; once it is delivered, later parts are best effort and the reply
     *         counts as delivered, so that a retry never sends the first part twice
     */
    SendResult deliver(Address to, Reply reply, Optional<Integer> replyTo) {
        ReplyRenderer.Rendered rendered;
        try {
            rendered = renderer.render(reply);
        } catch (RuntimeException e) {
            return new SendResult.Permanent("cannot render reply: " + Redaction.describe(e));
        }
        if (rendered.isEmpty()) return new SendResult.Delivered();
        List<String> messages = rendered.messages();
        for (int i = 0; i < messages.size(); i++) {
            boolean last = i == messages.size() - 1;
            SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                    .chatId(to.chatId())
                    .text(messages.get(i))
                    .parseMode(TelegramHtml.PARSE_MODE)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
            to.threadId().ifPresent(thread -> send.messageThreadId(Integer.valueOf(thread)));
            if (i == 0) {
                replyTo.ifPresent(id -> send.replyParameters(
                        ReplyParameters.builder().messageId(id).allowSendingWithoutReply(true).build()));
            }
            if (last) rendered.keyboard().ifPresent(send::replyMarkup);
            SendResult result = execute(send.build(), to);
            if (!(result instanceof SendResult.Delivered)) {
                if (i == 0) return result;
                log.warn("part {} of {} of a reply to a {} chat was not sent: {}", i + 1, messages.size(),
                        to.group() ? "group" : "private", result);
                return new SendResult.Delivered();
            }
        }
        return new SendResult.Delivered();
    }

    private SendResult execute(SendMessage message, Address to) {
        try {
            client.execute(new ResultIgnoringCall<>(message));
            return new SendResult.Delivered();
        } catch (TelegramApiException e) {
            return SendFailures.classify(e, to);
        } catch (RuntimeException e) {
            return new SendResult.Transient("unexpected: " + Redaction.describe(e));
        }
    }
}
