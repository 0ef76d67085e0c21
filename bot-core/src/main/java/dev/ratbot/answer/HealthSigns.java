package dev.ratbot.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Counts the signs of illness or injury a post names: single words from the pack's {@code
 * health-words.txt}, and phrases from its {@code health-phrases.txt} for signs that no one word
 * names without also naming everyday care ("food" and "eyes" are bonding words; "hasn't touched his
 * food" and "eyes half closed" are not). Both are compared as stems, so "stopped eating" matches
 * "stop eats". In a phrase, {@code *} stands for any one word. A count above zero lets the health
 * model read the post; the model, not the count, decides the reply.
 */
final class HealthSigns {
    static final String WORDS = "health-words.txt";
    static final String PHRASES = "health-phrases.txt";
    private static final String ANY = "*";

    private final Set<String> words;

    /**
     * The phrases by their first stem, so a post's stems are each looked up once instead of every
     * phrase being tried at every place; phrases that open with {@code *} are under {@code *}.
     */
    private final Map<String, List<List<String>>> phrasesByFirst;

    /**
     * @param words the single words, already stemmed
     * @param phrases the phrases, each already split into stems ({@code *} kept as it is)
     */
    HealthSigns(Set<String> words, List<List<String>> phrases) {
        this.words = Set.copyOf(words);
        Map<String, List<List<String>>> byFirst = new HashMap<>();
        for (List<String> p : phrases)
            if (!p.isEmpty())
                byFirst.computeIfAbsent(p.getFirst(), k -> new ArrayList<>()).add(List.copyOf(p));
        this.phrasesByFirst = Map.copyOf(byFirst);
    }

    /** The signs of a pack's lists, stemmed by {@code stems}. */
    static HealthSigns of(PackWords pack, Function<String, List<String>> stems) {
        Set<String> words = new HashSet<>();
        for (String w : pack.words(WORDS)) words.addAll(stems.apply(w));
        List<List<String>> phrases = new ArrayList<>();
        for (String line : pack.phrases(PHRASES)) {
            List<String> phrase = new ArrayList<>();
            for (String w : line.split("\\s+"))
                if (w.equals(ANY)) phrase.add(ANY);
                else phrase.addAll(stems.apply(w));
            phrases.add(phrase);
        }
        return new HealthSigns(words, phrases);
    }

    /** How many signs the stems of a post name: each sign word, and each place a phrase matches. */
    int count(List<String> stems) {
        int n = 0;
        List<List<String>> anyFirst = phrasesByFirst.getOrDefault(ANY, List.of());
        for (int at = 0; at < stems.size(); at++) {
            if (words.contains(stems.get(at))) n++;
            for (List<String> phrase : phrasesByFirst.getOrDefault(stems.get(at), List.of()))
                if (matchesAt(phrase, stems, at)) n++;
            for (List<String> phrase : anyFirst) if (matchesAt(phrase, stems, at)) n++;
        }
        return n;
    }

    private static boolean matchesAt(List<String> phrase, List<String> stems, int at) {
        if (at + phrase.size() > stems.size()) return false;
        for (int i = 0; i < phrase.size(); i++) {
            String p = phrase.get(i);
            if (!p.equals(ANY) && !p.equals(stems.get(at + i))) return false;
        }
        return true;
    }
}
