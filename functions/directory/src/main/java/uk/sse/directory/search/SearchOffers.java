package uk.sse.directory.search;

import jakarta.inject.Singleton;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.register.School;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.taxonomy.Taxonomy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Finds the approved, in-date offers that fit an adviser's need, nearest and best first. */
@Singleton
public class SearchOffers {

    private final SearchEngine engine;
    private final SearchSettings settings;
    private final SchoolStore schools;
    private final Clock clock;

    public SearchOffers(SearchEngine engine, SearchSettings settings, SchoolStore schools, Clock clock) {
        this.engine = engine;
        this.settings = settings;
        this.schools = schools;
        this.clock = clock;
    }

    public Outcome<OfferResults> search(OfferSearchParameters p) {
        return check(p).map(query -> OfferResults.from(
                engine.search(settings.offersIndex(), OfferQueries.body(query, LocalDate.now(clock))), query));
    }

    Outcome<OfferQuery> check(OfferSearchParameters p) {
        List<String> unknown = p.area() == null ? List.of() : p.area().stream().filter(code -> !Taxonomy.standard().isKnown(code)).toList();
        if (!unknown.isEmpty()) {
            return Outcome.invalid("area", "is not a taxonomy code: " + String.join(", ", unknown));
        }
        if ((long) p.page() * p.size() > OfferQuery.DEEPEST_RESULT) { // long: a huge page would overflow int and pass
            return Outcome.invalid("page", "reaches past result " + OfferQuery.DEEPEST_RESULT + ": narrow the search instead");
        }
        YearMonth month = null;
        if (p.availableIn() != null) {
            try {
                month = YearMonth.parse(p.availableIn());
            } catch (DateTimeParseException e) {
                return Outcome.invalid("availableIn", "must be a month as yyyy-MM");
            }
        }
        OfferQuery.Sort sort = OfferQuery.Sort.valueOf(p.sort().toUpperCase(Locale.ROOT));
        YearMonth availableIn = month;
        return point(p).flatMap(point -> {
            if (point.isEmpty() && sort == OfferQuery.Sort.DISTANCE) {
                return Outcome.invalid("sort", "sorting by distance needs near or lat and lon");
            }
            if (point.isEmpty() && p.radiusKm() != null) {
                return Outcome.invalid("radiusKm", "needs near or lat and lon");
            }
            String text = p.q() == null ? null : OfferQueries.words(p.q());
            if (text == null && p.q() != null && !p.q().isBlank()) {
                // "*", "*:*", "/.*/": typed text with no words is not a search for everything
                return Outcome.invalid("q", "has no words to search for");
            }
            return Outcome.done(new OfferQuery(text, set(p.area()), set(p.phase()), set(p.mode()), set(p.providerType()),
                    set(p.designation()), p.maxPrice(), availableIn, point.orElse(null),
                    p.radiusKm() == null ? OfferQuery.DEFAULT_RADIUS_KM : p.radiusKm(), sort, p.page(), p.size()));
        });
    }

    /** The school's place, or the point given, or none. */
    private Outcome<Optional<GeoPoint>> point(OfferSearchParameters p) {
        if (p.near() != null && (p.lat() != null || p.lon() != null)) {
            return Outcome.invalid("near", "give near or lat and lon, not both");
        }
        if (p.near() != null) {
            Optional<School> school = schools.find(p.near());
            if (school.isEmpty()) {
                return Outcome.invalid("near", "no school in the register has URN " + p.near());
            }
            if (!school.get().hasLocation()) {
                return Outcome.invalid("near", "the register has no location for URN " + p.near() + ": give lat and lon");
            }
            return Outcome.done(Optional.of(new GeoPoint(school.get().latitude(), school.get().longitude())));
        }
        if ((p.lat() == null) != (p.lon() == null)) {
            return Outcome.invalid(p.lat() == null ? "lat" : "lon", "lat and lon go together");
        }
        return Outcome.done(p.lat() == null ? Optional.empty() : Optional.of(new GeoPoint(p.lat(), p.lon())));
    }

    private static <T> Set<T> set(List<T> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
