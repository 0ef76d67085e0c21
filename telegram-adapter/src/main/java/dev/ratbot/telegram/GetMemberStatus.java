package dev.ratbot.telegram;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@code getChatMember}, reading only the member's {@code status} ("creator", "administrator",
 * "member", ...): the one field the admin check needs, whatever else the server sends about the
 * member.
 */
final class GetMemberStatus extends BotApiMethod<String> {

    private final String chatId;
    private final long userId;

    GetMemberStatus(String chatId, long userId) {
        this.chatId = chatId;
        this.userId = userId;
    }

    @JsonProperty("chat_id")
    String chatId() {
        return chatId;
    }

    @JsonProperty("user_id")
    long userId() {
        return userId;
    }

    @Override
    public String getMethod() {
        return "getChatMember";
    }

    @Override
    public String deserializeResponse(String answer) throws TelegramApiRequestException {
        return BotApiResponses.result(answer, getMethod()).path("status").asText("");
    }
}
