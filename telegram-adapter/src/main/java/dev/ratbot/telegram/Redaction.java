package dev.ratbot.telegram;

import java.util.regex.Pattern;

/**
 * Keeps the bot token out of logs and results. The token travels in every request path ({@code
 * /bot<token>/...}), so any exception text from the HTTP stack could carry it; everything we log
 * about a failure passes through here.
 */
final class Redaction {

    /** A token-shaped string: the bot's numeric id, a colon and the secret part. */
    private static final Pattern TOKEN = Pattern.compile("\\d{3,}:[A-Za-z0-9_-]{10,}");

    private static final Pattern BOT_PATH = Pattern.compile("/bot[^/\\s]+");

    private Redaction() {}

    static String redact(String text) {
        if (text == null) return "";
        return BOT_PATH.matcher(TOKEN.matcher(text).replaceAll("<token>"))
                .replaceAll("/bot<token>");
    }

    /** One line about a failure: its type and message, with any token removed. */
    @SuppressWarnings(
            "ReferenceEquality") // a cause chain ends at a throwable that is its own cause
    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure;
                t != null && out.length() < 400;
                t = t.getCause() == t ? null : t.getCause()) {
            if (!out.isEmpty()) out.append(" <- ");
            out.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) out.append(": ").append(t.getMessage());
        }
        return redact(out.toString());
    }
}
