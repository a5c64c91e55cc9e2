package uk.sse.directory.search;

import java.time.YearMonth;
import java.util.Set;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.ProviderType;

/**
 * An adviser's search, already checked: known taxonomy codes, a resolved point, a page within reach.
 *
 * @param text         the words to match, or null for "everything that passes the filters"
 * @param typed        every word typed, phase words included, for the embedding model; null without text
 * @param phaseHints   phases to prefer: those the text names, or those of the school it is near
 * @param point        the place distances are measured from, or null
 * @param radiusKm     how far from {@code point} support may come in person; ignored without a point
 * @param inPersonOnly near a point, leave out support given remotely
 */
public record OfferQuery(
        String text,
        String typed,
        Set<Phase> phaseHints,
        Set<String> areas,
        Set<Phase> phases,
        Set<DeliveryMode> modes,
        Set<ProviderType> providerTypes,
        Set<Designation> designations,
        Integer maxPrice,
        YearMonth availableIn,
        GeoPoint point,
        int radiusKm,
        boolean inPersonOnly,
        Sort sort,
        int page,
        int size) {

    public static final int DEFAULT_RADIUS_KM = 25;
    /** OpenSearch's index.max_result_window: from + size may not pass it. */
    public static final int DEEPEST_RESULT = 10_000;

    public enum Sort {
        RELEVANCE,
        DISTANCE,
        PRICE
    }

    public int from() {
        return (page - 1) * size;
    }
}
