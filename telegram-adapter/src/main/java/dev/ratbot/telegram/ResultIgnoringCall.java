package dev.ratbot.telegram;

import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A Bot API call whose result the bot does not use ({@code sendMessage}, {@code
 * answerCallbackQuery}, ...): it is sent exactly as the wrapped method, and {@code ok: true} counts
 * as success whatever the result holds. The library would map the result into its own types and
 * report a delivered message as failed when the server echoes it in a shape it does not expect (a
 * date in milliseconds, a missing field); the delivery outbox would then send it again. Errors keep
 * their code, description and parameters, so rate limits and moved chats are still understood.
 */
final class ResultIgnoringCall<T extends Serializable> extends EnvelopeCall<T, Boolean> {

    ResultIgnoringCall(BotApiMethod<T> call) {
        super(call);
    }

    @Override
    public Boolean deserializeResponse(String answer) throws TelegramApiRequestException {
        BotApiResponses.result(answer, getMethod());
        return Boolean.TRUE;
    }
}
