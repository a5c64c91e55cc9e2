package uk.sse.directory.search;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolStatus;

/**
 * The school being visited, found as a person names it: by URN, by the start of its postcode, or by its name as spoken
 * or typed ("st bedes", "saint bede's", "St. Bede's RC", a letter or two wrong, "primary" left out, words half typed).
 * The index's analysers make the forms of a name one form (apostrophes go; saint is st; C of E, CE and Church of
 * England are one word, as are RC and Roman Catholic) and keep a second copy without the words many names share
 * ("school", "primary", "st", "catholic"...). A name matches when every distinctive word typed is near one of its own
 * (one or two letters apart), or every word typed is in it (near enough), or every word typed begins one of its words.
 * With a place given, the nearest come first. Open schools only, unless closed ones are asked for; a URN finds its
 * school whatever its status, unless one is asked for (decision 0087).
 */
@Singleton
public class SearchSchools {

    private static final int MAX_WORDS = 10;
    /** A postcode or its start: "FY8", "FY8 4", "fy84jl", "N1 2UT". */
    private static final Pattern POSTCODE = Pattern.compile("[a-z]{1,2}[0-9][a-z0-9]?(\\s*[0-9][a-z]{0,2})?");

    private static final Pattern OUTWARD = Pattern.compile("[a-z]{1,2}[0-9][a-z0-9]?");
    private static final Pattern FULL_WITHOUT_SPACE = Pattern.compile("([a-z]{1,2}[0-9][a-z0-9]?)([0-9][a-z]{2})");

    private final SearchEngine engine;
    private final SearchSettings settings;

    public SearchSchools(SearchEngine engine, SearchSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** A closed school's {@code status} in the index (an open one's is {@code open}). */
    static final String CLOSED_DOC = "closed";

    public List<SchoolHit> search(String q, String laCode, int limit) {
        return search(q, laCode, null, null, limit);
    }

    /**
     * Schools matching {@code q}, in one LA if given, nearest to {@code near} first if given, of {@code status} (null:
     * open ones, or any for a URN).
     */
    public List<SchoolHit> search(String q, String laCode, GeoPoint near, SchoolStatus status, int limit) {
        String text = Arrays.stream(q.strip().split("\\s+")).limit(MAX_WORDS).collect(Collectors.joining(" "));
        if (text.isEmpty()) {
            return List.of();
        }
        List<Object> filters = new ArrayList<>();
        if (laCode != null) {
            filters.add(Map.of("term", Map.of("laCode", laCode)));
        }
        boolean byUrn = School.isUrn(text);
        statusFilter(SchoolStatus.listed(status, byUrn)).ifPresent(filters::add);
        Map<String, Object> query;
        if (byUrn) {
            query = Map.of("bool", Map.of("must", Map.of("term", Map.of("urn", text)), "filter", filters));
        } else {
            List<Object> ways = new ArrayList<>(List.of(
                    match("name.distinctive", text, true, Map.of("zero_terms_query", "none")),
                    match("name", text, true, Map.of()),
                    everyWordBegins(text),
                    // ranking only: the words as typed, in order
                    Map.of("match_phrase", Map.of("name", Map.of("query", text, "slop", 2, "boost", 4))),
                    match("name", text, false, Map.of("boost", 2))));
            postcodePrefix(text)
                    .ifPresent(prefix ->
                            ways.add(Map.of("prefix", Map.of("postcode", Map.of("value", prefix, "boost", 5)))));
            query = Map.of("bool", Map.of("should", ways, "minimum_should_match", 1, "filter", filters));
        }
        List<Object> sort = new ArrayList<>();
        if (near != null) {
            sort.add(Map.of(
                    "_geo_distance",
                    Map.of("location", Map.of("lat", near.lat(), "lon", near.lon()), "order", "asc", "unit", "km")));
        }
        sort.addAll(List.of("_score", Map.of("name.raw", "asc"), Map.of("urn", "asc")));
        Map<String, Object> body = Map.of("size", limit, "query", query, "sort", sort);
        return engine.search(settings.schoolsIndex(), body).hits().stream()
                .map(SchoolHit::from)
                .toList();
    }

    /** A school without a status (indexed before it had one) counts as open. */
    private static Optional<Object> statusFilter(SchoolStatus status) {
        return switch (status) {
            case OPEN -> Optional.of(Map.of("bool", Map.of("must_not", Map.of("term", Map.of("status", CLOSED_DOC)))));
            case CLOSED -> Optional.of(Map.of("term", Map.of("status", CLOSED_DOC)));
            case ALL -> Optional.empty();
        };
    }

    /** Every word typed begins a word of the name, in any order ("canon prim"); each word is analysed as names are. */
    private static Map<String, Object> everyWordBegins(String text) {
        List<Object> words = Arrays.stream(text.split("\\s+"))
                .map(word -> (Object)
                        Map.of("match_phrase_prefix", Map.of("name", Map.of("query", word, "max_expansions", 50))))
                .toList();
        return Map.of("bool", Map.of("must", words));
    }

    /** Every word must match; with {@code fuzzy}, each may be a letter or two out (none for words of one or two letters). */
    private static Map<String, Object> match(String field, String text, boolean fuzzy, Map<String, Object> more) {
        Map<String, Object> options = new LinkedHashMap<>(Map.of("query", text, "operator", "and"));
        if (fuzzy) {
            options.putAll(Map.of("fuzziness", "AUTO", "prefix_length", 1, "max_expansions", 20));
        }
        options.putAll(more);
        return Map.of("match", Map.of(field, options));
    }

    /** The text as the start of a postcode ("n1" is "n1 " so that it does not find N19), if it can be one. */
    static Optional<String> postcodePrefix(String text) {
        String t = text.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        if (!POSTCODE.matcher(t).matches()) {
            return Optional.empty();
        }
        if (OUTWARD.matcher(t).matches()) {
            var full = FULL_WITHOUT_SPACE.matcher(t);
            return Optional.of(full.matches() ? full.group(1) + " " + full.group(2) : t + " ");
        }
        var full = FULL_WITHOUT_SPACE.matcher(t.replace(" ", ""));
        return Optional.of(full.matches() ? full.group(1) + " " + full.group(2) : t);
    }
}
