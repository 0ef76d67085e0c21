package dev.ratbot.answer;

import dev.ratbot.knowledge.Section;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Completions for what a user is typing, from section titles and FAQ questions: every word typed
 * must start a word of the title, titles that start with the text come first, then pack order. A
 * linear scan over precomputed words; a few microseconds for a pack like the guide, well under a
 * millisecond for thousands of sections.
 */
final class TopicSuggester {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Discord shows at most 25 choices; nobody needs more. */
    static final int MAX = 25;

    private static final int MAX_PREFIX_WORDS = 8;

    private record Entry(String title, String normalized, String[] words) {}

    private final List<Entry> entries = new ArrayList<>();

    TopicSuggester(List<Section> sections) {
        Set<String> seen = new LinkedHashSet<>();
        for (Section s : sections) {
            if (!seen.add(s.title())) continue;
            String normalized = normalize(s.title());
            entries.add(
                    new Entry(
                            s.title(),
                            normalized,
                            normalized.isEmpty() ? new String[0] : normalized.split(" ")));
        }
    }

    List<String> suggest(String prefix, int max) {
        int limit = Math.min(max, MAX);
        if (limit <= 0) return List.of();
        String p = normalize(prefix.length() > 200 ? prefix.substring(0, 200) : prefix);
        String[] typed = p.isEmpty() ? new String[0] : p.split(" ");
        if (typed.length > MAX_PREFIX_WORDS) return List.of();
        List<String> starting = new ArrayList<>();
        List<String> containing = new ArrayList<>();
        for (Entry e : entries) {
            if (typed.length == 0 || e.normalized().startsWith(p)) starting.add(e.title());
            else if (allStartWords(typed, e.words())) containing.add(e.title());
        }
        List<String> out = new ArrayList<>(limit);
        for (String t : starting) if (out.size() < limit) out.add(t);
        for (String t : containing) if (out.size() < limit) out.add(t);
        return out;
    }

    private static boolean allStartWords(String[] typed, String[] words) {
        for (String t : typed) {
            boolean found = false;
            for (String w : words) {
                if (w.startsWith(t)) {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    private static String normalize(String text) {
        String folded =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return NON_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
