package dev.ratbot.telegram;

import dev.ratbot.message.Address;
import dev.ratbot.message.SendResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Classifies a failed Bot API call the way the delivery outbox needs it, relying only on what the
 * Bot API documents: {@code parameters.retry_after} on 429, {@code parameters.migrate_to_chat_id}
 * for a group that became a supergroup, 403 when the bot was blocked or removed, and 400
 * descriptions that say the chat is gone (which end a subscription) or that it refuses the bot for
 * now: a closed topic, missing rights, a restriction (which pause it).
 */
final class SendFailures {

    /**
     * Used when a 429 carries no retry_after: long enough not to hammer, short enough not to lose a
     * tip.
     */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * Descriptions after which resending to the same chat can never work: the user blocked the bot
     * or was deleted, the bot was kicked, the chat or topic is gone. These end a subscription. Any
     * other 400 is treated as transient: it is more likely our fault than the chat's, and a
     * subscription must not end over our bug.
     */
    private static final Pattern GONE =
            Pattern.compile(
                    "blocked by the user|bot was kicked|user is deactivated|chat not found|user not found|peer_id_invalid"
                            + "|chat_id_invalid|group chat was deactivated|can't initiate conversation|message thread not found"
                            + "|topic_deleted");

    /**
     * Descriptions of a chat that refuses the bot's messages for now, for a reason its people can
     * fix. These pause a subscription (it is tried again the next day) instead of ending it.
     * Checked before {@link #GONE}.
     */
    private static final List<Refusal> REFUSALS =
            List.of(
                    new Refusal(Pattern.compile("topic_closed"), "the topic is closed"),
                    new Refusal(
                            Pattern.compile(
                                    "not enough rights|need administrator rights|have no rights|chat_write_forbidden"
                                            + "|chat_send_\\w+_forbidden|chat_admin_required"),
                            "the bot is not allowed to post here"),
                    new Refusal(
                            Pattern.compile("chat_restricted|restricted"),
                            "the chat is restricted"),
                    new Refusal(
                            Pattern.compile("bot is not a member"),
                            "the bot is not a member of this chat"));

    private record Refusal(Pattern description, String reason) {}

    private SendFailures() {}

    static SendResult classify(TelegramApiException failure, Address to) {
        if (!(failure instanceof TelegramApiRequestException request)
                || request.getErrorCode() == null
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
            return new SendResult.RetryAfter(
                    seconds == null || seconds <= 0
                            ? DEFAULT_RETRY_AFTER
                            : Duration.ofSeconds(seconds));
        }
        if (code == 400 || code == 403) {
            String lower = description.toLowerCase(Locale.ROOT);
            for (Refusal r : REFUSALS) {
                if (r.description().matcher(lower).find())
                    return new SendResult.Refused(
                            r.reason() + " (Telegram: " + code + " " + description + ")");
            }
            if (code == 403 || GONE.matcher(lower).find())
                return new SendResult.Permanent(code + " " + description);
        }
        return new SendResult.Transient(code + " " + description);
    }
}
