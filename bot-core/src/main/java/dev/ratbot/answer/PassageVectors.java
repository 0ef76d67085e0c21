package dev.ratbot.answer;

import java.util.Map;

/**
 * Where passage vectors come from when the index is built: the pack's precomputed file ({@code
 * passage-vectors.txt}, written by {@code ratbot train}) for the passages it knows, the embedder
 * for the rest (an operator's own pack or answers). Embedding the guide's hundred passages at
 * start-up would cost about half a second; reading them, nothing.
 */
final class PassageVectors {
    static final String FILE = "passage-vectors.txt";
    private static final PassageVectors NONE = new PassageVectors(null, Map.of());

    private final SentenceEmbedder embedder;
    private final Map<String, float[]> known;

    private PassageVectors(SentenceEmbedder embedder, Map<String, float[]> known) {
        this.embedder = embedder;
        this.known = known;
    }

    /** No vectors: a keyword-only index (synthetic load-test packs). */
    static PassageVectors none() {
        return NONE;
    }

    static PassageVectors of(SentenceEmbedder embedder, String file) {
        return new PassageVectors(embedder, parse(file));
    }

    /** Whether the pack's file holds vectors at all, i.e. its models were trained. */
    boolean trained() {
        return !known.isEmpty();
    }

    /** Whether the file holds a vector for the passage of this key (see {@link #key}). */
    boolean knows(String key) {
        return known.containsKey(key);
    }

    boolean enabled() {
        return embedder != null;
    }

    float[] vector(String text) {
        float[] v = known.get(key(text));
        return v != null ? v : embedder.embed(text);
    }

    /**
     * A passage's key in the file: a hash of its text, so that an edited passage is embedded anew.
     */
    static String key(String text) {
        try {
            byte[] d =
                    java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line a passage: its key, a space, and its vector (little-endian float32, Base64). */
    static String format(Map<String, float[]> vectors) {
        StringBuilder out =
                new StringBuilder(
                        "# Passage vectors of this pack (all-MiniLM-L6-v2, quantized), written by 'ratbot train'.\n");
        vectors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        e -> {
                            out.append(e.getKey())
                                    .append(' ')
                                    .append(Exemplars.encode(e.getValue()))
                                    .append('\n');
                        });
        return out.toString();
    }

    private static Map<String, float[]> parse(String file) {
        Map<String, float[]> out = new java.util.HashMap<>();
        for (String line : file.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int space = line.indexOf(' ');
            out.put(line.substring(0, space), Exemplars.decode(line.substring(space + 1).strip()));
        }
        return Map.copyOf(out);
    }
}
