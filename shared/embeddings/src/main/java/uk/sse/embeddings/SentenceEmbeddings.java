package uk.sse.embeddings;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2, quantised to 8 bits (ONNX, 384 dimensions), run in this JVM by ONNX Runtime with its Hugging Face
 * tokenizer: model, tokenizer and native libraries all come from Maven packages, so nothing is downloaded at run time.
 * Loading takes about half a second and some 100 MB of native memory, so there is one model per JVM ({@link #shared()}),
 * loaded on first use; it is safe for concurrent use. Vectors have unit length, so a dot product is their cosine.
 */
public final class SentenceEmbeddings {

    /** Names the model in indexed documents, so a document embedded by another model is embedded again. */
    public static final String MODEL = "all-minilm-l6-v2-q";

    public static final int DIMENSIONS = 384;

    private static final Logger LOG = LoggerFactory.getLogger(SentenceEmbeddings.class);

    private final EmbeddingModel model;

    private SentenceEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    /** The JVM's model, loaded on first use. */
    public static SentenceEmbeddings shared() {
        return Holder.INSTANCE;
    }

    /** Loaded when first asked for: a JVM that never embeds never pays for the model. */
    private static final class Holder {
        static final SentenceEmbeddings INSTANCE = load();
    }

    private static SentenceEmbeddings load() {
        // the tokenizer's native library is unpacked from its jar into a cache directory: in Lambda only /tmp is
        // writable;
        // offline, the library never looks for anything on the internet
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty(
                    "DJL_CACHE_DIR",
                    Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
        }
        System.setProperty("ai.djl.offline", "true");
        long started = System.nanoTime();
        // embedAll embeds texts side by side: at most as many as there are cores
        ExecutorService workers = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().name("sse-embeddings-", 0).daemon().factory());
        SentenceEmbeddings loaded = new SentenceEmbeddings(new AllMiniLmL6V2QuantizedEmbeddingModel(workers));
        loaded.embed("warm up");
        LOG.info("sentence embeddings {} loaded in {} ms", MODEL, (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }

    /** The text's embedding, of unit length. Text beyond the model's 256 word pieces is not seen. */
    public float[] embed(String text) {
        return Vectors.unit(model.embed(text).content().vector());
    }

    /** Each text's embedding, in order. */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> Vectors.unit(e.vector()))
                .toList();
    }
}
