package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.search.OfferDoc.CAMDEN;
import static uk.sse.directory.search.OfferDoc.ISLINGTON;
import static uk.sse.directory.search.OfferDoc.offer;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.testing.Api;

/** What an adviser types on a visit, and what should come first. */
@MicronautTest(environments = "test")
class RelevanceTest extends SearchTest {

    @Inject
    TestIndices indices;

    String adviser;

    @BeforeAll
    void load() {
        List<Map<String, Object>> offers = new ArrayList<>(Corpus.offers());
        offers.addAll(List.of(
                offer("keep-up-reading", "Keep-up sessions for early reading in Reception and Year 1")
                        .description(
                                "Daily keep-up for children at risk of falling behind, with training for teaching assistants.")
                        .areas("CT.READ")
                        .phases("PRIMARY")
                        .modes("COACHING")
                        .by("SCHOOL", "Canonbury Primary School")
                        .at(ISLINGTON)
                        .doc(),
                offer("semh-primary", "Nurture groups in primary")
                        .description(
                                "Setting up a nurture group for pupils with social, emotional and mental health needs.")
                        .areas("INC.SEND.SEMH")
                        .phases("PRIMARY")
                        .by("SCHOOL", "Heath School")
                        .at(CAMDEN)
                        .doc(),
                offer("english-ks4", "GCSE English language: closing the gap")
                        .description(
                                "Department coaching on reading comprehension and extended writing for Year 10 and 11.")
                        .areas("CT.ENG")
                        .phases("SECONDARY")
                        .by("TRUST", "North London Learning Trust")
                        .at(CAMDEN)
                        .doc(),
                offer("numeracy-ey", "Counting and number sense in the early years")
                        .description("Practical number work for nursery and reception staff.")
                        .areas("EY.MATHS")
                        .phases("EARLY_YEARS")
                        .by("HUB", "London Central Maths Hub")
                        .at(CAMDEN)
                        .doc(),
                offer("exclusions", "Reducing suspensions and exclusions")
                        .description("Work with pastoral leads on alternatives to exclusion and reintegration.")
                        .areas("AB.EXC")
                        .phases("SECONDARY")
                        .by("LOCAL_AUTHORITY_SERVICE", "Camden Inclusion")
                        .at(CAMDEN)
                        .doc(),
                offer("lunchtimes", "Calmer lunchtimes: training for midday supervisors")
                        .description(
                                "Managing unstructured times: zoned play areas, games leaders and defusing conflict between pupils before it escalates.")
                        .areas("AB.BEH")
                        .phases("PRIMARY")
                        .by("LOCAL_AUTHORITY_SERVICE", "Camden Inclusion")
                        .at(CAMDEN)
                        .doc(),
                offer("school-anxiety", "Emotionally based school avoidance: return plans")
                        .description(
                                "Case consultation for staff supporting pupils who find it hard to attend because of anxiety, and gradual returns planned with families.")
                        .areas("AB.ATT")
                        .phases("PRIMARY", "SECONDARY")
                        .by("LOCAL_AUTHORITY_SERVICE", "Camden Attendance Team")
                        .at(CAMDEN)
                        .doc(),
                offer("anti-bullying", "Anti-bullying ambassadors")
                        .description("Training pupils to spot and report bullying, online and in school.")
                        .areas("PDW.RSHE")
                        .phases("PRIMARY", "SECONDARY")
                        .by("CHARITY", "Kind Schools")
                        .at(CAMDEN)
                        .doc(),
                offer("vi-outreach", "Qualified teacher of the visually impaired: outreach")
                        .description(
                                "Assessment and advice for pupils with a visual impairment, and training for their staff.")
                        .areas("INC.SEND.VI")
                        .phases("PRIMARY")
                        .by("LOCAL_AUTHORITY_SERVICE", "Camden Sensory Service")
                        .at(CAMDEN)
                        .doc()));
        indices.create(SearchIndices.OFFERS, offersIndex);
        indices.put(offersIndex, "id", offers);
        fixtures.importSchools();
        adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
    }

    List<Object> search(String q, String more) {
        Api.Reply reply = api.get("/search/offers?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more, adviser);
        List<Object> ids = ids(reply);
        System.out.println("search '" + q + "'" + more + " -> " + ids);
        return ids;
    }

    @Test
    void phonicsKs1NearAPrimarySchoolBringsPrimaryEarlyReadingFirst() {
        List<Object> ids = search("phonics KS1", "&near=100008");
        assertThat(ids.get(0)).isEqualTo("phonics-ks1");
        // "early reading" is a synonym of phonics
        assertThat(ids).contains("keep-up-reading");
        // Manchester is outside the default 25 km, but the programme is given remotely
        assertThat(ids).contains("early-reading-online");
        assertThat(search("phonics KS1", "&near=100008&inPersonOnly=true")).doesNotContain("early-reading-online");
    }

    /** A need no offer meets is said to be so: no strong match, and whatever is related is marked weak. */
    @Test
    void weakResultsAreNotPresentedAsMatches() {
        var none = api.get(
                "/search/offers?q=" + URLEncoder.encode("roof asbestos inspection", StandardCharsets.UTF_8), adviser);
        assertThat(none.map()).containsEntry("strongMatches", 0).containsEntry("noGoodMatch", true);
        assertThat(hits(none)).allSatisfy(h -> assertThat(h).containsEntry("match", "WEAK"));
        var phonics = api.get("/search/offers?q=phonics", adviser);
        assertThat(phonics.map()).containsEntry("noGoodMatch", false);
        long strong = ((Number) phonics.map().get("strongMatches")).longValue();
        assertThat(strong).isPositive();
        List<Object> matches = hits(phonics).stream().map(h -> h.get("match")).toList();
        // strong matches first, then the related ones
        assertThat(matches.subList(0, (int) strong)).containsOnly("STRONG");
        assertThat(matches.subList((int) strong, matches.size())).containsOnly("WEAK");
        assertThat(hits(phonics).get(0).get("id")).isEqualTo("phonics-ks1");
        // facets count the strong matches
        assertThat(OfferSearchApiTest.facet(phonics, "phases").values().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0))
                .isLessThanOrEqualTo(strong);
        // without words every result is a match
        var everything = api.get("/search/offers", adviser);
        assertThat(everything.map())
                .containsEntry("noGoodMatch", false)
                .containsEntry("strongMatches", everything.map().get("total"));
    }

    /** A need in plain words finds the support that speaks of it in other words. */
    @Test
    void meaningIsFoundWhenNoWordIsShared() {
        assertThat(search("fights in the playground", "").subList(0, 2)).contains("lunchtimes");
        assertThat(search("kids who won't come to school because they're anxious", "")
                        .get(0))
                .isEqualTo("school-anxiety");
    }

    @Test
    void semhBehaviourSecondaryFindsSecondarySemhAndBehaviourFirst() {
        List<Object> ids = search("SEMH behaviour secondary", "");
        assertThat(ids.get(0)).isEqualTo("semh-outreach");
        // "secondary" names a phase: within each kind of support the secondary offer comes first, and it is not a word
        // to match ("Moving up to secondary" would otherwise come in)
        assertThat(ids.indexOf("behaviour-secondary")).isLessThan(ids.indexOf("behaviour-primary"));
        assertThat(ids.indexOf("semh-outreach")).isLessThan(ids.indexOf("semh-primary"));
    }

    @Test
    void typosStillFind() {
        assertThat(search("phonnics", "").get(0)).isEqualTo("phonics-ks1");
        assertThat(search("behavour", "")).contains("behaviour-secondary", "behaviour-primary");
        assertThat(search("attendence", "").get(0)).isEqualTo("attendance");
    }

    /** A short stem forgives no typo ("bulying" is "buli", "bullying" "bulli"): a slip of the hand is respelt. */
    @Test
    void slipsOfTheHandAreRespelt() {
        assertThat(search("bulying", "")).first().isEqualTo("anti-bullying");
        assertThat(search("bulllying in school", "")).first().isEqualTo("anti-bullying");
        assertThat(search("QTVI", "")).first().isEqualTo("vi-outreach");
    }

    /** Words that match nothing and are no slip of the index's words stay as typed: a need no offer meets stays so. */
    @Test
    void wordsNoSlipAwayAreNotRespelt() {
        var roof = api.get(
                "/search/offers?q=" + URLEncoder.encode("roof asbestos inspection", StandardCharsets.UTF_8), adviser);
        assertThat(roof.map()).containsEntry("strongMatches", 0);
    }

    @Test
    void synonymsAndSpellingsMeetInTheMiddle() {
        List<Object> maths = search("maths", "");
        assertThat(maths.get(0)).isEqualTo("maths-ks2");
        assertThat(search("numeracy key stage 2", "").get(0)).isEqualTo("maths-ks2");
        assertThat(search("behavior", "")).contains("behaviour-secondary", "behaviour-primary");
        assertThat(search("persistent absence", "").get(0)).isEqualTo("attendance");
        assertThat(search("social emotional and mental health", "")).startsWith("semh-outreach");
    }

    @Test
    void shortCodesAreNotFuzzed() {
        // KS1 must not match KS2 (or KS4) through a one-letter typo allowance
        assertThat(search("KS1", "")).contains("phonics-ks1").doesNotContain("maths-ks2", "english-ks4");
    }

    @Test
    void filtersNarrowRelevanceWithoutReordering() {
        assertThat(search("reading", "&phase=SECONDARY")).containsExactlyInAnyOrder("reading-y7", "english-ks4");
        assertThat(search("reading", "&area=CT.READ&phase=PRIMARY&mode=COACHING"))
                .startsWith("phonics-ks1")
                .contains("keep-up-reading");
    }
}
