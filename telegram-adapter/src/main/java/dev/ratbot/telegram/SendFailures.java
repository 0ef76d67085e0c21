package dev.ratbot.telegram;

import dev.ratbot.platform.Address;
import dev.ratbot.platform.SendResult;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Classifies a failed Bot API call the way the delivery outbox needs it, relying only on what the Bot API
 * documents: {@code parameters.retry_after} on 429, {@code parameters.migrate_to_chat_id} for a group that became
 * a supergroup, 403 when the bot was blocked or removed, and 400 descriptions that say the chat is gone.
 */
final class SendFailures {

    /** Used when a 429 carries no retry_after: long enough not to hammer, short enough not to lose a tip. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * 400 descriptions after which resending to the same chat can never work. Any other 400 is treated as
     * transient: it is more likely our fault than the chat's, and a subscription must not end over our bug.
     */
    private static final Pattern CHAT_GONE = Pattern.compile(
            "chat not found|user not found|peer_id_invalid|chat_id_invalid|group chat was deactivated"
                    + "|bot is not a member|not enough rights|need administrator rights|have no rights"
                    + "|chat_write_forbidden|chat_restricted|user is deactivated|message thread not found"
                    + "|topic_closed|topic_deleted");

    private SendFailures() {
    }

    static SendResult classify(TelegramApiException failure, Address to) {
        if (!(failure instanceof TelegramApiRequestException request) || request.getErrorCode() == null
                || request.getErrorCode() == 0) {
            return new SendResult.Transient("network: " + Redaction.describe(failure));
        }
        int code = request.getErrorCode();
        String description = request.getApiResponse() == null ? "" : request.getApiResponse();
        ResponseParameters parameters = request.getParameters();
        if (parameters != null && parameters.getMigrateToChatId() != null) {
            return new SendResult.Moved(to.movedTo(Long.toString(parameters.getMigrateToChatId())));
        }
        if (code == 429) {
            Integer seconds = parameters == null ? null : parameters.getRetryAfter();
            return new SendResult.RetryAfter(seconds == null || seconds <= 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds));
        }
        if (code == 403) return new SendResult.Permanent(code + " " + description);
        if (code == 400 && CHAT_GONE.matcher(description.toLowerCase(Locale.ROOT)).find()) {
            return new SendResult.Permanent(code + " " + description);
        }
        return new SendResult.Transient(code + " " + description);
    }
}
