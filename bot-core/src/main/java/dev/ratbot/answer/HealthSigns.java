package dev.ratbot.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 *
 * <p>The pack's {@code health-exceptions.txt} names the places where a sign word is not a sign of
 * the rat's illness: the owner's own blood after a bite ("he drew blood", "made me bleed"), which
 * is a question about biting, and a sign said to be absent ("no blood, no wounds"). Within a
 * matching exception no word or phrase counts.
 */
final class HealthSigns {
    static final String WORDS = "health-words.txt";
    static final String PHRASES = "health-phrases.txt";
    static final String EXCEPTIONS = "health-exceptions.txt";
    private static final String ANY = "*";

    private final Set<String> words;

    /**
     * The phrases by their first stem, so a post's stems are each looked up once instead of every
     * phrase being tried at every place; phrases that open with {@code *} are under {@code *}.
     */
    private final Map<String, List<List<String>>> phrasesByFirst;

    /** The exceptions, kept the same way. */
    private final Map<String, List<List<String>>> exceptionsByFirst;

    /**
     * @param words the single words, already stemmed
     * @param phrases the phrases, each already split into stems ({@code *} kept as it is)
     */
    HealthSigns(Set<String> words, List<List<String>> phrases) {
        this(words, phrases, List.of());
    }

    /**
     * @param exceptions phrases, split into stems like {@code phrases}, within which nothing counts
     */
    HealthSigns(Set<String> words, List<List<String>> phrases, List<List<String>> exceptions) {
        this.words = Set.copyOf(words);
        this.phrasesByFirst = byFirst(phrases);
        this.exceptionsByFirst = byFirst(exceptions);
    }

    private static Map<String, List<List<String>>> byFirst(List<List<String>> phrases) {
        Map<String, List<List<String>>> byFirst = new HashMap<>();
        for (List<String> p : phrases)
            if (!p.isEmpty())
                byFirst.computeIfAbsent(p.getFirst(), k -> new ArrayList<>()).add(List.copyOf(p));
        return Map.copyOf(byFirst);
    }

    /** The signs of a pack's lists, stemmed by {@code stems}. */
    static HealthSigns of(PackWords pack, Function<String, List<String>> stems) {
        Set<String> words = new HashSet<>();
        for (String w : pack.words(WORDS)) words.addAll(stems.apply(w));
        return new HealthSigns(
                words,
                phrases(pack.phrases(PHRASES), stems),
                phrases(pack.phrases(EXCEPTIONS), stems));
    }

    /**
     * Each line of a list split into stems, {@code *} kept as it is: a phrase as it is matched.
     * Lines that stem alike ("walks funny", "walking funny") are one phrase, so that one sign is
     * not counted once per spelling.
     */
    static List<List<String>> phrases(List<String> lines, Function<String, List<String>> stems) {
        Set<List<String>> phrases = new LinkedHashSet<>();
        for (String line : lines) {
            List<String> phrase = new ArrayList<>();
            for (String w : line.split("\\s+"))
                if (w.equals(ANY)) phrase.add(ANY);
                else phrase.addAll(stems.apply(w));
            phrases.add(List.copyOf(phrase));
        }
        return List.copyOf(phrases);
    }

    /** How many signs the stems of a post name: each sign word, and each place a phrase matches. */
    int count(List<String> stems) {
        boolean[] excepted = excepted(stems);
        int n = 0;
        List<List<String>> anyFirst = phrasesByFirst.getOrDefault(ANY, List.of());
        for (int at = 0; at < stems.size(); at++) {
            if (excepted[at]) continue;
            if (words.contains(stems.get(at))) n++;
            for (List<String> phrase : phrasesByFirst.getOrDefault(stems.get(at), List.of()))
                if (matchesAt(phrase, stems, at)) n++;
            for (List<String> phrase : anyFirst) if (matchesAt(phrase, stems, at)) n++;
        }
        return n;
    }

    /** Which places of a post lie within an exception. */
    private boolean[] excepted(List<String> stems) {
        boolean[] out = new boolean[stems.size()];
        if (exceptionsByFirst.isEmpty()) return out;
        List<List<String>> anyFirst = exceptionsByFirst.getOrDefault(ANY, List.of());
        for (int at = 0; at < stems.size(); at++) {
            for (List<String> phrase : exceptionsByFirst.getOrDefault(stems.get(at), List.of()))
                if (matchesAt(phrase, stems, at)) Arrays.fill(out, at, at + phrase.size(), true);
            for (List<String> phrase : anyFirst)
                if (matchesAt(phrase, stems, at)) Arrays.fill(out, at, at + phrase.size(), true);
        }
        return out;
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
