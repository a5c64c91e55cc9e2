package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.search.OfferDoc.offer;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.search.SearchIndices;

/** Prints how long a filtered, faceted search takes through the handler over a few hundred offers; asserts only that it works. */
@MicronautTest(environments = "test")
class SearchLatencyTest extends SearchTest {

    static final int OFFERS = 400;
    static final String[] AREAS = {
        "CT.READ", "CT.MATHS", "AB.BEH", "AB.ATT", "INC.SEND.SEMH", "INC.EAL", "LG.GOV", "PDW.MH"
    };
    static final String[] PHASES = {"PRIMARY", "SECONDARY", "EARLY_YEARS", "SPECIAL"};
    static final String[] MODES = {"IN_SCHOOL", "REMOTE", "TRAINING", "COACHING"};
    static final String[] WORDS = {
        "phonics",
        "reading",
        "coaching",
        "leaders",
        "behaviour",
        "routines",
        "mastery",
        "fluency",
        "attendance",
        "governance",
        "wellbeing",
        "inclusion",
        "curriculum",
        "assessment",
        "writing",
        "oracy"
    };

    @Inject
    TestIndices indices;

    String adviser;

    @BeforeAll
    void load() {
        Random random = new Random(42);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < OFFERS; i++) {
            String title = WORDS[random.nextInt(WORDS.length)] + " and " + WORDS[random.nextInt(WORDS.length)]
                    + " for schools " + i;
            docs.add(offer("o" + i, title)
                    .description(String.join(
                            " ",
                            WORDS[random.nextInt(WORDS.length)],
                            WORDS[random.nextInt(WORDS.length)],
                            "support over a term with",
                            WORDS[random.nextInt(WORDS.length)]))
                    .areas(AREAS[i % AREAS.length])
                    .phases(PHASES[i % PHASES.length])
                    .modes(MODES[random.nextInt(MODES.length)])
                    .price(random.nextInt(800))
                    .at(new double[] {51.3 + random.nextDouble() * 0.5, -0.5 + random.nextDouble() * 0.6})
                    .quality(random.nextInt(30), 1 + random.nextDouble() * 4)
                    .doc());
        }
        indices.create(SearchIndices.OFFERS, offersIndex);
        indices.put(offersIndex, "id", docs);
        fixtures.importSchools();
        adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
    }

    @Test
    void medianLatencyOfAFilteredFacetedSearch() {
        // the full adviser search, then without the register look-up for near, then the bare minimum, to see where time
        // goes
        medianOf(
                "q, 4 filters, near (register look-up), facets, highlights",
                "/search/offers?q=reading%20coaching&area=CT&phase=PRIMARY&mode=COACHING,IN_SCHOOL&maxPrice=600&near=100008&radiusKm=40");
        medianOf(
                "the same with lat/lon instead of near",
                "/search/offers?q=reading%20coaching&area=CT&phase=PRIMARY&mode=COACHING,IN_SCHOOL&maxPrice=600&lat=51.5275&lon=-0.122&radiusKm=40");
        medianOf("no text, no filters, 20 hits (visibility filter and facets only)", "/search/offers");
        medianOf("no text, no filters, 1 hit", "/search/offers?size=1");
        medianOf("text only, 1 hit", "/search/offers?q=reading%20coaching&size=1");
        medianOf("the register look-up alone, through the same handler", "/schools/100008");
    }

    private void medianOf(String what, String query) {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get(query, adviser).status()).isEqualTo(200);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            long start = System.nanoTime();
            var reply = api.get(query, adviser);
            micros.add((System.nanoTime() - start) / 1000);
            assertThat(reply.status()).isEqualTo(200);
        }
        micros.sort(Long::compare);
        System.out.printf(
                "latency over %d offers, %s: median %.1f ms, p90 %.1f ms%n",
                OFFERS, what, micros.get(15) / 1000.0, micros.get(27) / 1000.0);
    }
}
