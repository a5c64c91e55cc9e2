package uk.sse.bench.eval;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Phase;
import uk.sse.directory.register.School;
import uk.sse.kernel.identity.Role;
import uk.sse.local.LocalSystem;
import uk.sse.local.demo.DemoDirectory;

/**
 * {@code ./run eval-search}: asks every query of the {@link RelevanceSet} through {@code GET /search/offers} on the local
 * stack, as an adviser of the demo area, and scores the answers against the grades: nDCG@10, recall@20 and reciprocal
 * rank for queries some offer answers, and for those none does the number of results search presents as matches (its
 * {@code strongMatches} when it says, else every result). Relevant offers are counted among those the query's filters let
 * through (the same search without its text), so a filter is never blamed for what it rightly leaves out.
 * Usage: SearchEvaluation [--check] [--verbose] [--grid] [--dump=FILE]; --check adds the held-aside third (summed up only, never query by query);
 * --verbose shows each tuning query's first ten results with their grades; --grid and --dump are for choosing settings
 * on the tuning queries (see {@link Grid}).
 */
public final class SearchEvaluation {

    static final int PAGE = 20;
    static final int NDCG_AT = 10;

    /** How one query fared. {@code presented}: results presented as matches; for a need no offer answers, the figure. */
    public record Result(
            RelevanceSet.Query query,
            List<String> ids,
            List<Integer> grades,
            int relevantThere,
            double ndcg,
            double recall,
            double reciprocalRank,
            long presented) {}

    /** Means over queries some offer answers; the worst and mean count presented for those none does. */
    public record Summary(
            String label,
            int answered,
            double ndcg,
            double recall,
            double mrr,
            int noAnswer,
            long mostPresented,
            double meanPresented) {

        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%-22s %3d queries  nDCG@10 %.3f  recall@20 %.3f  MRR %.3f | %2d no-answer: most presented %d, mean %.1f",
                    label,
                    answered,
                    ndcg,
                    recall,
                    mrr,
                    noAnswer,
                    mostPresented,
                    meanPresented);
        }
    }

    private final String baseUrl;
    private final String token;
    private final DemoDirectory demo;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Offer> offers;
    private final Map<String, List<String>> filtered = new HashMap<>();
    private final Map<String, School> schools = DemoDirectory.sampleSchools().stream()
            .filter(School::hasLocation)
            .collect(Collectors.toMap(School::urn, Function.identity()));

    public SearchEvaluation(LocalSystem stack) {
        this.baseUrl = stack.url();
        this.token = stack.token(Role.ADVISER);
        this.demo = stack.demo();
        this.json = stack.context().getBean(JsonMapper.class);
        this.offers = demo.offers().stream().collect(Collectors.toMap(Offer::id, Function.identity()));
    }

    public static void main(String[] args) throws Exception {
        Set<String> options = Set.copyOf(Arrays.asList(args));
        long started = System.nanoTime();
        int status = 0;
        try (LocalSystem stack = LocalSystem.start(new String[0], Map.of("micronaut.server.port", -1))) {
            System.out.printf(
                    "stack ready in %.1f s; %d demo offers%n",
                    (System.nanoTime() - started) / 1e9, stack.demo().offers().size());
            RelevanceSet set = RelevanceSet.standard();
            SearchEvaluation evaluation = new SearchEvaluation(stack);
            List<RelevanceSet.Part> parts = options.contains("--check")
                    ? List.of(RelevanceSet.Part.TUNE, RelevanceSet.Part.CHECK)
                    : List.of(RelevanceSet.Part.TUNE);
            if (options.stream().anyMatch(o -> o.startsWith("--dump="))) {
                Grid.dump(
                        stack,
                        evaluation,
                        set,
                        java.nio.file.Path.of(options.stream()
                                .filter(o -> o.startsWith("--dump="))
                                .findFirst()
                                .orElseThrow()
                                .substring(7)));
            }
            if (options.contains("--grid")) {
                Grid.run(stack, evaluation, set);
            } else {
                report(evaluation, set, parts, options);
            }
        } catch (Exception failed) {
            failed.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void report(
            SearchEvaluation evaluation, RelevanceSet set, List<RelevanceSet.Part> parts, Set<String> options)
            throws IOException, InterruptedException {
        {
            List<Result> results = new ArrayList<>();
            for (RelevanceSet.Query q : set.queries()) {
                if (parts.contains(q.part())) {
                    results.add(evaluation.run(q));
                }
            }
            if (options.contains("--verbose")) {
                // the held-aside queries are only ever summed up: looking at them one by one would be tuning on them
                results.stream()
                        .filter(r -> r.query().part() == RelevanceSet.Part.TUNE)
                        .forEach(r -> System.out.println(evaluation.describe(r)));
            }
            System.out.println();
            for (RelevanceSet.Part part : parts) {
                System.out.println(summary(
                                part.name().toLowerCase(Locale.ROOT) + " set",
                                results.stream()
                                        .filter(r -> r.query().part() == part)
                                        .toList())
                        .line());
            }
            if (parts.size() > 1) {
                System.out.println(summary("all", results).line());
            }
            System.out.println("\ntuning set by kind:");
            results.stream()
                    .filter(r -> r.query().part() == RelevanceSet.Part.TUNE)
                    .collect(Collectors.groupingBy(r -> r.query().kind(), java.util.TreeMap::new, Collectors.toList()))
                    .forEach((kind, rs) ->
                            System.out.println(summary("  kind " + kind, rs).line()));
        }
    }

    /** One query through the API, scored. */
    public Result run(RelevanceSet.Query q) throws IOException, InterruptedException {
        Map<String, Object> answer = search("q=" + encode(q.text()) + with(q) + "&size=" + PAGE);
        return score(q, answer);
    }

    /** A search answer, in the API's JSON shape, scored against the query's grades. */
    Result score(RelevanceSet.Query q, Map<String, Object> answer) throws IOException, InterruptedException {
        List<String> ids = hits(answer);
        List<Integer> grades = ids.stream().map(id -> grade(q, id)).toList();
        List<Integer> ideal =
                usable(q).stream().map(id -> grade(q, id)).filter(g -> g > 0).toList();
        long presented = answer.get("strongMatches") instanceof Number strong
                ? strong.longValue()
                : ((Number) answer.get("total")).longValue();
        boolean relevantToBeHad = ideal.stream().anyMatch(g -> g >= Metrics.RELEVANT);
        return new Result(
                q,
                ids,
                grades,
                ideal.size(),
                Metrics.ndcg(grades, ideal, NDCG_AT),
                relevantToBeHad ? Metrics.recall(grades, ideal, PAGE) : Double.NaN,
                relevantToBeHad ? Metrics.reciprocalRank(grades) : Double.NaN,
                presented);
    }

    public static Summary summary(String label, List<Result> results) {
        List<Result> answered =
                results.stream().filter(r -> !r.query().noAnswer()).toList();
        List<Result> none = results.stream().filter(r -> r.query().noAnswer()).toList();
        return new Summary(
                label,
                answered.size(),
                mean(answered, Result::ndcg),
                mean(answered, Result::recall),
                mean(answered, Result::reciprocalRank),
                none.size(),
                none.stream().mapToLong(Result::presented).max().orElse(0),
                none.stream().mapToLong(Result::presented).average().orElse(0));
    }

    /** The mean over the queries where the measure is defined (recall and rank need an offer graded 2 or more to be had). */
    private static double mean(List<Result> results, java.util.function.ToDoubleFunction<Result> measure) {
        return results.stream()
                .mapToDouble(measure)
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
    }

    /** A query's line and its first results with their grades and keys. */
    public String describe(Result r) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "%s %-5s %-9s %-52s nDCG %.2f  R@20 %.2f  RR %.2f  presented %d (of %d relevant)%n",
                r.query().id(),
                r.query().part().name().toLowerCase(Locale.ROOT),
                r.query().kind(),
                '"'
                        + r.query().text()
                        + '"'
                        + (r.query().with().isEmpty() ? "" : " " + r.query().with()),
                r.ndcg(),
                r.recall(),
                r.reciprocalRank(),
                r.presented(),
                r.relevantThere()));
        for (int i = 0; i < Math.min(10, r.ids().size()); i++) {
            Offer o = offers.get(r.ids().get(i));
            text.append(String.format(
                    Locale.ROOT,
                    "    %2d. [%d] %-28s %s%n",
                    i + 1,
                    r.grades().get(i),
                    o == null ? "?" : demo.keyOf(o.id()).orElse("?"),
                    o == null ? r.ids().get(i) : o.content().title()));
        }
        return text.toString();
    }

    Offer offer(String id) {
        return offers.get(id);
    }

    String keyOf(String id) {
        return demo.keyOf(id).orElse("?");
    }

    /** The grades (above 0) of every offer the adviser could use for the query. */
    List<Integer> idealGrades(RelevanceSet.Query q) throws IOException, InterruptedException {
        return usable(q).stream().map(id -> grade(q, id)).filter(g -> g > 0).toList();
    }

    int grade(RelevanceSet.Query q, String id) {
        Offer offer = offers.get(id);
        if (offer == null) {
            return 0;
        }
        Set<Phase> phases = offer.content().phases().isEmpty()
                ? Set.of()
                : EnumSet.copyOf(offer.content().phases());
        return demo.keyOf(id).map(key -> q.grade(key, phases)).orElse(0);
    }

    /**
     * The offers the adviser could use: those the query's filters let through (the same search without text), and near a
     * school only those that can be delivered there: remotely, or by a provider within the search's radius and its own
     * travel radius. That last is this evaluation's own reading of "near", not the search's, so that the search is judged
     * by what the adviser could have, not by what it chose to leave out.
     */
    private List<String> usable(RelevanceSet.Query q) throws IOException, InterruptedException {
        Map<String, String> with = parameters(q.with());
        String urn = with.remove("near");
        String radius = with.remove("radiusKm");
        List<String> passing = passingFilters(with.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")));
        if (urn == null) {
            return passing;
        }
        School school = schools.get(urn);
        double radiusKm = radius == null ? 25 : Double.parseDouble(radius);
        return passing.stream()
                .filter(id -> reachable(offers.get(id), school, radiusKm))
                .toList();
    }

    static boolean reachable(Offer offer, School school, double radiusKm) {
        if (offer.content().deliveryModes().contains(DeliveryMode.REMOTE)) {
            return true;
        }
        GeoPoint at = offer.content().location();
        if (at == null) {
            return false;
        }
        double km = kilometres(at.lat(), at.lon(), school.latitude(), school.longitude());
        Integer travel = offer.content().travelRadiusKm();
        return km <= radiusKm && (travel == null || km <= travel);
    }

    /** Great-circle distance (haversine), as OpenSearch's arc distance. */
    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6_371.0088 * 2 * Math.asin(Math.sqrt(a));
    }

    static Map<String, String> parameters(String with) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : with.isEmpty() ? new String[0] : with.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return parameters;
    }

    /** Every offer the filters let through: the search without text, page by page. */
    private List<String> passingFilters(String with) throws IOException, InterruptedException {
        List<String> known = filtered.get(with);
        if (known != null) {
            return known;
        }
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, Object> answer = search("size=50&page=" + page + (with.isEmpty() ? "" : "&" + with));
            List<String> more = hits(answer);
            ids.addAll(more);
            if (more.isEmpty() || ids.size() >= ((Number) answer.get("total")).longValue()) {
                break;
            }
        }
        filtered.put(with, List.copyOf(ids));
        return ids;
    }

    private Map<String, Object> search(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/search/offers?" + query))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET /search/offers?" + query + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<String> hits(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("hits"))
                .stream().map(h -> (String) h.get("id")).toList();
    }

    private static String with(RelevanceSet.Query q) {
        return q.with().isEmpty() ? "" : "&" + q.with();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The summaries by set, as a table row each, for docs/performance.md. */
    public static Map<String, Summary> byPart(List<Result> results) {
        Map<String, Summary> rows = new LinkedHashMap<>();
        for (RelevanceSet.Part part : RelevanceSet.Part.values()) {
            rows.put(
                    part.name(),
                    summary(
                            part.name(),
                            results.stream()
                                    .filter(r -> r.query().part() == part)
                                    .toList()));
        }
        return rows;
    }
}
