package dev.ratbot.answer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The engine's learnt decisions, from its {@link CandidateSignals} and {@link Signals}: four
 * logistic models whose weights {@link DecisionTrainer} learns from labelled posts ({@code ratbot
 * train}) and keeps, reviewed, in the pack's {@code decision-model.properties}. No hand-set rule
 * decides; retraining is one command.
 *
 * @param rank "this candidate passage answers the question": picks the passage (bias last)
 * @param covered "the guide covers this post": answer (likely or sure) or decline
 * @param right "the chosen passage is right": sure or only likely
 * @param health "the post is about illness or injury", for posts naming a sign of it
 * @param sure probability of "right" from which an answer is sure (and given, whatever "covered"
 *     says)
 * @param likely probability of "covered" from which a passage is given, as likely unless "right"
 *     makes it sure
 * @param healthFloor probability from which a post with a health sign gets the health reply
 * @param coveredProbe weights over the focus vector: is its topic one the guide covers (bias last;
 *     empty untrained)
 * @param healthProbe weights over the focus vector: is it about illness or injury (bias last; empty
 *     untrained)
 */
record DecisionModel(
        double[] rank,
        double[] covered,
        double[] right,
        double[] health,
        double sure,
        double likely,
        double healthFloor,
        double[] coveredProbe,
        double[] healthProbe) {

    static final String FILE = "decision-model.properties";

    /**
     * A pack without trained weights answers nothing but says so kindly; {@code ratbot train} gives
     * it weights.
     */
    static DecisionModel untrained() {
        double[] never = new double[Signals.NAMES.size() + 1];
        never[Signals.NAMES.size()] = -20;
        double[] rank = new double[CandidateSignals.NAMES.size() + 1];
        rank[0] = 1; // untrained, the keyword ranking decides
        return new DecisionModel(
                rank, never, never, never, 0.9, 0.5, 0.5, new double[0], new double[0]);
    }

    /**
     * How strongly the signals say a candidate passage answers the question (a logit: higher is
     * better).
     */
    double rankScore(CandidateSignals c) {
        return logit(rank, c.values());
    }

    /** A probe's logit for a focus vector; 0 when untrained or without vectors. */
    static double probe(double[] w, float[] v) {
        if (w.length == 0 || v == null || v.length + 1 != w.length) return 0;
        double z = w[v.length];
        for (int i = 0; i < v.length; i++) z += w[i] * v[i];
        return z;
    }

    /** The higher of a probe's logits for the focus and for the whole post. */
    static double probeEither(double[] w, float[] focus, float[] whole) {
        double f = probe(w, focus);
        return whole == null ? f : Math.max(f, probe(w, whole));
    }

    double coveredProbability(Signals s) {
        return sigmoid(logit(covered, s.values()));
    }

    double rightProbability(Signals s) {
        return sigmoid(logit(right, s.values()));
    }

    double healthProbability(Signals s) {
        return sigmoid(logit(health, s.values()));
    }

    static double logit(double[] w, double[] x) {
        double z = w[x.length];
        for (int i = 0; i < x.length; i++) z += w[i] * x[i];
        return z;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Reads the pack's file; every signal must have a weight in every model, so a stale file fails
     * loudly.
     */
    static DecisionModel parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (p.isEmpty()) return untrained();
        return new DecisionModel(
                weights(p, "rank", CandidateSignals.NAMES),
                weights(p, "covered", Signals.NAMES),
                weights(p, "right", Signals.NAMES),
                weights(p, "health", Signals.NAMES),
                number(p, "threshold.sure"),
                number(p, "threshold.likely"),
                number(p, "threshold.health"),
                vector(p, "probe.covered"),
                vector(p, "probe.health"));
    }

    private static double[] vector(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null)
            throw new IllegalStateException(
                    FILE + " has no " + key + ": retrain it with 'ratbot train'");
        float[] f = Exemplars.decode(v.strip());
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) out[i] = f[i];
        return out;
    }

    private static double[] weights(Properties p, String model, List<String> names) {
        double[] w = new double[names.size() + 1];
        for (int i = 0; i < names.size(); i++) w[i] = number(p, model + "." + names.get(i));
        w[names.size()] = number(p, model + ".bias");
        return w;
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null)
            throw new IllegalStateException(
                    FILE + " has no " + key + ": retrain it with 'ratbot train'");
        return Double.parseDouble(v.strip());
    }

    /** The file's text, one weight a line with its signal's name. */
    String format(String header) {
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n")) out.append("# ").append(line).append('\n');
        out.append(
                String.format(
                        Locale.ROOT,
                        "threshold.sure=%.4f%nthreshold.likely=%.4f%nthreshold.health=%.4f%n",
                        sure,
                        likely,
                        healthFloor));
        write(out, "rank", rank, CandidateSignals.NAMES);
        write(out, "covered", covered, Signals.NAMES);
        write(out, "right", right, Signals.NAMES);
        write(out, "health", health, Signals.NAMES);
        out.append("# Probes over the focus vector (float32, little-endian, Base64; bias last).\n");
        out.append("probe.covered=").append(Exemplars.encode(floats(coveredProbe))).append('\n');
        out.append("probe.health=").append(Exemplars.encode(floats(healthProbe))).append('\n');
        return out.toString();
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    private static void write(StringBuilder out, String model, double[] w, List<String> names) {
        for (int i = 0; i < names.size(); i++)
            out.append(String.format(Locale.ROOT, "%s.%s=%.5f%n", model, names.get(i), w[i]));
        out.append(String.format(Locale.ROOT, "%s.bias=%.5f%n", model, w[names.size()]));
    }
}
