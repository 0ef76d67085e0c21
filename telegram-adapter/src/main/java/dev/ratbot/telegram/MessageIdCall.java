package dev.ratbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A call whose only use of the result is the sent or edited message's id (to edit that answer
 * later): sent exactly as the wrapped method, read by the documented envelope like {@link
 * ResultIgnoringCall}; 0 when the server leaves the id out (the answer still counts as sent).
 */
final class MessageIdCall<T extends Serializable> extends EnvelopeCall<T, Integer> {

    MessageIdCall(BotApiMethod<T> call) {
        super(call);
    }

    @Override
    public Integer deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode result = BotApiResponses.result(answer, getMethod());
        return result.path("message_id").canConvertToInt() ? result.path("message_id").asInt() : 0;
    }
}
