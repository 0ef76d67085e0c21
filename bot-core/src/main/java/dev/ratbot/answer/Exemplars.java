package dev.ratbot.answer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled posts the engine was taught with, kept as vectors of their focus with the passage that answers each
 * (or none, for posts the guide does not cover). A new post close in meaning to taught ones is evidence for their
 * passage, or for declining; owners ask the same things in the same everyday words, unlike the guide's. Written by
 * {@code ratbot train} into the pack's {@code exemplars.txt}. A post's own line never counts for itself, so the
 * training posts are read exactly as new ones.
 */
final class Exemplars {
    static final String FILE = "exemplars.txt";
    static final String NONE = "-";
    static final Exemplars EMPTY = new Exemplars(List.of());

    /** @param doc the passage that answers it, or -1 for a post the guide does not cover */
    record Exemplar(String source, int doc, float[] vector) {
    }

    /** What the taught posts nearest a new one say: per passage the closest post's similarity, and the uncovered. */
    record Nearest(Map<Integer, Double> byDoc, double covered, double uncovered) {
        double of(int doc) {
            return byDoc.getOrDefault(doc, 0.0);
        }
    }

    private final List<Exemplar> exemplars;

    private Exemplars(List<Exemplar> exemplars) {
        this.exemplars = List.copyOf(exemplars);
    }

    boolean isEmpty() {
        return exemplars.isEmpty();
    }

    /** @param docs passage keys (see {@link PassageVectors#key}) to document numbers; lines of unknown passages are dropped */
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
        for (Exemplar e : exemplars) {
            if (e.source().equals(self)) continue;
            double sim = SentenceEmbedder.similarity(q, e.vector());
            if (e.doc() < 0) {
                uncovered = Math.max(uncovered, sim);
            } else {
                covered = Math.max(covered, sim);
                byDoc.merge(e.doc(), sim, Math::max);
            }
        }
        return new Nearest(byDoc, covered, uncovered);
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
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }
}
