package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.search.OfferDoc.BRIGHTON;
import static uk.sse.directory.search.OfferDoc.CAMDEN;
import static uk.sse.directory.search.OfferDoc.CROYDON;
import static uk.sse.directory.search.OfferDoc.ISLINGTON;
import static uk.sse.directory.search.OfferDoc.MANCHESTER;
import static uk.sse.directory.search.OfferDoc.offer;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.testing.Api;

/**
 * Near a school (Argyle Primary, Camden): support given in person comes within the search's radius and the provider's
 * own travel radius; support given remotely is there too, marked remote and without a distance, unless the adviser asks
 * for in-person only; the school's phase comes first.
 */
@MicronautTest(environments = "test")
class RemoteAndTravelTest extends SearchTest {

    @Inject
    TestIndices indices;

    String adviser;

    @BeforeAll
    void load() {
        indices.create(SearchIndices.OFFERS, offersIndex);
        indices.put(
                offersIndex,
                "id",
                List.of(
                        // Islington, 2.5 km away; travels 10 km
                        offer("in-reach", "Phonics coaching in school")
                                .modes("IN_SCHOOL")
                                .set("travelRadiusKm", 10)
                                .at(ISLINGTON)
                                .doc(),
                        // Croydon, 17 km away: within the search's 25 km, beyond the provider's 10
                        offer("beyond-travel", "Phonics coaching from Croydon")
                                .modes("IN_SCHOOL")
                                .set("travelRadiusKm", 10)
                                .at(CROYDON)
                                .doc(),
                        // the same distance, but the school can visit the provider
                        offer("school-visits", "Phonics open mornings in Croydon")
                                .modes("VISIT_TO_PROVIDER")
                                .set("travelRadiusKm", 10)
                                .at(CROYDON)
                                .doc(),
                        // the same distance, no travel radius given
                        offer("no-limit", "Phonics training in Croydon")
                                .modes("TRAINING")
                                .at(CROYDON)
                                .doc(),
                        // given remotely, from Manchester
                        offer("remote-far", "Phonics webinars")
                                .modes("REMOTE")
                                .at(MANCHESTER)
                                .doc(),
                        // remote or in person, in Camden: in person here
                        offer("both-near", "Phonics support, online or in school")
                                .modes("IN_SCHOOL", "REMOTE")
                                .set("travelRadiusKm", 20)
                                .at(CAMDEN)
                                .doc(),
                        // Brighton, 75 km away, travels 100
                        offer("far-in-person", "Phonics coaching from Brighton")
                                .modes("COACHING")
                                .set("travelRadiusKm", 100)
                                .at(BRIGHTON)
                                .doc(),
                        // the same as in-reach but for secondary schools
                        offer("in-reach-secondary", "Phonics coaching in school")
                                .modes("IN_SCHOOL")
                                .set("travelRadiusKm", 10)
                                .at(ISLINGTON)
                                .phases("SECONDARY")
                                .doc()));
        fixtures.importSchools();
        adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
    }

    Api.Reply search(String query) {
        return api.get("/search/offers?size=50" + query, adviser);
    }

    static Map<String, Object> hit(Api.Reply reply, String id) {
        return hits(reply).stream()
                .filter(h -> id.equals(h.get("id")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void inPersonSupportComesWithinBothRadiiAndRemoteSupportFromAnywhere() {
        var near = search("&near=100008");
        assertThat(ids(near))
                .containsExactlyInAnyOrder(
                        "in-reach", "in-reach-secondary", "school-visits", "no-limit", "remote-far", "both-near");
        assertThat(((Number) hit(near, "in-reach").get("distanceKm")).doubleValue())
                .isBetween(2.0, 3.0);
        assertThat(hit(near, "in-reach")).containsEntry("remote", false);
        assertThat(hit(near, "school-visits")).containsEntry("remote", false);
        assertThat(((Number) hit(near, "school-visits").get("distanceKm")).doubleValue())
                .isBetween(15.0, 19.0);
        assertThat(hit(near, "both-near")).containsEntry("remote", false).containsKey("distanceKm");
        assertThat(hit(near, "remote-far")).containsEntry("remote", true).doesNotContainKey("distanceKm");
        // a wider search reaches the provider who travels far
        assertThat(ids(search("&near=100008&radiusKm=100")))
                .contains("far-in-person")
                .doesNotContain("beyond-travel");
        // without a place, nothing is remote or near: no remote flag, no distance
        assertThat(hits(search(""))).allSatisfy(h -> assertThat(h).doesNotContainKeys("remote", "distanceKm"));
    }

    @Test
    void inPersonOnlyLeavesRemoteSupportOut() {
        assertThat(ids(search("&near=100008&inPersonOnly=true")))
                .containsExactlyInAnyOrder("in-reach", "in-reach-secondary", "school-visits", "no-limit", "both-near");
        assertThat(ids(search("&lat=51.5275&lon=-0.1220&inPersonOnly=true")))
                .doesNotContain("remote-far")
                .contains("in-reach");
        var alone = search("&inPersonOnly=true");
        assertThat(alone.status()).isEqualTo(422);
        assertThat(alone.problemFields()).containsExactly("inPersonOnly");
    }

    @Test
    void byDistanceInPersonSupportComesFirstNearestFirstThenRemote() {
        var byDistance = hits(search("&near=100008&sort=distance"));
        List<Object> ids = byDistance.stream().map(h -> h.get("id")).toList();
        assertThat(ids.getLast()).isEqualTo("remote-far");
        List<Double> distances = byDistance.subList(0, byDistance.size() - 1).stream()
                .map(h -> ((Number) h.get("distanceKm")).doubleValue())
                .toList();
        assertThat(distances).isSorted();
        // with words too
        var withWords = hits(search("&near=100008&sort=distance&q=phonics"));
        assertThat(withWords.getLast().get("id")).isEqualTo("remote-far");
    }

    @Test
    void theSchoolsPhaseComesFirst() {
        // Argyle is a primary school: of two offers alike in all but phase, the primary one ranks first, words or none
        List<Object> ids = ids(search("&near=100008"));
        assertThat(ids.indexOf("in-reach")).isLessThan(ids.indexOf("in-reach-secondary"));
        List<Object> withWords = ids(search("&near=100008&q=phonics%20coaching"));
        assertThat(withWords.indexOf("in-reach")).isLessThan(withWords.indexOf("in-reach-secondary"));
        // a phase in the words outranks the school's
        List<Object> secondary = ids(search("&near=100008&q=phonics%20coaching%20secondary"));
        assertThat(secondary.indexOf("in-reach-secondary")).isLessThan(secondary.indexOf("in-reach"));
    }
}
