package uk.sse.kernel.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The search indices every function agrees on. Readers and writers use the aliases; the concrete indices
 * behind them ({@code offers-<suffix>}) are made from the settings and mappings kept beside this class.
 */
public enum SearchIndices {
    OFFERS("offers"),
    SCHOOLS("schools");

    private final String alias;

    SearchIndices(String alias) {
        this.alias = alias;
    }

    /** The name readers and writers use. */
    public String alias() {
        return alias;
    }

    /** A concrete index name for this alias. */
    public String indexNamed(String suffix) {
        return alias + "-" + suffix;
    }

    /**
     * The index's settings and mappings, as the JSON body of a create-index request; a synonym list of
     * {@code ["@synonyms.txt"]} is the field's vocabulary ({@link SearchSynonyms}).
     */
    public String definition() {
        try (InputStream in = SearchIndices.class.getResourceAsStream(alias + "-index.json")) {
            if (in == null) {
                throw new IllegalStateException(alias + "-index.json is missing from the kernel");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(
                            "[\"@synonyms.txt\"]",
                            SearchSynonyms.standard().filterRules().stream()
                                    .map(rule -> '"' + rule + '"')
                                    .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
