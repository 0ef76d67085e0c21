package dev.ratbot.answer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled posts the engine was taught with, kept as vectors of their focus with the passage
 * that answers each (or none, for posts the guide does not cover). A new post close in meaning to
 * taught ones is evidence for their passage, or for declining; owners ask the same things in the
 * same everyday words, unlike the guide's. Written by {@code ratbot train} into the pack's {@code
 * exemplars.txt}. A post's own line never counts for itself, so the training posts are read exactly
 * as new ones.
 */
final class Exemplars {
    static final String FILE = "exemplars.txt";
    static final String NONE = "-";
    static final Exemplars EMPTY = new Exemplars(List.of());

    /**
     * @param doc the passage that answers it, or -1 for a post the guide does not cover
     */
    record Exemplar(String source, int doc, float[] vector) {}

    /** How many of the nearest taught posts vote. */
    static final int VOTERS = 8;

    /**
     * How fast a voter's weight falls with its distance from the nearest one (a softmax temperature
     * on similarity).
     */
    static final double VOTE_TEMPERATURE = 0.03;

    /**
     * What the taught posts nearest a new one say: per passage the closest post's similarity, and
     * the uncovered; and the vote of the {@link #VOTERS} nearest, each weighted by its closeness:
     * per passage and for "not covered", a share of the weight in [0, 1]. One close post can be a
     * fluke; several agreeing are a pattern.
     */
    record Nearest(
            Map<Integer, Double> byDoc,
            double covered,
            double uncovered,
            Map<Integer, Double> votes,
            double noneVote) {
        static final Nearest NONE = new Nearest(Map.of(), 0, 0, Map.of(), 0);

        double of(int doc) {
            return byDoc.getOrDefault(doc, 0.0);
        }

        double voteFor(int doc) {
            return votes.getOrDefault(doc, 0.0);
        }
    }

    private final List<Exemplar> exemplars;

    private Exemplars(List<Exemplar> exemplars) {
        this.exemplars = List.copyOf(exemplars);
    }

    boolean isEmpty() {
        return exemplars.isEmpty();
    }

    /**
     * @param docs passage keys (see {@link PassageVectors#key}) to document numbers; lines of
     *     unknown passages are dropped
     */
    static Exemplars parse(String file, Map<String, Integer> docs) {
        List<Exemplar> out = new ArrayList<>();
        for (String line : file.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.strip().split(" ");
            if (parts.length != 3) continue;
            Integer doc = parts[1].equals(NONE) ? Integer.valueOf(-1) : docs.get(parts[1]);
            if (doc == null) continue;
            out.add(new Exemplar(parts[0], doc, decode(parts[2])));
        }
        return new Exemplars(out);
    }

    Nearest nearest(float[] q, String self) {
        Map<Integer, Double> byDoc = new HashMap<>();
        double covered = 0;
        double uncovered = 0;
        // The nearest posts (a post answered by two passages is two exemplars: one voter, its
        // weight shared).
        Map<String, Double> postSim = new HashMap<>();
        for (Exemplar e : exemplars) {
            if (e.source().equals(self)) continue;
            double sim = SentenceEmbedder.similarity(q, e.vector());
            postSim.put(e.source(), sim);
            if (e.doc() < 0) {
                uncovered = Math.max(uncovered, sim);
            } else {
                covered = Math.max(covered, sim);
                byDoc.merge(e.doc(), sim, Math::max);
            }
        }
        List<Map.Entry<String, Double>> near =
                postSim.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(VOTERS)
                        .toList();
        Map<String, Double> weight = new HashMap<>();
        double top = near.isEmpty() ? 0 : near.get(0).getValue();
        double total = 0;
        for (Map.Entry<String, Double> n : near) {
            double w = Math.exp((n.getValue() - top) / VOTE_TEMPERATURE);
            weight.put(n.getKey(), w);
            total += w;
        }
        Map<Integer, Double> votes = new HashMap<>();
        double none = 0;
        if (total > 0) {
            Map<String, Integer> docsOfPost = new HashMap<>();
            for (Exemplar e : exemplars)
                if (weight.containsKey(e.source())) docsOfPost.merge(e.source(), 1, Integer::sum);
            for (Exemplar e : exemplars) {
                Double w = weight.get(e.source());
                if (w == null) continue;
                double share = w / total / docsOfPost.get(e.source());
                if (e.doc() < 0) none += share;
                else votes.merge(e.doc(), share, Double::sum);
            }
        }
        return new Nearest(byDoc, covered, uncovered, votes, none);
    }

    static String line(String source, String passageKey, float[] v) {
        return source + " " + passageKey + " " + encode(v);
    }

    static String encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return Base64.getEncoder().encodeToString(b.array());
    }

    static float[] decode(String s) {
        ByteBuffer b =
                ByteBuffer.wrap(Base64.getDecoder().decode(s)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }
}
