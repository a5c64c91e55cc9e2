package uk.sse.kernel.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The field's vocabulary ({@value #RESOURCE}): the offers index's search-time synonyms, and the spelled-out meanings of
 * the acronyms in a query, which a sentence-embedding model reads better than the acronyms themselves.
 *
 * @param rules in the file's order
 */
public record SearchSynonyms(List<Rule> rules) {

    static final String RESOURCE = "synonyms.txt";
    /** A matched term this short (or with a digit) is taken as an acronym whose spelled-out forms are worth adding. */
    static final int ACRONYM_LENGTH = 6;

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("['’]s\\b");
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern DIGIT = java.util.regex.Pattern.compile(".*\\d.*");
    /** The words of the rules' terms, made once: every text search asks for them (docs/performance.md, bench-search). */
    private static final java.util.Map<String, List<String>> TERM_WORDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final SearchSynonyms STANDARD = read();

    /**
     * One line of the file. {@code from} finds {@code to}; in an equivalence ({@code oneWay} false) they are the same terms.
     */
    public record Rule(String line, List<String> from, List<String> to, boolean oneWay) {}

    public static SearchSynonyms standard() {
        return STANDARD;
    }

    /** The rules as OpenSearch's synonym_graph filter takes them. */
    public List<String> filterRules() {
        return rules.stream().map(Rule::line).toList();
    }

    /**
     * The text and, in brackets, the spelled-out forms of the acronyms in it ("SALT" adds "speech language and
     * communication needs, speech and language therapy, ..."); the text alone if it has none.
     */
    public String withMeanings(String text) {
        List<String> words = words(text);
        Set<String> added = new LinkedHashSet<>();
        for (Rule rule : rules) {
            for (String term : rule.from()) {
                List<String> termWords = termWords(term);
                boolean acronym = termWords.size() == 1
                        && (term.length() <= ACRONYM_LENGTH
                                || DIGIT.matcher(term).matches());
                if (acronym && Collections.indexOfSubList(words, termWords) >= 0) {
                    rule.to().stream()
                            .filter(t -> termWords(t).size() > 1 && Collections.indexOfSubList(words, termWords(t)) < 0)
                            .forEach(added::add);
                }
            }
        }
        return added.isEmpty() ? text : text + " (" + String.join(", ", added) + ")";
    }

    /** Lower case, accents folded, possessives dropped, split on anything but letters and digits: as the analysers see words. */
    static List<String> words(String text) {
        String folded = POSSESSIVE
                .matcher(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                        .replaceAll("")
                        .toLowerCase(Locale.ROOT))
                .replaceAll("");
        return Arrays.stream(NOT_WORD.split(folded)).filter(w -> !w.isEmpty()).toList();
    }

    /** {@link #words} of a rule's term, kept: the terms are the file's, a few hundred. */
    private static List<String> termWords(String term) {
        return TERM_WORDS.computeIfAbsent(term, SearchSynonyms::words);
    }

    private static SearchSynonyms read() {
        try (InputStream in = SearchSynonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kernel");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SearchSynonyms parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.matches("[a-z0-9 ,'=>-]+")) {
                throw new IllegalStateException(
                        RESOURCE + ": only lower-case letters, digits, spaces, commas, hyphens and => in: " + line);
            }
            String[] sides = line.split("=>");
            if (sides.length > 2) {
                throw new IllegalStateException(RESOURCE + ": more than one => in: " + line);
            }
            List<String> from = terms(sides[0], line);
            List<String> to = sides.length == 2 ? terms(sides[1], line) : from;
            if (from.size() + (sides.length == 2 ? 1 : 0) < 2) {
                throw new IllegalStateException(RESOURCE + ": a rule needs two terms: " + line);
            }
            rules.add(new Rule(line, from, to, sides.length == 2));
        }
        return new SearchSynonyms(List.copyOf(rules));
    }

    private static List<String> terms(String side, String line) {
        List<String> terms = Arrays.stream(side.split(",")).map(String::strip).toList();
        if (terms.stream().anyMatch(String::isEmpty)
                || terms.stream().distinct().count() != terms.size()) {
            throw new IllegalStateException(RESOURCE + ": an empty or repeated term in: " + line);
        }
        return terms;
    }
}
