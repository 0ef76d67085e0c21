package dev.ratbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@code getMe}, reading only what the bot needs from the answer: its id and user name. Any other
 * field may be missing or different without stopping the start.
 */
final class GetBotIdentity extends BotApiMethod<BotIdentity> {

    @Override
    public String getMethod() {
        return "getMe";
    }

    @Override
    public BotIdentity deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode me = BotApiResponses.result(answer, getMethod());
        if (!me.path("id").canConvertToLong())
            throw new TelegramApiRequestException("Telegram's getMe answered without a bot id");
        return new BotIdentity(
                me.path("id").asLong(),
                me.path("username").isTextual() ? me.path("username").asText() : null);
    }
}
