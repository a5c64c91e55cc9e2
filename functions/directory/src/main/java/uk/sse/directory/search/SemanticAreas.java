package uk.sse.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.sse.embeddings.Vectors;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * The areas of support whose scope ({@value #RESOURCE}) is nearest in meaning to a query. Offers in them join the
 * offers that share the query's words as candidates, so that a need described in plain words ("fights in the
 * playground") reaches support that speaks of something else ("unstructured times"); the embeddings then rank them all.
 * Top-level areas are too broad to say anything and are left out.
 */
final class SemanticAreas {

    static final String RESOURCE = "area-scopes.txt";

    /** An area and how near its scope is to the query. */
    record Near(String code, double similarity) {}

    private final List<String> codes;
    private final List<float[]> vectors;

    SemanticAreas(Function<List<String>, List<float[]>> embedAll) {
        Map<String, String> scopes = read();
        List<String> missing = Taxonomy.standard().terms().stream()
                .map(t -> t.code())
                .filter(c -> !scopes.containsKey(c))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no scope for " + missing);
        }
        this.codes = scopes.keySet().stream().filter(code -> code.contains(".")).toList();
        this.vectors = embedAll.apply(codes.stream().map(scopes::get).toList());
    }

    /** How near each area's scope is to the query (top-level areas left out). */
    Map<String, Double> similarities(float[] query) {
        Map<String, Double> similarities = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            similarities.put(codes.get(i), Vectors.dot(query, vectors.get(i)));
        }
        return similarities;
    }

    /** Up to {@code most} of these areas at least {@code least} similar to the query, nearest first. */
    static List<Near> nearest(Map<String, Double> similarities, int most, double least) {
        return similarities.entrySet().stream()
                .filter(e -> e.getValue() >= least)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(most)
                .map(e -> new Near(e.getKey(), e.getValue()))
                .toList();
    }

    private static Map<String, String> read() {
        try (InputStream in = SemanticAreas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<String, String> scopes = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int colon = line.indexOf(':');
                    String code = line.substring(0, colon).strip();
                    if (!Taxonomy.standard().isKnown(code)
                            || scopes.put(code, line.substring(colon + 1).strip()) != null) {
                        throw new IllegalStateException(RESOURCE + ": unknown or repeated code " + code);
                    }
                }
            }
            return scopes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
