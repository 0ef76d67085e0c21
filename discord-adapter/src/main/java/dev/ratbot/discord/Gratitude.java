package dev.ratbot.discord;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises a message that only thanks the bot or reacts with emoji ("thanks!", "ty 🐀", "👍👍"),
 * so that a reply to the bot like that gets a short acknowledgement or nothing instead of "Sorry, I
 * couldn't find that". Deliberately narrow: any word outside the small set below makes the message
 * a question again.
 */
final class Gratitude {

    /** What a message says when it is only gratitude or a reaction. */
    enum Kind {
        THANKS,
        REACTION,
        NEITHER
    }

    private static final Set<String> THANKS_WORDS =
            Set.of(
                    "thanks",
                    "thank",
                    "thx",
                    "thanx",
                    "ty",
                    "tysm",
                    "tyvm",
                    "cheers",
                    "ta",
                    "appreciate",
                    "appreciated",
                    "merci",
                    "danke",
                    "gracias");
    private static final Set<String> FILLER =
            Set.of(
                    "you",
                    "u",
                    "so",
                    "very",
                    "much",
                    "a",
                    "lot",
                    "lots",
                    "again",
                    "it",
                    "that",
                    "this",
                    "was",
                    "is",
                    "great",
                    "awesome",
                    "perfect",
                    "nice",
                    "cool",
                    "ok",
                    "okay",
                    "kk",
                    "helpful",
                    "super",
                    "really",
                    "oh",
                    "ah",
                    "got",
                    "makes",
                    "sense",
                    "amazing",
                    "lovely",
                    "brilliant",
                    "ratbot",
                    "bot",
                    "buddy",
                    "mate",
                    "lol",
                    "haha",
                    "yay",
                    "wow",
                    "good",
                    "to",
                    "know",
                    "all",
                    "for",
                    "the",
                    "help",
                    "info",
                    "answer",
                    "and",
                    "!",
                    "much!",
                    "man");
    private static final int MAX_WORDS = 10;

    /**
     * A server's own emoji in message content: {@code <:name:id>} or animated {@code <a:name:id>}.
     */
    private static final java.util.regex.Pattern CUSTOM_EMOJI =
            java.util.regex.Pattern.compile("<a?:\\w{1,32}:\\d{1,20}>");

    private Gratitude() {}

    static Kind of(String text) {
        if (text == null) return Kind.NEITHER;
        String stripped = CUSTOM_EMOJI.matcher(text).replaceAll("\u2B50").strip();
        if (stripped.isEmpty() || stripped.length() > 200) return Kind.NEITHER;
        StringBuilder letters = new StringBuilder();
        boolean symbols = false;
        for (int i = 0; i < stripped.length(); ) {
            int cp = stripped.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.isWhitespace(cp) || cp == '\'') {
                letters.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            } else if (isEmojiLike(cp)) {
                symbols = true;
                letters.append(' ');
            } else {
                letters.append(' '); // punctuation
            }
        }
        String[] words = letters.toString().toLowerCase(Locale.ROOT).strip().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) return symbols ? Kind.REACTION : Kind.NEITHER;
        if (words.length > MAX_WORDS) return Kind.NEITHER;
        boolean thanks = false;
        for (String w : words) {
            String word = w.replace("'", "");
            if (THANKS_WORDS.contains(word)) thanks = true;
            else if (!FILLER.contains(word)) return Kind.NEITHER;
        }
        return thanks ? Kind.THANKS : Kind.REACTION;
    }

    /** Emoji and other pictographic symbols, with their joiners and variation selectors. */
    private static boolean isEmojiLike(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL
                || type == Character.MATH_SYMBOL
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || cp == 0xFE0F
                || cp == 0x200D
                || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || type == Character.SURROGATE;
    }
}
