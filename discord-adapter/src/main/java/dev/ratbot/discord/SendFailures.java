package dev.ratbot.discord;

import dev.ratbot.message.SendResult;
import discord4j.rest.http.client.ClientException;
import discord4j.rest.json.response.ErrorResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Classifies what went wrong with one REST send into the core's {@link SendResult} kinds. */
final class SendFailures {

    /**
     * Discord's JSON error codes that mean the place is gone for good: a subscription there stops.
     */
    private static final Map<Integer, String> PERMANENT_CODES =
            Map.of(
                    10003, "Unknown Channel: the channel was deleted",
                    10013, "Unknown User");

    /**
     * Codes that mean the bot may not post there now, for a reason people can fix (permissions,
     * closed DMs, the bot removed from the server): a subscription there pauses with the reason
     * instead of stopping.
     */
    private static final Map<Integer, String> REFUSED_CODES =
            Map.of(
                    50001, "Missing Access: the bot cannot see this channel",
                    50013,
                            "Missing Permissions: the bot may not send messages or embeds in this channel",
                    50007, "Cannot send messages to this user: they closed their direct messages",
                    10004, "Unknown Guild: the bot is no longer on this server",
                    50083, "the thread is archived",
                    160005, "the thread is locked");

    private SendFailures() {}

    static SendResult classify(Throwable error, RateLimitProbe probe) {
        if (error instanceof TimeoutException) {
            // Discord4J was still waiting out a rate limit or retrying a server error when time ran
            // out.
            if (probe.lastStatus() == 429)
                return new SendResult.RetryAfter(
                        probe.lastRetryAfter().orElse(Duration.ofSeconds(1)));
            if (probe.lastStatus() >= 500)
                return new SendResult.Transient("Discord server error " + probe.lastStatus());
            return new SendResult.Transient("no answer from Discord in time");
        }
        if (error instanceof ClientException ce) {
            int status = ce.getStatus().code();
            Optional<Integer> code = errorCode(ce);
            if (code.isPresent() && PERMANENT_CODES.containsKey(code.get())) {
                return new SendResult.Permanent(
                        PERMANENT_CODES.get(code.get()) + " (Discord error " + code.get() + ")");
            }
            if (code.isPresent() && REFUSED_CODES.containsKey(code.get())) {
                return new SendResult.Refused(
                        REFUSED_CODES.get(code.get()) + " (Discord error " + code.get() + ")");
            }
            if (status == 429)
                return new SendResult.RetryAfter(RateLimitProbe.retryAfter(ce.getHeaders()));
            if (status >= 500) return new SendResult.Transient("Discord server error " + status);
            if (status == 403)
                return new SendResult.Refused(
                        "Forbidden: the bot may not post here (HTTP 403" + codeText(code) + ")");
            if (status == 404)
                return new SendResult.Permanent(
                        "Not found: the channel is gone (HTTP 404" + codeText(code) + ")");
            // 400 (our request) and 401 (our token) are our problem, not the subscriber's: keep the
            // subscription.
            return new SendResult.Transient(
                    "Discord refused the request: HTTP " + status + codeText(code));
        }
        return new SendResult.Transient("network error: " + describe(error));
    }

    /**
     * A short, user-presentable reason for a failed request (the permanent reason when Discord gave
     * one).
     */
    static String reason(Throwable error) {
        return switch (classify(error, new RateLimitProbe(Duration.ZERO))) {
            case SendResult.Permanent p -> p.reason();
            case SendResult.Refused r -> r.reason();
            case SendResult.Transient t -> t.reason();
            case SendResult.RetryAfter r -> "rate limited";
            case SendResult.Delivered d -> "no error";
            case SendResult.Moved m -> "moved";
        };
    }

    /** Discord's JSON error code of a refused request, if it sent one. */
    static Optional<Integer> errorCode(Throwable error) {
        return error instanceof ClientException ce ? errorCode(ce) : Optional.empty();
    }

    private static Optional<Integer> errorCode(ClientException e) {
        return e.getErrorResponse()
                .map(ErrorResponse::getFields)
                .map(f -> f.get("code"))
                .flatMap(
                        c -> {
                            if (c instanceof Number n) return Optional.of(n.intValue());
                            try {
                                return Optional.of(Integer.parseInt(String.valueOf(c)));
                            } catch (NumberFormatException ex) {
                                return Optional.empty();
                            }
                        });
    }

    private static String codeText(Optional<Integer> code) {
        return code.map(c -> ", Discord error " + c).orElse("");
    }

    @SuppressWarnings(
            "ReferenceEquality") // a cause chain ends at a throwable that is its own cause
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return root.getClass().getSimpleName()
                + (message == null
                        ? ""
                        : ": " + (message.length() > 120 ? message.substring(0, 120) : message));
    }
}
