package uk.sse.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * The areas of support a query names in everyday words ({@value #RESOURCE}: "fights at lunchtime" names behaviour,
 * "kids who won't come in" attendance), reviewed by hand, a phrase per need. The model's sense of such words is weakest
 * where the field's own words are not used (decision 0053), so a need named outright counts as near the query as can be.
 */
final class PlainWords {

    static final String RESOURCE = "plain-words.txt";
    /** How near a need the words name outright is: a cosine's most. */
    static final double NAMED = 1.0;

    /** A phrase of the vocabulary, the area it names, and its words as matched. */
    record Entry(String code, String phrase, List<String> words) {}

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’]");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final PlainWords STANDARD = new PlainWords(read());

    private final List<Entry> entries;

    PlainWords(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static PlainWords standard() {
        return STANDARD;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The areas the text names in everyday words, in the vocabulary's order. */
    Set<String> named(String text) {
        List<String> words = words(text);
        Set<String> codes = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (Collections.indexOfSubList(words, entry.words()) >= 0) {
                codes.add(entry.code());
            }
        }
        return codes;
    }

    /** The areas' similarities to the query, those the text names outright raised to 1, as near as can be. */
    Map<String, Double> raised(Map<String, Double> similarities, String text) {
        Set<String> named = named(text);
        if (named.isEmpty()) {
            return similarities;
        }
        Map<String, Double> raised = new LinkedHashMap<>(similarities);
        named.forEach(code -> raised.put(code, NAMED));
        return raised;
    }

    /** Lower case, accents and apostrophes dropped ("won't" is "wont"), split on anything else, plural, -ing and -ed cut. */
    static List<String> words(String text) {
        String folded = APOSTROPHES
                .matcher(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                        .replaceAll(""))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(NOT_WORD.split(folded))
                .filter(w -> !w.isEmpty())
                .map(PlainWords::stem)
                .toList();
    }

    private static String stem(String word) {
        if (word.length() > 5 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 4 && word.endsWith("ed")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static List<Entry> read() {
        try (InputStream in = PlainWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String code = line.substring(0, colon).strip();
                // top-level areas are too broad to rank by (SemanticAreas leaves them out)
                if (!Taxonomy.standard().isKnown(code) || !code.contains(".")) {
                    throw new IllegalStateException(RESOURCE + ": not an area below the top level: " + code);
                }
                for (String phrase : line.substring(colon + 1).split(",")) {
                    if (words(phrase).isEmpty()) {
                        throw new IllegalStateException(RESOURCE + ": an empty phrase for " + code);
                    }
                    entries.add(new Entry(code, phrase.strip(), words(phrase)));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
