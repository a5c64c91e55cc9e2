package uk.sse.directory.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.sse.directory.application.LocatePostcode;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.register.SchoolStatus;
import uk.sse.directory.web.Patterns;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.AdmitsServices;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.kernel.problem.Problems;

/** Full-text and faceted search over the approved directory, completions, and school look-up by name. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "search")
public class SearchController {

    private final SearchOffers offers;
    private final SuggestOffers suggestions;
    private final SearchSchools schools;
    private final LocatePostcode postcodes;

    public SearchController(
            SearchOffers offers, SuggestOffers suggestions, SearchSchools schools, LocatePostcode postcodes) {
        this.offers = offers;
        this.suggestions = suggestions;
        this.schools = schools;
        this.postcodes = postcodes;
    }

    /**
     * Approved, in-date offers matching the words and filters. {@code area} matches the code and everything beneath it.
     * {@code near} (a URN), {@code postcode} (any case and spacing; malformed or unknown is 400) or {@code lat}+{@code lon}
     * limit support given in person to {@code radiusKm} (default 25)
     * and to the provider's own travel radius, and give it a distance; support given remotely is there too, marked
     * {@code remote}, unless {@code inPersonOnly}. With words, {@code strongMatches} says how many meet them and
     * {@code noGoodMatch} that none does; each hit says whether it is a {@code STRONG} or a {@code WEAK} match.
     */
    @Get("/search/offers")
    @AdmitsServices(ServiceScope.DIRECTORY_READ)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OfferResults.class)))
    public HttpResponse<?> searchOffers(
            @Nullable @QueryValue @Size(max = 200) String q,
            @Nullable @QueryValue List<String> area,
            @Nullable @QueryValue List<Phase> phase,
            @Nullable @QueryValue List<DeliveryMode> mode,
            @Nullable @QueryValue List<ProviderType> providerType,
            @Nullable @QueryValue List<Designation> designation,
            @Nullable @QueryValue @Min(0) @Max(100_000) Integer maxPrice,
            @Nullable @QueryValue @Pattern(regexp = "[0-9]{4}-[0-9]{2}", message = "must be a month as yyyy-MM")
                    String availableIn,
            @Nullable @QueryValue @Pattern(regexp = Patterns.URN, message = Patterns.URN_MESSAGE) String near,
            @Nullable @QueryValue String postcode,
            @Nullable @QueryValue @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Nullable @QueryValue @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Nullable @QueryValue @Min(1) @Max(300) Integer radiusKm,
            @QueryValue(defaultValue = "false") boolean inPersonOnly,
            @QueryValue(defaultValue = "relevance")
                    @Pattern(regexp = "relevance|distance|price", message = "must be relevance, distance or price")
                    String sort,
            @QueryValue(defaultValue = "1") @Min(1) int page,
            @QueryValue(defaultValue = "20") @Min(1) @Max(50) int size,
            HttpRequest<?> request) {
        // the lists are declared for the API description; their values are read whole (see QueryLists)
        HttpParameters all = request.getParameters();
        LocatePostcode.Found at = null;
        if (postcode != null) {
            LocatePostcode.Located located = postcodes.locate(postcode);
            if (!(located instanceof LocatePostcode.Found found)) {
                return refusal(located, request);
            }
            at = found;
        }
        try {
            return Responses.ok(offers.search(new OfferSearchParameters(
                    q,
                    QueryLists.values(all, "area"),
                    QueryLists.enums(all, "phase", Phase.class),
                    QueryLists.enums(all, "mode", DeliveryMode.class),
                    QueryLists.enums(all, "providerType", ProviderType.class),
                    QueryLists.enums(all, "designation", Designation.class),
                    maxPrice,
                    availableIn,
                    near,
                    at,
                    lat,
                    lon,
                    radiusKm,
                    inPersonOnly,
                    sort,
                    page,
                    size)));
        } catch (QueryLists.UnknownValue unknown) {
            return unknown.problem(request);
        }
    }

    /** Distinct titles, provider names and area labels of visible offers that the words typed begin. */
    @Get("/search/suggest")
    public List<String> suggest(@QueryValue @Size(min = 1, max = 50) String q) {
        return suggestions.suggest(q);
    }

    /**
     * The school being visited, as a person names it: its name as spoken or typed ("st bedes", "saint bede's", a letter
     * or two wrong, "primary" left out), its URN, or the start of its postcode; optionally in one LA; with a place
     * ({@code lat} and {@code lon}, or a {@code postcode} in any case and spacing), nearest first. Open schools only
     * unless {@code status} is {@code closed} or {@code all}; a URN finds its school, open or closed, unless a
     * {@code status} is given. Each hit says whether it is {@code open}, and a closed one its {@code closedOn}.
     */
    @Get("/schools/search")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = SchoolHit.class))))
    public HttpResponse<?> searchSchools(
            @QueryValue @Size(min = 1, max = 100) String q,
            @Nullable @QueryValue @Pattern(regexp = "[0-9]{3}", message = "must be a 3-digit LA code") String la,
            @Nullable @QueryValue @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Nullable @QueryValue @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Nullable @QueryValue String postcode,
            @Nullable @QueryValue @Pattern(regexp = SchoolStatus.WORDS, message = SchoolStatus.MESSAGE) String status,
            @QueryValue(defaultValue = "20") @Min(1) @Max(50) int limit,
            HttpRequest<?> request) {
        SchoolStatus of;
        switch (StatusParameter.read(request, status)) {
            case StatusParameter.Refused refused -> {
                return refused.problem();
            }
            case StatusParameter.Given given -> of = given.status();
        }
        if ((lat == null) != (lon == null)) {
            return Problems.invalid(lat == null ? "lat" : "lon", "give lat and lon together");
        }
        if (postcode != null) {
            if (lat != null) {
                return Problems.invalid("postcode", "give one of postcode, or lat and lon");
            }
            LocatePostcode.Located located = postcodes.locate(postcode);
            return located instanceof LocatePostcode.Found found
                    ? HttpResponse.ok(schools.search(q, la, found.point(), of, limit))
                    : refusal(located, request);
        }
        return HttpResponse.ok(schools.search(q, la, lat == null ? null : new GeoPoint(lat, lon), of, limit));
    }

    /** The 400 naming a postcode that could not be placed: malformed, or not in the postcode directory. */
    private static HttpResponse<?> refusal(LocatePostcode.Located notFound, HttpRequest<?> request) {
        return notFound instanceof LocatePostcode.Unknown unknown
                ? QueryLists.malformed(request, "postcode", unknown.postcode() + " is not in the postcode directory")
                : QueryLists.malformed(request, "postcode", "is not a UK postcode: give one like PR2 1PD");
    }
}
