package uk.sse.reporting.model;

import java.util.List;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

/**
 * Areas of support as reports group them: a request's code is its detailed area, the top of its lineage in the kernel's
 * taxonomy its top-level area. A code the taxonomy does not know (retired, or from a newer publisher) keeps its first
 * segment as its top level, so its days are still counted somewhere sensible.
 */
public final class AreasOfSupport {

    private static final Taxonomy TAXONOMY = Taxonomy.standard();

    private AreasOfSupport() {}

    public static String topOf(String code) {
        List<String> lineage = TAXONOMY.lineage(code);
        if (!lineage.isEmpty()) {
            return lineage.get(0);
        }
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    /** The taxonomy's label for the code, or null for a code it does not know. */
    public static String labelOf(String code) {
        return code == null ? null : TAXONOMY.find(code).map(Term::label).orElse(null);
    }
}
