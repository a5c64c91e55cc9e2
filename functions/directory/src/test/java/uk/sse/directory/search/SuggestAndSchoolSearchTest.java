package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.search.SearchIndices;

/** Completions while typing, and finding the school being visited by name or URN. */
@MicronautTest(environments = "test")
class SuggestAndSchoolSearchTest extends SearchTest {

    @Inject
    TestIndices indices;

    String adviser;

    @BeforeAll
    void load() {
        indices.create(SearchIndices.OFFERS, offersIndex);
        indices.put(offersIndex, "id", Corpus.offers());
        indices.create(SearchIndices.SCHOOLS, schoolsIndex);
        indices.put(
                schoolsIndex,
                "urn",
                List.of(
                        school("100008", "Argyle Primary School", "202", "Camden", "Primary", 51.5275, -0.1220),
                        school("100005", "Thomas Coram Centre", "202", "Camden", "Nursery", 51.5240, -0.1200),
                        school("100410", "Canonbury Primary School", "206", "Islington", "Primary", 51.5430, -0.0930),
                        school(
                                "100411",
                                "St Thérèse's Catholic Primary School",
                                "206",
                                "Islington",
                                "Primary",
                                51.5500,
                                -0.1000),
                        school("1000123", "Highbury Grove School", "206", "Islington", "Secondary", 51.5520, -0.0980)));
        adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
    }

    static Map<String, Object> school(
            String urn, String name, String la, String laName, String phase, double lat, double lon) {
        Map<String, Object> doc = new HashMap<>(Map.of(
                "urn",
                urn,
                "name",
                name,
                "laCode",
                la,
                "laName",
                laName,
                "type",
                "Community school",
                "phase",
                phase,
                "town",
                "London",
                "postcode",
                "N1 1AA",
                "location",
                Map.of("lat", lat, "lon", lon)));
        doc.put("version", 1);
        return doc;
    }

    @SuppressWarnings("unchecked")
    List<String> suggest(String q) {
        var reply = api.get(
                "/search/suggest?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), adviser);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<String>) (List<?>) reply.list();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> schools(String query) {
        var reply = api.get("/schools/search?" + query, adviser);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<Map<String, Object>>) (List<?>) reply.list();
    }

    @Test
    void suggestionsCompleteTitlesProvidersAndAreas() {
        assertThat(suggest("phon"))
                .containsExactly(
                        "Systematic synthetic phonics in KS1: getting the lowest 20% reading",
                        "Early reading and phonics");
        assertThat(suggest("behav"))
                .contains(
                        "Behaviour and routines in secondary: a whole-school approach",
                        "Calm classrooms: behaviour in primary",
                        "Islington Behaviour Hub",
                        "Behaviour and routines")
                .doesNotHaveDuplicates();
        assertThat(suggest("early read")).contains("Early reading leadership programme", "Early reading and phonics");
        assertThat(suggest("calm cl")).containsExactly("Calm classrooms: behaviour in primary", "Calm Classrooms Ltd");
        assertThat(suggest("xyzzy")).isEmpty();
    }

    @Test
    void suggestionsNeverComeFromHiddenOffers() {
        assertThat(suggest("catch")).doesNotContain("Phonics catch-up (draft)");
        assertThat(suggest("phonics"))
                .noneMatch(s -> s.contains("draft") || s.contains("withdrawn") || s.contains("overdue"));
    }

    @Test
    void schoolsAreFoundByWordsAsTypedOrByUrn() {
        assertThat(schools("q=argyle")).extracting(s -> s.get("name")).containsExactly("Argyle Primary School");
        assertThat(schools("q=canon%20prim"))
                .extracting(s -> s.get("name"))
                .containsExactly("Canonbury Primary School");
        assertThat(schools("q=primary").stream().map(s -> s.get("urn")).toList())
                .containsExactlyInAnyOrder("100008", "100410", "100411");
        assertThat(schools("q=therese")).extracting(s -> s.get("urn")).containsExactly("100411");
        assertThat(schools("q=primary&la=206"))
                .extracting(s -> s.get("urn"))
                .containsExactlyInAnyOrder("100410", "100411");
        assertThat(schools("q=primary&limit=1")).hasSize(1);
        var byUrn = schools("q=1000123");
        assertThat(byUrn)
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .containsEntry("name", "Highbury Grove School")
                        .containsEntry("laCode", "206")
                        .containsEntry("laName", "Islington")
                        .containsEntry("phase", "Secondary")
                        .containsEntry("town", "London")
                        .containsEntry("postcode", "N1 1AA")
                        .containsEntry("location", Map.of("lat", 51.552, "lon", -0.098)));
        assertThat(schools("q=999999")).isEmpty();
    }

    @Test
    void theRegisterLookUpStillWorks() {
        fixtures.importSchools();
        var reply = api.get("/schools?q=argyle", adviser);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list().stream()
                        .map(s -> (Object) ((Map<?, ?>) s).get("urn"))
                        .toList())
                .containsExactly("100008");
        assertThat(api.get("/schools/100008", adviser).status()).isEqualTo(200);
    }
}
