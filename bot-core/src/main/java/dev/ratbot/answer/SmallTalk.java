package dev.ratbot.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells small talk ("hi", "thanks!", "ok", an emoji) from a question, so that it gets a friendly
 * word and never the refusal. The words are the pack's ({@code small-talk.txt}); a message is small
 * talk when each of its words is one of them, or when it has no word at all (emoji, punctuation).
 */
final class SmallTalk {
    /** Longer messages are never only small talk, whatever their words. */
    static final int MAX_WORDS = 8;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private final Map<String, String> kinds;

    private SmallTalk(Map<String, String> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    /** Lines of "kind: word word ..." (greeting, thanks, bye, ack). */
    static SmallTalk parse(List<String> lines) {
        Map<String, String> kinds = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String kind = line.substring(0, colon).strip();
            for (String w : line.substring(colon + 1).strip().split("\\s+"))
                if (!w.isEmpty()) kinds.putIfAbsent(squeeze(w), kind);
        }
        return new SmallTalk(kinds);
    }

    /** Chat stretches words ("helloo", "thxxx", "lmaooo"): runs of one letter count as one. */
    static String squeeze(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) out.append(word.charAt(i));
        }
        return out.toString();
    }

    boolean isSmallTalk(String text) {
        if (text.isBlank()) return false;
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        int n = 0;
        while (m.find()) {
            if (++n > MAX_WORDS || !kinds.containsKey(squeeze(m.group().replace("'", ""))))
                return false;
        }
        return true;
    }
}
