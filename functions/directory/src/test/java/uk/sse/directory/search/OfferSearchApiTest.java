package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.testing.Api;

/** Filters, facets, sorts, distance and visibility of GET /search/offers, through the Lambda handler. */
@MicronautTest(environments = "test")
class OfferSearchApiTest extends SearchTest {

    @Inject
    TestIndices indices;

    String adviser;

    @BeforeAll
    void load() {
        indices.create(SearchIndices.OFFERS, offersIndex);
        indices.put(offersIndex, "id", Corpus.offers());
        fixtures.importSchools();
        var noPlace = api.send(Api.auth(
                HttpRequest.POST(
                                "/schools/import", "\"URN\",\"EstablishmentName\"\r\n\"900020\",\"Nowhere School\"\r\n")
                        .contentType(MediaType.of("text/csv")),
                fixtures.token(Role.REGISTRAR, null, null)));
        assertThat(noPlace.status()).isEqualTo(200);
        adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
    }

    Api.Reply search(String query) {
        return api.get("/search/offers" + query, adviser);
    }

    @Test
    void onlyApprovedOffersInReviewDateAreEverFound() {
        var everything = search("?size=50");
        assertThat(ids(everything)).containsExactlyInAnyOrderElementsOf(Corpus.VISIBLE);
        assertThat(everything.map()).containsEntry("total", Corpus.VISIBLE.size());
        assertThat(ids(search("?q=phonics&size=50")))
                .doesNotContainAnyElementsOf(Corpus.HIDDEN)
                .contains("phonics-ks1");
        for (Role role : Role.values()) {
            var reply = api.get("/search/offers?q=phonics", fixtures.token(role, Fixtures.AREA, "p-draft-phonics"));
            assertThat(ids(reply)).as(role.name()).doesNotContainAnyElementsOf(Corpus.HIDDEN);
        }
        assertThat(api.get("/search/offers", null).status()).isEqualTo(401);
    }

    @Test
    void anAreaMatchesItselfAndEverythingBeneathIt() {
        assertThat(ids(search("?area=CT")))
                .containsExactlyInAnyOrder("phonics-ks1", "reading-y7", "early-reading-online", "maths-ks2");
        assertThat(ids(search("?area=INC.SEND"))).containsExactly("semh-outreach");
        assertThat(ids(search("?area=CT.MATHS&area=AB")))
                .containsExactlyInAnyOrder("maths-ks2", "behaviour-secondary", "behaviour-primary", "attendance");
        var unknown = search("?area=CT&area=NOPE.X");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problemFields()).containsExactly("area");
    }

    @Test
    void enumFiltersNarrowAndRefuseUnknownValues() {
        assertThat(ids(search("?phase=SECONDARY")))
                .containsExactlyInAnyOrder("reading-y7", "semh-outreach", "behaviour-secondary", "attendance");
        assertThat(ids(search("?mode=REMOTE,PEER_REVIEW")))
                .containsExactlyInAnyOrder("early-reading-online", "governance", "behaviour-secondary");
        assertThat(ids(search("?providerType=HUB&phase=PRIMARY"))).containsExactly("maths-ks2");
        assertThat(ids(search("?designation=MATHS_HUB&designation=ENGLISH_HUB")))
                .containsExactlyInAnyOrder("maths-ks2", "phonics-ks1");
        for (String field : List.of("phase", "mode", "providerType", "designation")) {
            var bad = search("?" + field + "=NOT_A_VALUE");
            assertThat(bad.status()).as(field).isEqualTo(400);
            assertThat(bad.problemFields()).as(field).containsExactly(field);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void maxPriceIsAnUpperBound() {
        assertThat(ids(search("?maxPrice=150")))
                .containsExactlyInAnyOrder("early-reading-online", "maths-ks2", "attendance");
        assertThat(ids(search("?maxPrice=0"))).containsExactly("maths-ks2");
        for (String bad : List.of("-1", "100001")) {
            var reply = search("?maxPrice=" + bad);
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.problemFields()).containsExactly("maxPrice");
        }
        assertThat(search("?maxPrice=lots").problemFields()).containsExactly("maxPrice");
    }

    @Test
    void availabilityWindowsMustOverlapTheMonth() {
        var february = ids(search("?availableIn=2027-02&size=50"));
        assertThat(february).contains("attendance", "governance", "phonics-ks1");
        var october = ids(search("?availableIn=2025-10&size=50"));
        assertThat(october).doesNotContain("attendance", "governance").contains("phonics-ks1");
        assertThat(ids(search("?availableIn=2027-04&size=50")))
                .doesNotContain("attendance")
                .contains("governance");
        for (String bad : List.of("2027-13", "2027-2", "next")) {
            var reply = search("?availableIn=" + bad);
            assertThat(reply.status()).as(bad).isEqualTo(422);
            assertThat(reply.problemFields()).containsExactly("availableIn");
        }
    }

    @Test
    void aPointLimitsToTheRadiusAndGivesDistances() {
        // in person within 5 km, with distances; the two remote offers (Manchester, and one with no place) wherever
        // they are
        var near = search("?near=100008&radiusKm=5&size=50");
        assertThat(ids(near))
                .containsExactlyInAnyOrder(
                        "phonics-ks1",
                        "maths-ks2",
                        "attendance",
                        "reading-y7",
                        "behaviour-secondary",
                        "early-reading-online",
                        "governance");
        assertThat(hits(near))
                .filteredOn(h -> Boolean.FALSE.equals(h.get("remote")))
                .hasSize(5)
                .allSatisfy(h ->
                        assertThat(((Number) h.get("distanceKm")).doubleValue()).isBetween(0.0, 5.0));
        assertThat(hits(near))
                .filteredOn(h -> Boolean.TRUE.equals(h.get("remote")))
                .extracting(h -> h.get("id"))
                .containsExactlyInAnyOrder("early-reading-online", "governance");
        assertThat(hits(near))
                .filteredOn(h -> Boolean.TRUE.equals(h.get("remote")))
                .allSatisfy(h -> assertThat(h).doesNotContainKey("distanceKm"));
        var byDefault = ids(search("?near=100008&size=50&inPersonOnly=true"));
        assertThat(byDefault)
                .contains("semh-outreach")
                .doesNotContain("behaviour-primary", "early-reading-online", "governance");
        assertThat(ids(search("?near=100008&radiusKm=100&size=50&inPersonOnly=true")))
                .contains("behaviour-primary")
                .doesNotContain("early-reading-online");
        var byLatLon = search("?lat=53.48&lon=-2.24&radiusKm=10&inPersonOnly=true");
        assertThat(ids(byLatLon)).isEmpty(); // the Manchester programme is given remotely only
        assertThat(ids(search("?lat=53.48&lon=-2.24&radiusKm=10")))
                .containsExactlyInAnyOrder("early-reading-online", "governance");
        assertThat(hits(search("?q=phonics")))
                .allSatisfy(h -> assertThat(h).doesNotContainKeys("distanceKm", "remote"));
    }

    @Test
    void sortingByDistanceAndPrice() {
        var byDistance = hits(search("?near=100008&sort=distance&radiusKm=300&size=50"));
        List<Double> distances = byDistance.stream()
                .filter(h -> h.get("distanceKm") != null)
                .map(h -> ((Number) h.get("distanceKm")).doubleValue())
                .toList();
        assertThat(distances).isSorted().hasSize(7);
        // support given remotely, without a distance, comes after all the rest
        assertThat(byDistance.subList(7, byDistance.size()))
                .extracting(h -> h.get("id"))
                .containsExactlyInAnyOrder("early-reading-online", "governance");
        assertThat(byDistance.get(0).get("id")).isIn("phonics-ks1", "maths-ks2", "attendance");
        var byPrice = hits(search("?sort=price&size=50"));
        assertThat(byPrice.stream()
                        .map(h -> ((Number) h.get("priceCredits")).intValue())
                        .toList())
                .isSorted();
        assertThat(byPrice.get(0).get("id")).isEqualTo("maths-ks2");
        assertThat(search("?sort=distance").problemFields()).containsExactly("sort");
        assertThat(search("?sort=cheapest").problemFields()).containsExactly("sort");
    }

    @Test
    void facetsCountEveryMatchNotJustThePage() {
        var reply = search("?phase=SECONDARY&size=1");
        assertThat(hits(reply)).hasSize(1);
        assertThat(facet(reply, "phases")).containsEntry("SECONDARY", 4L).containsEntry("PRIMARY", 1L);
        assertThat(facet(reply, "areasOfSupport"))
                .containsEntry("AB.BEH", 1L)
                .containsEntry("CT.READ", 1L)
                .containsEntry("INC.SEND.SEMH", 1L)
                .containsEntry("AB.ATT", 1L)
                .hasSize(4);
        assertThat(facet(reply, "providerType"))
                .containsEntry("LOCAL_AUTHORITY_SERVICE", 2L)
                .containsEntry("HUB", 1L)
                .containsEntry("TRUST", 1L);
        assertThat(facet(reply, "deliveryModes"))
                .containsEntry("IN_SCHOOL", 2L)
                .containsEntry("TRAINING", 2L)
                .containsEntry("PEER_REVIEW", 1L);
        assertThat(facet(reply, "designations")).containsExactlyEntriesOf(Map.of("BEHAVIOUR_HUB", 1L));
    }

    @Test
    void pagesAreStableAndAddUpToTheWhole() {
        List<Object> whole = ids(search("?size=50"));
        List<Object> paged = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            var reply = search("?size=2&page=" + page);
            assertThat(reply.map())
                    .containsEntry("total", 9)
                    .containsEntry("page", page)
                    .containsEntry("size", 2);
            paged.addAll(ids(reply));
        }
        assertThat(paged).isEqualTo(whole);
        assertThat(ids(search("?size=50&page=2"))).isEmpty();
        assertThat(search("?page=0").problemFields()).containsExactly("page");
        assertThat(search("?size=51").problemFields()).containsExactly("size");
        assertThat(search("?size=50&page=201").problemFields()).containsExactly("page");
    }

    @Test
    void hitsCarryHighlightsAndQualitySignals() {
        var hit = hits(search("?q=phonics&near=100008")).get(0);
        assertThat(hit)
                .containsEntry("id", "phonics-ks1")
                .containsEntry("providerName", "Argyle English Hub")
                .containsEntry("providerType", "SCHOOL")
                .containsEntry("area", "202")
                .containsEntry("status", "APPROVED")
                .containsEntry("completedEngagements", 12)
                .containsEntry("priceCredits", 300)
                .containsEntry("designations", List.of("ENGLISH_HUB"))
                .containsEntry("areasOfSupport", List.of("CT.READ"))
                .containsKeys(
                        "reviewDate", "averageImpact", "phases", "deliveryModes", "distanceKm", "title", "providerId");
        @SuppressWarnings("unchecked")
        var highlights = (Map<String, List<String>>) hit.get("highlights");
        assertThat(highlights.get("title")).singleElement().asString().contains("<em>phonics</em>");
        assertThat(highlights.get("description")).isNotEmpty();
    }

    @Test
    void aPointMustBeKnownAndWhole() {
        assertThat(search("?near=999999").problemFields()).containsExactly("near");
        assertThat(search("?near=999999").status()).isEqualTo(422);
        assertThat(search("?near=900020").problemFields()).containsExactly("near");
        assertThat(search("?near=12ab").problemFields()).containsExactly("near");
        assertThat(search("?near=100008&lat=51.5&lon=-0.1").problemFields()).containsExactly("near");
        assertThat(search("?lat=51.5").problemFields()).containsExactly("lon");
        assertThat(search("?lon=-0.1").problemFields()).containsExactly("lat");
        assertThat(search("?lat=91&lon=0").problemFields()).containsExactly("lat");
        assertThat(search("?lat=51.5&lon=0&radiusKm=301").problemFields()).containsExactly("radiusKm");
        assertThat(search("?lat=51.5&lon=0&radiusKm=0").problemFields()).containsExactly("radiusKm");
        assertThat(search("?radiusKm=10").problemFields()).containsExactly("radiusKm");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Long> facet(Api.Reply reply, String field) {
        var facets = (List<Map<String, Object>>) reply.map().get("facets");
        var counts = (List<Map<String, Object>>) facets.stream()
                .filter(f -> f.get("field").equals(field))
                .findFirst()
                .orElseThrow()
                .get("counts");
        Map<String, Long> byValue = new java.util.LinkedHashMap<>();
        counts.stream()
                .sorted(Comparator.comparing(c -> (String) c.get("value")))
                .forEach(c -> byValue.put((String) c.get("value"), ((Number) c.get("count")).longValue()));
        return byValue;
    }
}
