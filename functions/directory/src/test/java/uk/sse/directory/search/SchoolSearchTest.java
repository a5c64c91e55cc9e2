package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.search.SearchIndices;

/**
 * The school being visited, found as an adviser names it on a phone: the forms of a name (saint and st, apostrophes,
 * C of E, CE and Church of England, RC and Roman Catholic), "primary" left out or added, a letter or two wrong, words
 * half typed, the URN, the start of the postcode, and nearest first when a place is given. The names are real ones
 * from the GIAS sample.
 */
@MicronautTest(environments = "test")
class SchoolSearchTest extends SearchTest {

    @Inject
    TestIndices indices;

    @Inject
    uk.sse.directory.application.ImportPostcodes importPostcodes;

    String adviser;

    @BeforeAll
    void load() {
        indices.create(SearchIndices.SCHOOLS, schoolsIndex);
        indices.put(
                schoolsIndex,
                "urn",
                List.of(
                        school(
                                "119788",
                                "St Bede's Catholic High School, Lytham",
                                "FY8 4JL",
                                "Secondary",
                                53.7430,
                                -2.9740),
                        school("100443", "St Luke's CofE Primary School", "EC1V 3SJ", "Primary", 51.5270, -0.0960),
                        school(
                                "100439",
                                "St John's Upper Holloway CofE Primary School",
                                "N19 5RR",
                                "Primary",
                                51.5660,
                                -0.1330),
                        school(
                                "119465",
                                "Chorley, the Parish of St Laurence Church of England Primary School",
                                "PR7 1RB",
                                "Primary",
                                53.6530,
                                -2.6290),
                        school("119803", "Holy Cross Catholic High School", "PR7 3LS", "Secondary", 53.6480, -2.6400),
                        school("100500", "Good Shepherd RC Primary School", "SE13 5XX", "Primary", 51.4500, -0.0100),
                        school(
                                "100501",
                                "Saint Francis of Assisi Catholic Primary School",
                                "W11 4AA",
                                "Primary",
                                51.5140,
                                -0.2100),
                        school("100502", "St. Joseph's CofE Junior School", "E1 1AA", "Primary", 51.5170, -0.0700),
                        school("100503", "St Andrew's C of E Primary School", "E2 2AA", "Primary", 51.5300, -0.0600),
                        school(
                                "100504",
                                "St Augustine's Federated Schools: CE High School",
                                "E3 3AA",
                                "Secondary",
                                51.5300,
                                -0.0200),
                        school(
                                "100505",
                                "St Thomas More Roman Catholic Primary School",
                                "E4 4AA",
                                "Primary",
                                51.6300,
                                -0.0100),
                        school("131773", "Canonbury Primary School", "N1 2UT", "Primary", 51.5450, -0.0930),
                        school("136365", "Hambleton Primary Academy", "FY6 9BZ", "Primary", 53.8750, -2.9580),
                        school("100506", "The ACE Centre Nursery School", "N16 1AA", "Nursery", 51.5600, -0.0800),
                        school(
                                "100507",
                                "St Mary's Catholic Primary School, Preston",
                                "PR1 1AA",
                                "Primary",
                                53.7600,
                                -2.7000),
                        school(
                                "100508",
                                "St Mary's Catholic Primary School, Lancaster",
                                "LA1 1AA",
                                "Primary",
                                54.0500,
                                -2.8000),
                        school(
                                "100509",
                                "St Mary's Catholic Primary School, Chorley",
                                "PR7 2AA",
                                "Primary",
                                53.6500,
                                -2.6300),
                        // the school the academy replaced, closed, with a name much like its own (decision 0087)
                        closed(
                                school("119600", "Hambleton Primary School", "FY6 9BX", "Primary", 53.8751, -2.9581),
                                "2015-08-31")));
        adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
    }

    static Map<String, Object> school(String urn, String name, String postcode, String phase, double lat, double lon) {
        Map<String, Object> doc = new HashMap<>(Map.of(
                "urn",
                urn,
                "name",
                name,
                "laCode",
                "888",
                "laName",
                "Lancashire",
                "type",
                "Voluntary aided school",
                "phase",
                phase,
                "town",
                "Town",
                "postcode",
                postcode,
                "location",
                Map.of("lat", lat, "lon", lon)));
        doc.put("version", 1);
        return doc;
    }

    static Map<String, Object> closed(Map<String, Object> school, String closedOn) {
        school.put("status", "closed");
        school.put("closedOn", closedOn);
        return school;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> hits(String q, String more) {
        var reply = api.get("/schools/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more, adviser);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<Map<String, Object>>) (List<?>) reply.list();
    }

    @SuppressWarnings("unchecked")
    List<String> urns(String q, String more) {
        var reply = api.get("/schools/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more, adviser);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) (List<?>) reply.list())
                .stream().map(s -> (String) s.get("urn")).toList();
    }

    List<String> urns(String q) {
        return urns(q, "");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "st bedes",
                "St Bede's",
                "saint bede's",
                "Saint Bedes",
                "st. bede's",
                "ST BEDES",
                "st bede",
                "st beds",
                "st bedse",
                "st bedes lytham",
                "bedes",
                "st bedes rc",
                "st bedes roman catholic",
                "st bedes high school",
                "st bedes primary",
                "st be",
                "bede's catholic"
            })
    void stBedesIsFoundHoweverItIsSaidOrTyped(String spoken) {
        assertThat(urns(spoken)).as(spoken).first().isEqualTo("119788");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "st lukes c of e",
                "St Luke's CofE",
                "st lukes ce",
                "saint lukes church of england",
                "st lukes",
                "st luke's primary"
            })
    void theChurchOfEnglandHasManyNames(String spoken) {
        assertThat(urns(spoken)).as(spoken).first().isEqualTo("100443");
    }

    @Test
    void eachFormOfChurchOfEnglandInANameIsFoundByTheOthers() {
        assertThat(urns("st laurence ce")).first().isEqualTo("119465");
        assertThat(urns("st andrews church of england")).first().isEqualTo("100503");
        assertThat(urns("st josephs c of e")).first().isEqualTo("100502");
        assertThat(urns("st augustines c of e")).first().isEqualTo("100504");
        assertThat(urns("ace centre")).first().isEqualTo("100506");
    }

    @Test
    void romanCatholicRcAndCatholicAreOne() {
        assertThat(urns("good shepherd roman catholic")).first().isEqualTo("100500");
        assertThat(urns("st thomas more rc")).first().isEqualTo("100505");
        assertThat(urns("holy cross rc")).first().isEqualTo("119803");
        assertThat(urns("saint francis of assisi")).first().isEqualTo("100501");
        assertThat(urns("st francis assisi")).first().isEqualTo("100501");
    }

    @Test
    void primaryMayBeLeftOutOrAddedAndWordsHalfTyped() {
        assertThat(urns("canonbury")).first().isEqualTo("131773");
        assertThat(urns("hambleton primary")).first().isEqualTo("136365");
        assertThat(urns("hambleton")).first().isEqualTo("136365");
        assertThat(urns("canon prim")).first().isEqualTo("131773");
        assertThat(urns("cannonbury")).as("a letter too many").first().isEqualTo("131773");
        assertThat(urns("canonbry")).as("a letter missing").first().isEqualTo("131773");
    }

    @Test
    void aNameOfGenericWordsOnlyStillNarrowsTheList() {
        assertThat(urns("holy cross")).containsExactly("119803");
        assertThat(urns("primary", "&limit=50")).contains("131773", "136365").doesNotContain("119788", "119803");
    }

    @Test
    void unrelatedWordsFindNothing() {
        assertThat(urns("zebra crossing")).isEmpty();
        assertThat(urns("st"))
                .as("too little to go on finds the st schools, not all")
                .doesNotContain("131773");
    }

    @Test
    void byUrn() {
        assertThat(urns("119788")).containsExactly("119788");
        assertThat(urns("999999")).isEmpty();
    }

    @Test
    void byTheStartOfThePostcode() {
        assertThat(urns("FY8 4JL")).first().isEqualTo("119788");
        assertThat(urns("fy84jl")).first().isEqualTo("119788");
        assertThat(urns("fy8")).first().isEqualTo("119788");
        assertThat(urns("FY8 4")).first().isEqualTo("119788");
        assertThat(urns("n1")).as("N1 is not N19").contains("131773").doesNotContain("100439");
        assertThat(urns("N19")).contains("100439").doesNotContain("131773");
        assertThat(urns("pr7")).containsExactlyInAnyOrder("119465", "119803", "100509");
    }

    @Test
    void nearestFirstWhenAPlaceIsGiven() {
        // three St Mary's; standing in Chorley, Chorley's comes first, then Preston's, then Lancaster's
        assertThat(urns("st marys", "&lat=53.652&lon=-2.632")).startsWith("100509", "100507", "100508");
        // standing in Lancaster
        assertThat(urns("st marys", "&lat=54.05&lon=-2.80")).startsWith("100508", "100507", "100509");
    }

    @Test
    void nearestFirstFromAPostcodeHoweverItIsTyped() throws java.io.IOException {
        PostcodeSearchTest.done(importPostcodes.importFrom(
                new java.io.ByteArrayInputStream(PostcodeSearchTest.sample()),
                uk.sse.directory.application.ImportPostcodes.Progress.NONE));
        // LA1 2QD is in Lancaster, PR7 1RB in Chorley
        assertThat(urns("st marys", "&postcode=" + URLEncoder.encode(" la12qd ", StandardCharsets.UTF_8)))
                .startsWith("100508", "100507", "100509");
        assertThat(urns("st marys", "&postcode=PR7%201RB")).startsWith("100509", "100507", "100508");
        for (String bad : List.of("not-a-postcode", "ZZ9%209ZZ", "PR7%201RB&lat=53.6&lon=-2.6")) {
            var reply = api.get("/schools/search?q=st%20marys&postcode=" + bad, adviser);
            assertThat(reply.status()).as(bad).isBetween(400, 422);
            assertThat(reply.problemFields()).as(bad).containsExactly("postcode");
        }
    }

    @Test
    void closedSchoolsOnlyWhenAskedForOrByTheirUrn() {
        assertThat(urns("hambleton")).containsExactly("136365");
        assertThat(urns("fy6")).containsExactly("136365");
        assertThat(urns("hambleton", "&status=open")).containsExactly("136365");
        assertThat(urns("hambleton", "&status=closed")).containsExactly("119600");
        assertThat(urns("hambleton", "&status=all")).containsExactlyInAnyOrder("136365", "119600");
        assertThat(hits("hambleton", "&status=all"))
                .extracting(h -> h.get("urn"), h -> h.get("open"), h -> h.get("closedOn"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("136365", true, null),
                        org.assertj.core.groups.Tuple.tuple("119600", false, "2015-08-31"));
        // people look up old URNs: the closed school is found, marked closed
        assertThat(hits("119600", ""))
                .extracting(h -> h.get("urn"), h -> h.get("open"), h -> h.get("closedOn"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("119600", false, "2015-08-31"));
        assertThat(urns("119600", "&status=open")).isEmpty();
        assertThat(urns("136365", "&status=closed")).isEmpty();
    }

    @Test
    void aStatusOtherThanOpenClosedOrAllIsRefusedNamingIt() {
        for (String bad : List.of("shut", "CLOSED", "", "open,closed", "open&status=closed")) {
            var reply = api.get("/schools/search?q=hambleton&status=" + bad, adviser);
            // a value against the parameter's rule is 422, as for the search's other parameters; two are 400
            assertThat(reply.status()).as(bad).isEqualTo(bad.startsWith("open") ? 400 : 422);
            assertThat(reply.problemFields()).as(bad).containsExactly("status");
        }
    }

    @Test
    void aPlaceNeedsBothCoordinates() {
        var reply = api.get("/schools/search?q=st&lat=53.6", adviser);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.problemFields()).containsExactly("lon");
    }
}
