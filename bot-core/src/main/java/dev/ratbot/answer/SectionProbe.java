package dev.ratbot.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which section a post is about, read from the vector of its focus: a softmax over the sections,
 * learnt by {@code ratbot train} from the taught posts and kept in the pack's {@code
 * section-probe.txt}. The nearest taught posts ({@link Exemplars}) say the same thing from a
 * handful of neighbours; this model weighs all of them at once, so it still speaks where an owner's
 * words are near no single taught post. Measured before it was built (trained without the shared
 * real posts): adding its log-probability to the ranking put the right passage first for 19 of 30
 * real posts instead of 16, and 41 of 54 of the report set instead of 37.
 *
 * <p>Its score for a section is the log of the probability over the uniform one: 0 says nothing. A
 * section the probe was not trained with scores 0 (the engine gives a passage added since training,
 * such as an operator's answer, the favourite's score instead). The probe learnt from focus vectors
 * reads a long post's whole vector too: the story often names what the short question leaves out
 * (measured the same way, on top of the focus's: 20 of 30 first instead of 17).
 */
final class SectionProbe {
    static final String FILE = "section-probe.txt";
    static final SectionProbe EMPTY = new SectionProbe(new double[0][], Map.of());

    /** Weight of the L2 penalty; lighter fits the taught posts harder and generalises worse. */
    static final double L2 = 0.001;

    /** Steps of gradient descent and their size (the vectors are unit length). */
    static final int STEPS = 400;

    static final double STEP_SIZE = 5.0;

    /** Parts the taught posts are split into for the held-out scores the models above learn on. */
    static final int FOLDS = 5;

    /**
     * Per section index: the weights over the vector as floats, null for a section not trained; and
     * the biases. A question's scores are 22 dot products of 384 numbers, done by Lucene's {@code
     * VectorUtil} (SIMD where the JVM allows).
     */
    private final float[][] rows;

    private final double[] biases;

    /** A taught post's scores by a probe that never saw it, for its focus and its whole. */
    private record Held(double[] focus, double[] whole) {}

    /** Held-out scores of the taught posts, by source key, so that none is judged by itself. */
    private final Map<String, Held> heldOut;

    /** From weights per section (bias last; null for a section not trained). */
    private SectionProbe(double[][] weights, Map<String, Held> heldOut) {
        this.heldOut = heldOut;
        this.rows = new float[weights.length][];
        this.biases = new double[weights.length];
        for (int s = 0; s < weights.length; s++) {
            if (weights[s] == null) continue;
            int d = weights[s].length - 1;
            rows[s] = new float[d];
            for (int i = 0; i < d; i++) rows[s][i] = (float) weights[s][i];
            biases[s] = weights[s][d];
        }
    }

    /**
     * The scores of every section for a focus vector, or for the taught post with that source key
     * its held-out scores.
     */
    double[] focusScores(float[] focus, String source) {
        Held held = heldOut.get(source);
        return held != null ? held.focus() : scores(focus);
    }

    /** The same for a post's whole vector. */
    double[] wholeScores(float[] whole, String source) {
        Held held = heldOut.get(source);
        return held != null ? held.whole() : scores(whole);
    }

    /** Every section's score for a vector, by the weights (no held-out scores). */
    private double[] scores(float[] v) {
        double[] z = new double[rows.length];
        if (v == null) return z;
        double max = Double.NEGATIVE_INFINITY;
        int trained = 0;
        for (int s = 0; s < rows.length; s++) {
            if (rows[s] == null || rows[s].length != v.length) continue;
            z[s] = biases[s] + org.apache.lucene.util.VectorUtil.dotProduct(rows[s], v);
            max = Math.max(max, z[s]);
            trained++;
        }
        if (trained == 0) return new double[rows.length];
        double sum = 0;
        for (int s = 0; s < rows.length; s++)
            if (rows[s] != null && rows[s].length == v.length) sum += Math.exp(z[s] - max);
        double norm = max + Math.log(sum) - Math.log(trained);
        for (int s = 0; s < rows.length; s++)
            z[s] = rows[s] != null && rows[s].length == v.length ? z[s] - norm : 0;
        return z;
    }

    /** Reads the pack's file: a section id and its weights (Base64 floats) a line. */
    static SectionProbe parse(String text, List<String> sectionIds) {
        Map<String, Integer> index = new HashMap<>();
        for (int s = 0; s < sectionIds.size(); s++) index.put(sectionIds.get(s), s);
        double[][] weights = new double[sectionIds.size()][];
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split(" ");
            Integer s = index.get(parts[0]);
            if (s == null || parts.length != 2) continue; // a section the pack no longer has
            float[] f = Exemplars.decode(parts[1]);
            double[] w = new double[f.length];
            for (int i = 0; i < f.length; i++) w[i] = f[i];
            weights[s] = w;
        }
        return new SectionProbe(weights, Map.of());
    }

    /** The file's text. */
    String format(List<String> sectionIds, String header) {
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n")) out.append("# ").append(line).append('\n');
        for (int s = 0; s < rows.length; s++) {
            if (rows[s] == null) continue;
            float[] f = java.util.Arrays.copyOf(rows[s], rows[s].length + 1);
            f[rows[s].length] = (float) biases[s];
            out.append(sectionIds.get(s)).append(' ').append(Exemplars.encode(f)).append('\n');
        }
        return out.toString();
    }

    /**
     * A post to learn from: its focus vector and, per section index, its share of the answer (the
     * sections of the passages that answer it, equally).
     */
    record Taught(String source, float[] focus, float[] whole, double[] sections) {}

    /** Learns the probe from taught posts, with each post's held-out scores. */
    static SectionProbe fit(List<Taught> taught, int sectionCount) {
        double[][] weights = weights(taught, sectionCount);
        Map<String, Held> held = new HashMap<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Taught> in = new ArrayList<>();
            List<Taught> out = new ArrayList<>();
            for (int i = 0; i < taught.size(); i++)
                (i % FOLDS == fold ? out : in).add(taught.get(i));
            SectionProbe without = new SectionProbe(weights(in, sectionCount), Map.of());
            for (Taught t : out)
                held.put(
                        t.source(), new Held(without.scores(t.focus()), without.scores(t.whole())));
        }
        return new SectionProbe(weights, Map.copyOf(held));
    }

    /**
     * Softmax regression by gradient descent; a section no taught post is about gets no weights.
     */
    private static double[][] weights(List<Taught> taught, int sectionCount) {
        double[][] w = new double[sectionCount][];
        if (taught.isEmpty()) return w;
        int d = taught.get(0).focus().length;
        boolean[] seen = new boolean[sectionCount];
        for (Taught t : taught)
            for (int s = 0; s < sectionCount; s++) seen[s] |= t.sections()[s] > 0;
        for (int s = 0; s < sectionCount; s++) if (seen[s]) w[s] = new double[d + 1];
        int n = taught.size();
        double[] z = new double[sectionCount];
        for (int step = 0; step < STEPS; step++) {
            double[][] g = new double[sectionCount][];
            for (int s = 0; s < sectionCount; s++) if (seen[s]) g[s] = new double[d + 1];
            for (Taught t : taught) {
                float[] x = t.focus();
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < sectionCount; s++) {
                    if (!seen[s]) continue;
                    double v = w[s][d];
                    for (int i = 0; i < d; i++) v += w[s][i] * x[i];
                    z[s] = v;
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int s = 0; s < sectionCount; s++) if (seen[s]) sum += Math.exp(z[s] - max);
                for (int s = 0; s < sectionCount; s++) {
                    if (!seen[s]) continue;
                    double err = Math.exp(z[s] - max) / sum - t.sections()[s];
                    for (int i = 0; i < d; i++) g[s][i] += err * x[i];
                    g[s][d] += err;
                }
            }
            for (int s = 0; s < sectionCount; s++) {
                if (!seen[s]) continue;
                for (int i = 0; i < d; i++) w[s][i] -= STEP_SIZE * (g[s][i] / n + L2 * w[s][i]);
                w[s][d] -= STEP_SIZE * g[s][d] / n;
            }
        }
        return w;
    }

    @Override
    public String toString() {
        int trained = 0;
        for (float[] row : rows) if (row != null) trained++;
        return String.format(Locale.ROOT, "SectionProbe[%d of %d sections]", trained, rows.length);
    }
}
