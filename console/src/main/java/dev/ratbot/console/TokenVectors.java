package dev.ratbot.console;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain stand-in for a sentence embedding: the content words of a question, roughly stemmed,
 * hashed into a fixed number of dimensions. "How long do rats live" and "how long does a rat live
 * for" point the same way; questions that share no content word are orthogonal. Used by {@link
 * QuestionGrouper} until the engine offers its embedding.
 */
public final class TokenVectors implements Function<String, float[]> {

    private static final int DIMENSIONS = 1024;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP =
            Set.of(
                    "a", "an", "the", "do", "does", "did", "is", "are", "was", "were", "be", "to",
                    "of", "in", "on", "for", "my", "i", "me", "it", "its", "and", "or", "can",
                    "should", "what", "how", "why", "when", "you", "your", "with", "at", "from",
                    "this", "that", "there", "they", "them", "their", "he", "she", "his", "her",
                    "we", "our", "so", "if", "will", "would", "could", "have", "has", "had",
                    "about", "any", "much", "many", "get", "rat", "rats");

    @Override
    public float[] apply(String question) {
        float[] v = new float[DIMENSIONS];
        Matcher m = WORD.matcher(question == null ? "" : question.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.length() < 2 || STOP.contains(w)) continue;
            String stem = stem(w);
            v[Math.floorMod(stem.hashCode(), DIMENSIONS)] += 1f;
        }
        return v;
    }

    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) return w.substring(0, w.length() - 3);
        if (w.length() > 4 && w.endsWith("ed")) return w.substring(0, w.length() - 2);
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss"))
            return w.substring(0, w.length() - 1);
        return w;
    }
}
