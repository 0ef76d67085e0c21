package dev.ratbot.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes chat shorthand out in full ("had him 2 wks" reads as "had him 2 weeks", "bc" as
 * "because"), before spelling and analysis. Shorthand is no English word and the guide never uses
 * it, so each one counted as a topic the guide lacks ("wks" vetoed a trust question), and the
 * sentence model reads the full words better. The pairs are the pack's ({@code shorthand.txt}), so
 * the engine holds none. A whole word only, case ignored; everything else stays as typed.
 */
final class Shorthand {
    static final String FILE = "shorthand.txt";

    /** A word as chat writes it: letters and digits, with a slash inside ("w/o", "b/c"). */
    private static final Pattern WORD =
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}/])[\\p{L}\\p{N}]+(?:/[\\p{L}\\p{N}]*)?(?![\\p{L}\\p{N}/])");

    private final Map<String, String> full;

    private Shorthand(Map<String, String> full) {
        this.full = Map.copyOf(full);
    }

    /**
     * Lines of "short, short => full words", as {@code PackWords.phrases} gives them (lower case,
     * comments dropped).
     */
    static Shorthand parse(List<String> lines) {
        Map<String, String> full = new HashMap<>();
        for (String line : lines) {
            int arrow = line.indexOf("=>");
            if (arrow < 0)
                throw new IllegalArgumentException(
                        "the pack's " + FILE + " has a line without '=>': " + line);
            String words = line.substring(arrow + 2).strip();
            if (words.isEmpty())
                throw new IllegalArgumentException(
                        "the pack's " + FILE + " has a line with nothing after '=>': " + line);
            for (String s : line.substring(0, arrow).split(",")) {
                String shortForm = s.strip();
                if (!shortForm.isEmpty()) full.putIfAbsent(shortForm, words);
            }
        }
        return new Shorthand(full);
    }

    /** The text with every listed shorthand word written out; the same text when there is none. */
    String expand(String text) {
        if (full.isEmpty()) return text;
        Matcher m = WORD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String words = full.get(m.group().toLowerCase(Locale.ROOT));
            if (words == null) continue;
            if (out == null) out = new StringBuilder(text.length() + 16);
            out.append(text, last, m.start()).append(words);
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }
}
