package uk.sse.web.visit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import uk.sse.kernel.http.AcceptsAnyParameters;
import uk.sse.kernel.schools.OfferPhases;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Brokerage;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.AreaChoices;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.ProblemMessages;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.pages.PostcodeAttribution;
import uk.sse.web.session.Person;

/**
 * The adviser on a school visit: find the school (by name as spoken, URN or postcode), see it, and find assured
 * support near it. Raising the request is {@link RaiseController}.
 */
@Controller("/visit")
@WebPages
public class VisitController {

    static final String OFFER_ID = "[A-Za-z0-9_-]{1,64}";
    private static final int PAGE_SIZE = 10;
    private static final List<String> RADII = List.of("5", "10", "25", "50", "100");
    private static final Map<String, String> SORTS =
            Map.of("relevance", "Best match", "distance", "Nearest", "price", "Lowest price");
    private static final Map<String, ProblemMessages.Field> SEARCH_FIELDS = Map.of(
            "q",
            new ProblemMessages.Field("q", "What support"),
            "maxPrice",
            new ProblemMessages.Field("maxPrice", "Highest price"),
            "radiusKm",
            new ProblemMessages.Field("radiusKm", "Distance"),
            "area",
            new ProblemMessages.Field("area", "Area of support"),
            "phase",
            new ProblemMessages.Field("phase", "Phase"),
            "mode",
            new ProblemMessages.Field("mode", "How it is delivered"),
            "sort",
            new ProblemMessages.Field("sort", "Order"),
            "page",
            new ProblemMessages.Field("q", "Page"),
            "inPersonOnly",
            new ProblemMessages.Field("inPersonOnly", "In person only"));

    private final Pages pages;
    private final Api api;
    private final Schools schools;
    private final Liked liked;
    private final PostcodeAttribution attribution;

    public VisitController(Pages pages, Api api, Schools schools, Liked liked, PostcodeAttribution attribution) {
        this.pages = pages;
        this.api = api;
        this.schools = schools;
        this.liked = liked;
        this.attribution = attribution;
    }

    /** "Which school are you visiting?", and without JavaScript the schools found for what was typed. */
    @Get
    public HttpResponse<?> find(HttpRequest<?> request, Person person, @Nullable @QueryValue String q) {
        if (q == null) {
            return pages.ok(
                    request,
                    "visit/find",
                    "Which school are you visiting?",
                    new VisitPages.FindSchool("", false, List.of(), Errors.none(), List.of()));
        }
        String typed = q.strip();
        if (typed.isEmpty()) {
            return pages.invalid(
                    request,
                    "visit/find",
                    "Which school are you visiting?",
                    new VisitPages.FindSchool(
                            typed,
                            false,
                            List.of(),
                            Errors.none().add("q", "Enter the school's name, its URN or its postcode"),
                            List.of()));
        }
        CompletableFuture<List<String>> credited = attribution.lines(person);
        ApiReply reply = found(person, typed, 20);
        if (reply.refused()) {
            return pages.invalid(
                    request,
                    "visit/find",
                    "Which school are you visiting?",
                    new VisitPages.FindSchool(
                            typed,
                            false,
                            List.of(),
                            ProblemMessages.of(
                                    reply.problem(),
                                    Map.of("q", new ProblemMessages.Field("q", "The school's name, URN or postcode")),
                                    "Enter the school's name, its URN or its postcode"),
                            List.of()));
        }
        List<Directory.SchoolHit> found = reply.as(Argument.listOf(Directory.SchoolHit.class));
        return pages.ok(
                request,
                "visit/find",
                "Which school are you visiting?",
                new VisitPages.FindSchool(typed, true, found, Errors.none(), credited.join()));
    }

    /** Suggestions while typing, for the autocomplete: name, place, and the school's page. */
    @Get("/schools")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> suggest(Person person, @Nullable @QueryValue String q) {
        String typed = q == null ? "" : q.strip();
        List<Map<String, String>> suggestions = List.of();
        if (typed.length() >= 2 && typed.length() <= 100) {
            ApiReply reply = found(person, typed, 10);
            if (reply.ok()) {
                suggestions = reply.as(Argument.listOf(Directory.SchoolHit.class)).stream()
                        .map(s -> Map.of(
                                "urn",
                                s.urn(),
                                "name",
                                s.name(),
                                "place",
                                s.closed() ? "Closed" + (s.place().isEmpty() ? "" : ", " + s.place()) : s.place(),
                                "href",
                                "/visit/" + s.urn()))
                        .toList();
            }
        }
        return HttpResponse.ok(suggestions).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * Schools for what was typed: an adviser visits the schools of their own LA, so those are looked for first; if none
     * of them match, schools anywhere.
     */
    private ApiReply found(Person person, String q, int limit) {
        if (person.area() != null && person.area().matches("[0-9]{3}")) {
            ApiReply local = api.get(
                    person,
                    Paths.of("/schools/search")
                            .query("q", q)
                            .query("la", person.area())
                            .query("limit", limit)
                            .toString());
            if (!local.ok()
                    || !local.as(Argument.listOf(Directory.SchoolHit.class)).isEmpty()) {
                return local;
            }
        }
        return api.get(
                person,
                Paths.of("/schools/search").query("q", q).query("limit", limit).toString());
    }

    /** The school: what it is, its credits (advisers of its area may see them), its open requests. */
    @Get("/{urn}")
    public HttpResponse<?> school(HttpRequest<?> request, Person person, @PathVariable String urn) {
        Directory.School school = schools.school(person, urn);
        CompletableFuture<ApiReply> account = schools.account(person, urn);
        CompletableFuture<ApiReply> requests = api.getAsync(
                person,
                Paths.of("/requests")
                        .query("urn", urn)
                        .query("limit", 20)
                        .query("status", List.of("OPEN", "PROPOSED", "ACCEPTED", "AGREED", "IN_DELIVERY", "COMPLETED"))
                        .toString());
        ApiReply listed = Api.join(requests);
        List<VisitPages.RequestRow> open = listed.ok()
                ? listed.as(Brokerage.RequestPage.class).items().stream()
                        .map(r -> new VisitPages.RequestRow(
                                "/support-requests/" + Paths.encode(r.id()),
                                r.need(),
                                Labels.areas(r.areasOfSupport()),
                                Labels.requestStatus(r.status()),
                                Labels.day(r.raisedAt())))
                        .toList()
                : List.of();
        return pages.ok(
                request,
                "visit/school",
                school.name(),
                new VisitPages.SchoolPage(
                        school,
                        school.phase() == null ? "" : school.phase(),
                        schools.credits(person, Api.join(account)),
                        open,
                        listed.ok(),
                        person.isAdviser()));
    }

    /**
     * Assured support near the school (or near a postcode the adviser gives instead): words, area of support, phase (the
     * school's to start with), delivery, distance, price. Offers that meet the words come first; weaker ones are shown
     * after them as related at best, and when none meets the words the page says so and offers to raise a request.
     */
    @Get("/{urn}/support")
    @AcceptsAnyParameters // its filters are read from the query as a whole (repeated phases and modes among them)
    public HttpResponse<?> support(HttpRequest<?> request, Person person, @PathVariable String urn) {
        Directory.School school = schools.school(person, urn);
        var query = request.getParameters();
        boolean filtered = query.contains("filtered");
        String q = query.getFirst("q").orElse("").strip();
        String area = query.getFirst("area").orElse("");
        List<String> phases =
                filtered ? query.getAll("phase") : optional(OfferPhases.ofSchool(school.phase(), school.type()));
        List<String> modes = query.getAll("mode");
        String radius = query.getFirst("radiusKm").filter(r -> !r.isBlank()).orElse("25");
        String postcode = query.getFirst("postcode").orElse("").strip();
        boolean inPersonOnly = query.getAll("inPersonOnly").contains("true");
        String maxPrice = query.getFirst("maxPrice").orElse("").strip();
        String sort = query.getFirst("sort").filter(s -> !s.isBlank()).orElse("relevance");
        String page = query.getFirst("page").orElse("1");
        Paths search = Paths.of("/search/offers")
                .query("q", q)
                .query("area", area)
                .query("phase", phases)
                .query("mode", modes)
                .query("maxPrice", maxPrice)
                .query("sort", sort)
                .query("page", page)
                .query("size", PAGE_SIZE);
        boolean placed = !postcode.isEmpty() || school.located();
        if (!postcode.isEmpty()) {
            search.query("postcode", postcode);
        } else if (school.located()) {
            search.query("near", urn);
        }
        if (placed) {
            search.query("radiusKm", radius).query("inPersonOnly", inPersonOnly ? "true" : "");
        }
        CompletableFuture<List<String>> credited = attribution.lines(person);
        ApiReply reply = api.get(person, search.toString());
        Errors errors = reply.refused() ? searchErrors(reply, postcode) : Errors.none();
        Directory.OfferResults results =
                reply.refused() ? Directory.OfferResults.none(PAGE_SIZE) : reply.as(Directory.OfferResults.class);
        Map<String, Long> areaCounts = counts(results, "areasOfSupport");
        Map<String, Long> phaseCounts = counts(results, "phases");
        Map<String, Long> modeCounts = counts(results, "deliveryModes");
        String base = "/visit/" + urn + "/support";
        List<String> likedHere = liked.of(request, urn);
        String here = searchQuery(q, area, phases, modes, radius, postcode, inPersonOnly, maxPrice, sort);
        List<VisitPages.Result> rows = results.hits().stream()
                .map(h -> new VisitPages.Result(
                        base + "/" + Paths.encode(h.id()) + "?search=" + Paths.encode(here + "&page=" + results.page()),
                        h.title(),
                        h.providerName(),
                        Labels.providerType(h.providerType()),
                        Labels.distance(h.distanceKm()),
                        h.priceCredits() == null ? "" : Labels.credits(h.priceCredits()),
                        h.designations() == null
                                ? List.of()
                                : h.designations().stream()
                                        .map(Labels::designation)
                                        .toList(),
                        Labels.day(h.reviewDate()),
                        Labels.areas(h.areasOfSupport()),
                        Labels.deliveryModes(h.deliveryModes()),
                        urn.equals(h.providerId()),
                        likedHere.contains(h.id()),
                        Boolean.TRUE.equals(h.remote())))
                .toList();
        List<Boolean> strong =
                results.hits().stream().map(Directory.OfferHit::strong).toList();
        List<VisitPages.Result> matches = new ArrayList<>();
        List<VisitPages.Result> related = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (strong.get(i) ? matches : related).add(rows.get(i));
        }
        boolean noGoodMatch = !q.isEmpty() && !reply.refused() && Boolean.TRUE.equals(results.noGoodMatch());
        int pageCount = (int) Math.min(100, (results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = results.page();
        List<VisitPages.PageLink> links = pageLinks(base + "?" + here, current, pageCount);
        String raise = Paths.of("/visit/" + urn + "/request")
                .query("area", area)
                .query("need", noGoodMatch ? q : "")
                .toString();
        var model = new VisitPages.SupportSearch(
                school,
                q,
                area,
                AreaChoices.grouped("All of %s", List.of(area), areaCounts),
                options(Labels.PHASES, phases, phaseCounts),
                options(Labels.DELIVERY_MODES, modes, modeCounts),
                RADII.stream()
                        .map(r -> new Choice(r, "Within " + r + " km", r.equals(radius)))
                        .toList(),
                postcode,
                List.of(new Choice(
                        "true",
                        "In person only",
                        "Leave out support given remotely (video calls, online courses), which is shown without a distance",
                        inPersonOnly)),
                maxPrice,
                SORTS.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e ->
                                new Choice(e.getKey(), e.getValue(), e.getKey().equals(sort)))
                        .toList(),
                resultsHeading(q, results, noGoodMatch),
                noGoodMatch,
                matches,
                related,
                current > 1 ? base + "?" + here + "&page=" + (current - 1) : null,
                current < pageCount ? base + "?" + here + "&page=" + (current + 1) : null,
                links,
                errors,
                raise,
                credited.join());
        String title = "Support near " + school.name();
        return errors.any()
                ? pages.invalid(request, "visit/support", title, model)
                : pages.ok(request, "visit/support", title, model);
    }

    /** "12 offers of assured support" without words; with words, how many meet them, or that none does. */
    static String resultsHeading(String q, Directory.OfferResults results, boolean noGoodMatch) {
        if (q.isEmpty() || results.strongMatches() == null) {
            return results.total() == 1 ? "1 offer of assured support" : results.total() + " offers of assured support";
        }
        if (noGoodMatch || results.strongMatches() == 0) {
            return "No good match for \u201C" + q + "\u201D";
        }
        return results.strongMatches() == 1
                ? "1 offer matches \u201C" + q + "\u201D"
                : results.strongMatches() + " offers match \u201C" + q + "\u201D";
    }

    /** The search's refusal on its fields; a postcode the directory cannot place is said in the adviser's words. */
    private static Errors searchErrors(ApiReply reply, String postcode) {
        boolean badPostcode = reply.problem().errors() != null
                && reply.problem().errors().stream().anyMatch(e -> "postcode".equals(ProblemMessages.key(e.field())));
        if (badPostcode) {
            return Errors.none()
                    .add(
                            "postcode",
                            postcode.matches("(?i)\\s*[a-z]{1,2}[0-9][a-z0-9]?\\s*[0-9][a-z]{2}\\s*")
                                    ? "We could not find the postcode " + postcode.toUpperCase(java.util.Locale.ROOT)
                                            + ": check it, or leave it empty to search near the school"
                                    : "Enter a full postcode, like FY8 4JL");
        }
        return ProblemMessages.of(reply.problem(), SEARCH_FIELDS, "Check the filters and search again");
    }

    /** An offer, as an adviser sees it on a visit: who provides it, what it covers, how, when and for how much. */
    @Get("/{urn}/support/{offerId}")
    public HttpResponse<?> offer(
            HttpRequest<?> request,
            Person person,
            @PathVariable String urn,
            @PathVariable String offerId,
            @Nullable @QueryValue String search) {
        if (!offerId.matches(OFFER_ID)) {
            throw new PageNotFound("offer " + offerId);
        }
        CompletableFuture<ApiReply> offerCall =
                api.getAsync(person, Paths.of("/offers/", offerId).toString());
        Directory.School school = schools.school(person, urn);
        VisitPages.OfferPage page = offerPage(request, school, offerCall, search, Errors.none());
        return pages.ok(request, "visit/offer", page.offer().content().title(), page);
    }

    /**
     * Likes the offer for this visit's request, or stops liking it; back to the offer. A closed school has no request
     * to add to (decision 0087): the offer's page again, saying so, and the liked offers left as they were.
     */
    @Post("/{urn}/support/{offerId}/like")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> like(
            HttpRequest<?> request,
            Person person,
            @PathVariable String urn,
            @PathVariable String offerId,
            @Body Map<String, Object> body) {
        if (!urn.matches(Schools.URN) || !offerId.matches(OFFER_ID)) {
            throw new PageNotFound("offer " + offerId);
        }
        var form = uk.sse.web.forms.Form.ofBody(body);
        String search = form.text("search");
        Directory.School school = schools.school(person, urn);
        if (!school.open()) {
            CompletableFuture<ApiReply> offerCall =
                    api.getAsync(person, Paths.of("/offers/", offerId).toString());
            Errors closed = Errors.none()
                    .add("closed", school.name() + " has closed, so this offer cannot be added to a request for it");
            VisitPages.OfferPage page = offerPage(request, school, offerCall, search, closed);
            return pages.invalid(request, "visit/offer", page.offer().content().title(), page);
        }
        return HttpResponse.seeOther(URI.create("/visit/" + urn + "/support/" + Paths.encode(offerId)
                        + (search.isEmpty() ? "" : "?search=" + Paths.encode(search))))
                .cookie(liked.after(request, urn, offerId, !form.text("like").equals("no")));
    }

    private VisitPages.OfferPage offerPage(
            HttpRequest<?> request,
            Directory.School school,
            CompletableFuture<ApiReply> offerCall,
            @Nullable String search,
            Errors errors) {
        ApiReply reply = Api.join(offerCall);
        if (reply.missing()) {
            throw new PageNotFound("offer");
        }
        String urn = school.urn();
        Directory.Offer offer = reply.as(Directory.Offer.class);
        Directory.Content c = offer.content();
        String back = "/visit/" + urn + "/support" + (search == null || search.isBlank() ? "" : "?" + search);
        String capacity = c.capacityDaysPerTerm() == null
                ? ""
                : c.capacityDaysPerTerm().stripTrailingZeros().toPlainString() + " days a term";
        String raise = "/visit/" + urn + "/request"
                + (c.areasOfSupport().isEmpty()
                        ? ""
                        : "?area=" + Paths.encode(c.areasOfSupport().get(0)));
        return new VisitPages.OfferPage(
                school,
                offer,
                back,
                Labels.areas(c.areasOfSupport()),
                Labels.phases(c.phases()),
                Labels.deliveryModes(c.deliveryModes()),
                offer.designations() == null
                        ? List.of()
                        : offer.designations().stream().map(Labels::designation).toList(),
                Labels.providerType(offer.providerType()),
                capacity,
                Labels.credits(c.priceCredits()),
                "APPROVED".equals(offer.status()) ? Labels.day(offer.reviewDate()) : "",
                raise,
                liked.of(request, urn).contains(offer.id()),
                search == null ? "" : search,
                errors);
    }

    private static List<String> optional(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static Map<String, Long> counts(Directory.OfferResults results, String field) {
        Map<String, Long> counts = new java.util.HashMap<>();
        results.facets().stream()
                .filter(f -> f.field().equals(field))
                .forEach(f -> f.counts().forEach(c -> counts.put(c.value(), c.count())));
        return counts;
    }

    private static List<Choice> options(Map<String, String> labels, List<String> chosen, Map<String, Long> counts) {
        return labels.entrySet().stream()
                .map(e -> new Choice(
                        e.getKey(),
                        e.getValue() + (counts.containsKey(e.getKey()) ? " (" + counts.get(e.getKey()) + ")" : ""),
                        chosen.contains(e.getKey())))
                .toList();
    }

    private static String searchQuery(
            String q,
            String area,
            List<String> phases,
            List<String> modes,
            String radius,
            String postcode,
            boolean inPersonOnly,
            String maxPrice,
            String sort) {
        return Paths.of("")
                .query("filtered", "1")
                .query("q", q)
                .query("area", area)
                .query("phase", phases)
                .query("mode", modes)
                .query("radiusKm", radius)
                .query("postcode", postcode)
                .query("inPersonOnly", inPersonOnly ? "true" : "")
                .query("maxPrice", maxPrice)
                .query("sort", sort)
                .toString()
                .substring(1);
    }

    /** GOV.UK pagination: the first, the last, and the pages next to this one, with ellipses between. */
    static List<VisitPages.PageLink> pageLinks(String base, int current, int count) {
        List<VisitPages.PageLink> links = new ArrayList<>();
        if (count <= 1) {
            return links;
        }
        Integer last = null;
        for (int n = 1; n <= count; n++) {
            if (n == 1 || n == count || Math.abs(n - current) <= 1) {
                if (last != null && n - last > 1) {
                    links.add(new VisitPages.PageLink(null, null, false));
                }
                links.add(new VisitPages.PageLink(n, base + "&page=" + n, n == current));
                last = n;
            }
        }
        return links;
    }
}
