package dev.ratbot.answer;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized, ONNX) in process: the model ships inside its Maven artifact and
 * nothing is downloaded at run time. Loading takes about half a second, so one instance is shared
 * ({@link #shared()}). A small cache keeps the vectors of recent texts: in chat the same short
 * questions come again and again, and a vector costs milliseconds.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {
    /** Enough for the questions of a busy hour; 384 floats each, so about 6 MB at most. */
    static final int CACHE_ENTRIES = 4096;

    /**
     * The model reads at most 256 word pieces; longer text is cut before tokenising to bound the
     * work.
     */
    static final int MAX_CHARS = 1200;

    /**
     * Loading starts when the instance is made and runs beside the index build; the first vector
     * waits for it.
     */
    private final java.util.concurrent.CompletableFuture<AllMiniLmL6V2QuantizedEmbeddingModel>
            model =
                    java.util.concurrent.CompletableFuture.supplyAsync(
                            AllMiniLmL6V2QuantizedEmbeddingModel::new,
                            runnable -> {
                                Thread t = new Thread(runnable, "ratbot-embedding-model-load");
                                t.setDaemon(true);
                                t.start();
                            });

    private final Map<String, float[]> cache =
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            };

    private MiniLmEmbedder() {}

    /** The one instance of this process, loaded on first use. */
    public static MiniLmEmbedder shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();
    }

    @Override
    public float[] embed(String text) {
        String key = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        synchronized (cache) {
            float[] hit = cache.get(key);
            if (hit != null) return hit;
        }
        float[] vector =
                normalised(model.join().embed(key.isBlank() ? "." : key).content().vector());
        synchronized (cache) {
            cache.put(key, vector);
        }
        return vector;
    }

    @Override
    public int dimension() {
        return 384;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm == 0) return v;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }
}
