package dev.ratbot.answer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
     * One taught post: the passages that answer it (several when the guide answers it in several
     * places; none for a post the guide does not cover) and the vector of its focus.
     *
     * @param docs document numbers, empty for a post the guide does not cover
     */
    record Exemplar(String source, int[] docs, float[] vector) {}

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

    /**
     * How many recent verdicts are kept. The embedder hands back the same vector object for a text
     * it has cached, so a question asked again finds its verdict here by that object, without
     * comparing it with every taught post once more (most of the work of a repeated question).
     */
    static final int RECENT = 1024;

    private record Asked(float[] vector, String self) {
        // Arrays compare by identity, on purpose: the embedder's cache makes a repeated text the
        // same object, and comparing 384 numbers would cost what the cache saves.
        @SuppressWarnings("ReferenceEquality")
        @Override
        public boolean equals(Object o) {
            return o instanceof Asked a && a.vector == vector && a.self.equals(self);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(vector) * 31 + self.hashCode();
        }
    }

    private final Map<Asked, Nearest> recent =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Asked, Nearest> eldest) {
                    return size() > RECENT;
                }
            };

    /** One more than the highest passage number any taught post names. */
    private final int passages;

    private Exemplars(List<Exemplar> exemplars) {
        this.exemplars = List.copyOf(exemplars);
        this.passages =
                this.exemplars.stream()
                                .flatMapToInt(e -> java.util.Arrays.stream(e.docs()))
                                .max()
                                .orElse(-1)
                        + 1;
    }

    boolean isEmpty() {
        return exemplars.isEmpty();
    }

    /**
     * @param docs passage keys (see {@link PassageVectors#key}) to document numbers; lines of
     *     unknown passages are dropped
     */
    static Exemplars parse(String file, Map<String, Integer> docs) {
        // A post answered by two passages has a line for each; it is one post, with two passages.
        Map<String, List<Integer>> docsOf = new LinkedHashMap<>();
        Map<String, float[]> vectorOf = new HashMap<>();
        for (String line : file.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.strip().split(" ");
            if (parts.length != 3) continue;
            Integer doc = parts[1].equals(NONE) ? Integer.valueOf(-1) : docs.get(parts[1]);
            if (doc == null) continue;
            List<Integer> of = docsOf.computeIfAbsent(parts[0], k -> new ArrayList<>());
            if (doc >= 0) of.add(doc);
            vectorOf.computeIfAbsent(parts[0], k -> decode(parts[2]));
        }
        List<Exemplar> out = new ArrayList<>(docsOf.size());
        docsOf.forEach(
                (source, of) ->
                        out.add(
                                new Exemplar(
                                        source,
                                        of.stream().mapToInt(Integer::intValue).toArray(),
                                        vectorOf.get(source))));
        return new Exemplars(out);
    }

    Nearest nearest(float[] q, String self) {
        Asked asked = new Asked(q, self);
        synchronized (recent) {
            Nearest known = recent.get(asked);
            if (known != null) return known;
        }
        Nearest n = compute(q, self);
        synchronized (recent) {
            recent.put(asked, n);
        }
        return n;
    }

    private Nearest compute(float[] q, String self) {
        // Per passage the closest post's similarity, in an array: a map would box a number for each
        // of the taught posts (75 KB of garbage for every new question).
        double[] best = new double[passages];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        double covered = 0;
        double uncovered = 0;
        // The nearest posts, kept in order in a small array: a full sort of every taught post for
        // each question cost more than the similarities themselves.
        Exemplar[] near = new Exemplar[VOTERS];
        double[] nearSim = new double[VOTERS];
        int count = 0;
        for (Exemplar e : exemplars) {
            if (e.source().equals(self)) continue;
            double sim = SentenceEmbedder.similarity(q, e.vector());
            if (e.docs().length == 0) uncovered = Math.max(uncovered, sim);
            for (int doc : e.docs()) {
                covered = Math.max(covered, sim);
                best[doc] = Math.max(best[doc], sim);
            }
            if (count < VOTERS) count++;
            else if (sim <= nearSim[VOTERS - 1]) continue;
            int at = count - 1;
            while (at > 0 && nearSim[at - 1] < sim) {
                near[at] = near[at - 1];
                nearSim[at] = nearSim[at - 1];
                at--;
            }
            near[at] = e;
            nearSim[at] = sim;
        }
        double[] weight = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            weight[i] = Math.exp((nearSim[i] - nearSim[0]) / VOTE_TEMPERATURE);
            total += weight[i];
        }
        // Each voter's weight, shared among the passages that answer it.
        Map<Integer, Double> votes = new HashMap<>();
        double none = 0;
        for (int i = 0; i < count && total > 0; i++) {
            int[] docs = near[i].docs();
            if (docs.length == 0) none += weight[i] / total;
            for (int doc : docs) votes.merge(doc, weight[i] / total / docs.length, Double::sum);
        }
        // Filled in document order, so it needs no copy to iterate in that order.
        java.util.SortedMap<Integer, Double> byDoc = new java.util.TreeMap<>();
        for (int doc = 0; doc < passages; doc++)
            if (best[doc] > Double.NEGATIVE_INFINITY) byDoc.put(doc, best[doc]);
        return new Nearest(
                java.util.Collections.unmodifiableSortedMap(byDoc),
                covered,
                uncovered,
                inDocOrder(votes),
                none);
    }

    /**
     * An unmodifiable copy that iterates in document order. The engine takes the best passages of
     * {@code byDoc} by value, and a post answered by two passages gives them equal values; it also
     * sums the votes per section. {@code Map.copyOf} iterates in an order that changes from run to
     * run, so ties and sums did too: the same question got other suggestions in another process.
     */
    private static Map<Integer, Double> inDocOrder(Map<Integer, Double> byDoc) {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byDoc));
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
