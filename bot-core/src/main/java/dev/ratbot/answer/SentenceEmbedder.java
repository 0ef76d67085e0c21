package dev.ratbot.answer;

/**
 * Turns text into a unit-length vector whose dot product with another says how close their meanings
 * are. The engine ranks passages by it next to BM25; the operator console groups questions with it.
 * Implementations are thread-safe.
 */
public interface SentenceEmbedder {

    /** The unit-length embedding of the text (an empty text still gets a vector). */
    float[] embed(String text);

    /** The length of every vector this embedder returns. */
    int dimension();

    /**
     * Cosine similarity of two unit vectors of the same length: their dot product, by Lucene's
     * {@code VectorUtil} (unrolled, and SIMD where the JVM allows it), since the engine takes about
     * a thousand of them per question.
     */
    static double similarity(float[] a, float[] b) {
        return org.apache.lucene.util.VectorUtil.dotProduct(a, b);
    }
}
