package uk.sse.kernel.search;

import java.util.Map;

/**
 * The words of an offer that its sentence embedding is made from (the {@code embedding} field of the offers index):
 * its title and description, as the provider wrote them. Here so that whatever writes offer documents agrees on it.
 */
public final class OfferEmbeddingText {

    private OfferEmbeddingText() {}

    public static String of(String title, String description) {
        return (title == null ? "" : title) + ". " + (description == null ? "" : description);
    }

    /** From an offers-index document. */
    public static String of(Map<String, Object> document) {
        return of((String) document.get("title"), (String) document.get("description"));
    }
}
