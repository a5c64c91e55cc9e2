package uk.sse.kernel.search;

import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

import java.util.List;
import java.util.Map;

/**
 * The words of an offer that its sentence embedding is made from (the {@code embedding} field of the offers index): the
 * labels of its areas of support, then its title and description, as the provider wrote them. The labels first say what
 * the support is about in the taxonomy's words, however the provider put it (chosen on the relevance set:
 * docs/decisions/0052). Here so that whatever writes offer documents agrees on it.
 */
public final class OfferEmbeddingText {

    /** Names this way of making the text: stored with the model's name, so that changing either embeds offers again. */
    public static final String FORM = "areas-title-description";

    private OfferEmbeddingText() { }

    public static String of(List<String> areasOfSupport, String title, String description) {
        List<String> labels = areasOfSupport == null ? List.of()
                : areasOfSupport.stream().map(code -> Taxonomy.standard().find(code).map(Term::label).orElse(code)).toList();
        return (labels.isEmpty() ? "" : String.join(", ", labels) + ": ")
                + (title == null ? "" : title) + ". " + (description == null ? "" : description);
    }

    /** From an offers-index document. */
    @SuppressWarnings("unchecked")
    public static String of(Map<String, Object> document) {
        return of(document.get("areasOfSupport") instanceof List<?> areas ? (List<String>) areas : List.of(),
                (String) document.get("title"), (String) document.get("description"));
    }
}
