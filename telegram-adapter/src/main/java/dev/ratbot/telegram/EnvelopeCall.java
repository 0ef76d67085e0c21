package dev.ratbot.telegram;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * A Bot API call sent exactly as the wrapped method, whose answer is read by the documented
 * envelope ({@link BotApiResponses}) instead of being mapped into the library's types; each
 * subclass says what it keeps of the result.
 */
abstract sealed class EnvelopeCall<T extends Serializable, R extends Serializable>
        extends BotApiMethod<R> permits ResultIgnoringCall, MessageIdCall {

    private final BotApiMethod<T> call;

    EnvelopeCall(BotApiMethod<T> call) {
        this.call = Objects.requireNonNull(call, "call");
    }

    /** The request body is the wrapped method's. */
    @JsonValue
    final BotApiMethod<T> call() {
        return call;
    }

    @Override
    public final String getMethod() {
        return call.getMethod();
    }

    @Override
    public final void validate() throws TelegramApiValidationException {
        call.validate();
    }
}
