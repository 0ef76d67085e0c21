package dev.ratbot.answer;

/**
 * Turns text into a unit-length vector whose dot product with another says how close their meanings are. The engine
 * ranks passages by it next to BM25; the operator console groups questions with it. Implementations are thread-safe.
 */
public interface SentenceEmbedder {

    /** The unit-length embedding of the text (an empty text still gets a vector). */
    float[] embed(String text);

    /** The length of every vector this embedder returns. */
    int dimension();

    /** Cosine similarity of two unit vectors of the same length. */
    static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
        return dot;
    }
}
