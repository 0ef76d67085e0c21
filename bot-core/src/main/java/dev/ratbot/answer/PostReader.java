package dev.ratbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a post the way a person does: it splits the text into sentences and finds the ones that ask
 * (a question mark, or a sentence opening with a question word or a plea such as "any advice"); the
 * story around them is context. The question sentences, each with the sentence before it when the
 * question alone names no topic ("What do I do?"), are the post's focus, which the engine searches
 * and weighs; a post that asks nothing is all focus.
 *
 * <p>The cue words are data of the pack ({@code question-words.txt} and {@code plea-words.txt}),
 * injected through the constructor.
 */
final class PostReader {
    /**
     * A question of at most this many words names no topic of its own; its neighbour says what it
     * is about.
     */
    static final int SHORT_QUESTION_WORDS = 6;

    /**
     * The focus is cut to this many characters: several questions are rare, and it bounds the work.
     */
    static final int MAX_FOCUS_CHARS = 600;

    private static final Pattern SENTENCE_END =
            Pattern.compile(
                    "(?<=[.!?\u2026])\\s+|\\s*\\n+\\s*|\\.{2,}\\s*|(?<=[?!])(?=\\p{L})|\\s+-\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private final Set<String> openers;
    private final Set<String> pleas;

    /**
     * @param openers lower-case words that open a question among a sentence's first three words
     *     ("how", "is", "any")
     * @param pleas lower-case words that make any sentence a plea for help ("advice", "wondering",
     *     "help")
     */
    PostReader(Set<String> openers, Set<String> pleas) {
        this.openers = Set.copyOf(openers);
        this.pleas = Set.copyOf(pleas);
    }

    /** A read post: its sentences, which of them ask, and the focus text to answer. */
    record Post(List<String> sentences, List<Boolean> asks, String focus) {
        boolean asksAnything() {
            return asks.contains(true);
        }
    }

    Post read(String text) {
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCE_END.split(text)) {
            String t = s.strip();
            if (!t.isEmpty() && WORD.matcher(t).find()) sentences.add(t);
        }
        List<Boolean> asks = new ArrayList<>(sentences.size());
        for (String s : sentences) asks.add(asks(s));
        if (!asks.contains(true))
            return new Post(sentences, asks, cut(String.join(" ", sentences)));
        StringBuilder focus = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            if (!asks.get(i)) continue;
            if (i > 0 && !asks.get(i - 1) && words(sentences.get(i)) <= SHORT_QUESTION_WORDS)
                append(focus, sentences.get(i - 1));
            append(focus, sentences.get(i));
        }
        return new Post(sentences, asks, cut(focus.toString()));
    }

    /**
     * Whether a sentence asks: it ends with a question mark, a question word opens it, or it pleads
     * for help.
     */
    boolean asks(String sentence) {
        if (sentence.endsWith("?")) return true;
        var m = WORD.matcher(sentence.toLowerCase(Locale.ROOT));
        boolean first = true;
        while (m.find()) {
            if (first && openers.contains(m.group())) return true;
            if (pleas.contains(m.group())) return true;
            first = false;
        }
        return false;
    }

    private static int words(String s) {
        return (int) WORD.matcher(s).results().count();
    }

    private static void append(StringBuilder out, String sentence) {
        if (out.indexOf(sentence) >= 0) return;
        if (!out.isEmpty()) out.append(' ');
        out.append(sentence);
    }

    private static String cut(String s) {
        return s.length() > MAX_FOCUS_CHARS ? s.substring(0, MAX_FOCUS_CHARS) : s;
    }
}
