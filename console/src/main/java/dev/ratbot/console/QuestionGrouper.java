package dev.ratbot.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Groups questions by meaning for "what the guide lacks": each question joins the group whose
 * centre is most similar to it (cosine of their vectors) when that similarity reaches the
 * threshold, else starts a new group. The vectors come from an injected function: the answer
 * engine's sentence embedding once it offers one, {@link TokenVectors} until then. Questions are
 * taken most frequent first, so a group's centre forms around what is asked most.
 */
public final class QuestionGrouper {

    /**
     * A distinct question (in its folded form), how often it was asked, and when first and last.
     */
    public record Asked(String question, long times, long firstAt, long lastAt) {}

    /**
     * Similar questions: how often they were asked in all, first and last seen, the questions most
     * asked first.
     */
    public record Group(long times, long firstAt, long lastAt, List<Asked> questions) {
        public Group {
            questions = List.copyOf(questions);
        }
    }

    private final Function<String, float[]> vectors;
    private final double threshold;

    /**
     * @param vectors a vector for a question; similar meanings must give similar directions
     * @param threshold the cosine similarity from which a question joins a group, in (0, 1]
     */
    public QuestionGrouper(Function<String, float[]> vectors, double threshold) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        if (!(threshold > 0 && threshold <= 1))
            throw new IllegalArgumentException("threshold must be in (0, 1]");
        this.threshold = threshold;
    }

    /** The groups, largest (most asked) first; ties by the most recent. */
    public List<Group> group(List<Asked> asked) {
        List<Asked> ordered =
                asked.stream()
                        .sorted(
                                Comparator.comparingLong(Asked::times)
                                        .reversed()
                                        .thenComparing(Asked::question))
                        .toList();
        List<float[]> centres = new ArrayList<>();
        List<List<Asked>> members = new ArrayList<>();
        for (Asked a : ordered) {
            float[] v = normalised(vectors.apply(a.question()));
            int best = -1;
            double bestSimilarity = threshold;
            for (int g = 0; g < centres.size(); g++) {
                double s = cosine(centres.get(g), v);
                if (s >= bestSimilarity) {
                    bestSimilarity = s;
                    best = g;
                }
            }
            if (best < 0 || isZero(v)) {
                centres.add(v.clone());
                members.add(new ArrayList<>(List.of(a)));
            } else {
                float[] c = centres.get(best);
                for (int i = 0; i < c.length && i < v.length; i++) c[i] += v[i] * a.times();
                members.get(best).add(a);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<Asked> m : members) {
            groups.add(
                    new Group(
                            m.stream().mapToLong(Asked::times).sum(),
                            m.stream().mapToLong(Asked::firstAt).min().orElse(0),
                            m.stream().mapToLong(Asked::lastAt).max().orElse(0),
                            m));
        }
        groups.sort(
                Comparator.comparingLong(Group::times)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(Group::lastAt).reversed()));
        return groups;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        if (norm == 0) return v.clone();
        float[] out = new float[v.length];
        double n = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / n);
        return out;
    }

    private static boolean isZero(float[] v) {
        for (float x : v) if (x != 0) return false;
        return true;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
