package uk.sse.bench;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The benchmark's file of text to embedding, so that a later {@code bench-search} run need not embed again the tens
 * of thousands of offer texts an earlier one did (34 minutes at 100,000 offers under load). Only the benchmarks use
 * it: no function reads it. Each entry is keyed by the SHA-256 of the model's name and the exact text, so a vector is
 * used only for the same model and text. The file names its model in its header; a file of another model, one that
 * does not parse, or one whose sample of entries does not match a fresh embedding is rebuilt from nothing. A torn
 * last entry (a run stopped while writing) is cut off and the entries before it kept.
 */
final class EmbeddingsCache implements AutoCloseable {

    private static final String MAGIC = "sse-embeddings-cache-1";
    /** How many cached entries are embedded afresh and compared when the file is opened. */
    static final int SAMPLE = 8;
    /** The largest difference allowed in any component between a cached vector and a fresh one. */
    private static final float TOLERANCE = 1e-4f;

    private final Path file;
    private final String model;
    private final Function<List<String>, List<float[]>> embedder;
    private final Map<String, float[]> vectors;
    private final DataOutputStream out;
    private final String opened;
    private int computed;

    private EmbeddingsCache(
            Path file,
            String model,
            Function<List<String>, List<float[]>> embedder,
            Map<String, float[]> vectors,
            DataOutputStream out,
            String opened) {
        this.file = file;
        this.model = model;
        this.embedder = embedder;
        this.vectors = vectors;
        this.out = out;
        this.opened = opened;
    }

    /**
     * The cache in {@code file} for {@code model}, whose embeddings {@code embedder} computes (a list of texts to
     * their vectors, in order). Reads what the file holds, checks a sample of it against {@code embedder}, and
     * rebuilds the file when it is of another model, does not parse or fails the check.
     */
    static EmbeddingsCache open(Path file, String model, Function<List<String>, List<float[]>> embedder) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Map<String, float[]> vectors = new HashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            String why = read(file, model, vectors, texts);
            if (why == null) {
                why = check(texts, vectors, embedder);
            }
            String opened;
            if (why != null) {
                vectors.clear();
                try (DataOutputStream header = new DataOutputStream(Files.newOutputStream(file))) {
                    header.writeUTF(MAGIC);
                    header.writeUTF(model);
                }
                opened = "rebuilt (" + why + ")";
            } else {
                opened = vectors.size() + " vectors read, " + Math.min(SAMPLE, vectors.size()) + " checked";
            }
            DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), 1 << 16));
            return new EmbeddingsCache(file, model, embedder, vectors, out, opened);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What opening the file found: how many vectors it read, or why it was rebuilt. */
    String opened() {
        return opened;
    }

    /** How many vectors this cache has computed (not found in the file) since it was opened. */
    int computed() {
        return computed;
    }

    /** The texts' vectors in order: those in the file as they are, the others computed once and added to it. */
    synchronized List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream()
                .distinct()
                .filter(t -> !vectors.containsKey(key(model, t)))
                .toList();
        if (!missing.isEmpty()) {
            List<float[]> made = embedder.apply(missing);
            try {
                for (int i = 0; i < missing.size(); i++) {
                    String key = key(model, missing.get(i));
                    vectors.put(key, made.get(i));
                    write(out, key, missing.get(i), made.get(i));
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            computed += missing.size();
        }
        return texts.stream().map(t -> vectors.get(key(model, t))).toList();
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file + " (" + model + ")";
    }

    /** The key of a text's vector: SHA-256 of the model's name and the text, in hexadecimal. */
    static String key(String model, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(DataOutputStream out, String key, String text, float[] vector) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeUTF(key);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.writeInt(vector.length);
        for (float f : vector) {
            out.writeFloat(f);
        }
    }

    /** Reads the file into the maps; null when it can be used, otherwise why not. */
    private static String read(Path file, String model, Map<String, float[]> vectors, Map<String, String> texts)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            return "no file";
        }
        long good;
        try (InputStream raw = Files.newInputStream(file);
                CountingInput counted = new CountingInput(raw);
                DataInputStream in = new DataInputStream(counted)) {
            try {
                if (!MAGIC.equals(in.readUTF())) {
                    return "not an embeddings cache";
                }
                String its = in.readUTF();
                if (!model.equals(its)) {
                    return "another model's: " + its;
                }
            } catch (IOException e) {
                return "no header";
            }
            good = counted.count;
            while (true) {
                String key;
                String text;
                float[] vector;
                try {
                    key = in.readUTF();
                    int length = in.readInt();
                    if (length < 0 || length > 1 << 24) {
                        return "corrupt entry at byte " + good;
                    }
                    text = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                    int dimensions = in.readInt();
                    if (dimensions <= 0 || dimensions > 1 << 16) {
                        return "corrupt entry at byte " + good;
                    }
                    vector = new float[dimensions];
                    for (int i = 0; i < dimensions; i++) {
                        vector[i] = in.readFloat();
                    }
                } catch (EOFException torn) {
                    break; // the end, or a last entry cut short by a stopped run
                } catch (IOException e) {
                    return "corrupt entry at byte " + good;
                }
                if (!key.equals(key(model, text))) {
                    return "corrupt entry at byte " + good + " (its key is not its text's)";
                }
                vectors.put(key, vector);
                texts.put(key, text);
                good = counted.count;
            }
        }
        if (good < Files.size(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(good);
            }
        }
        return null;
    }

    /** Embeds a random sample of the cached texts afresh; null when every vector matches, otherwise why not. */
    private static String check(
            Map<String, String> texts, Map<String, float[]> vectors, Function<List<String>, List<float[]>> embedder) {
        if (texts.isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>(texts.keySet());
        Collections.shuffle(keys, new Random());
        keys = keys.subList(0, Math.min(SAMPLE, keys.size()));
        List<float[]> fresh = embedder.apply(keys.stream().map(texts::get).toList());
        for (int i = 0; i < keys.size(); i++) {
            float[] cached = vectors.get(keys.get(i));
            float[] now = fresh.get(i);
            if (cached.length != now.length) {
                return "a cached vector has " + cached.length + " dimensions, a fresh one " + now.length;
            }
            for (int d = 0; d < now.length; d++) {
                if (Math.abs(cached[d] - now[d]) > TOLERANCE) {
                    return "a cached vector differs from a fresh one for \"" + abbreviated(texts.get(keys.get(i)))
                            + "\"";
                }
            }
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** Counts the bytes read, so that the end of the last whole entry is known. */
    private static final class CountingInput extends java.io.FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(new java.io.BufferedInputStream(in, 1 << 16));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
