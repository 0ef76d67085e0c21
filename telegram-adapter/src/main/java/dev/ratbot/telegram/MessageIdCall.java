package dev.ratbot.telegram;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * A call whose only use of the result is the sent or edited message's id (to edit that answer
 * later): sent exactly as the wrapped method, read by the documented envelope like {@link
 * ResultIgnoringCall}; 0 when the server leaves the id out (the answer still counts as sent).
 */
final class MessageIdCall<T extends Serializable> extends BotApiMethod<Integer> {

    private final BotApiMethod<T> call;

    MessageIdCall(BotApiMethod<T> call) {
        this.call = Objects.requireNonNull(call, "call");
    }

    @JsonValue
    BotApiMethod<T> call() {
        return call;
    }

    @Override
    public String getMethod() {
        return call.getMethod();
    }

    @Override
    public void validate() throws TelegramApiValidationException {
        call.validate();
    }

    @Override
    public Integer deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode result = BotApiResponses.result(answer, getMethod());
        return result.path("message_id").canConvertToInt() ? result.path("message_id").asInt() : 0;
    }
}
