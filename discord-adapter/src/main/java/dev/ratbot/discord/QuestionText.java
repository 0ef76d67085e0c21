package dev.ratbot.discord;

import dev.ratbot.conversation.CommandParser;
import java.util.regex.Pattern;

/**
 * The question in a message someone else wrote (the target of "Ask Ratbot", a post in a help
 * channel): Discord's mention, channel and emoji markup removed, cut to the length the core keeps.
 */
final class QuestionText {

    private static final Pattern MARKUP = Pattern.compile("<(@[!&]?|#|a?:\\w{1,32}:)\\d{1,20}>");

    private QuestionText() {}

    static String of(String content) {
        if (content == null) return "";
        String text =
                withoutMarkup(
                        content.length() > 4 * CommandParser.MAX_QUESTION_CHARS
                                ? content.substring(0, 4 * CommandParser.MAX_QUESTION_CHARS)
                                : content);
        text = text.replaceAll("\\s+", " ").strip();
        if (text.length() > CommandParser.MAX_QUESTION_CHARS) {
            int end = CommandParser.MAX_QUESTION_CHARS;
            if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
            text = text.substring(0, end);
        }
        return text;
    }

    /**
     * The text with Discord's markup for users, roles, channels and custom emoji each replaced by a
     * space: digits of an id are no words of a question, and the engine read them as such.
     */
    static String withoutMarkup(String content) {
        return MARKUP.matcher(content).replaceAll(" ");
    }
}
