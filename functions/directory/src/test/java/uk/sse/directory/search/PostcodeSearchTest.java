package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.application.ImportPostcodes;
import uk.sse.directory.application.LocatePostcode;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.testing.Api;

/** The postcode directory: loaded from Code-Point Open, then offer search near a postcode (found, unknown, malformed). */
@MicronautTest(environments = "test")
class PostcodeSearchTest extends SearchTest {

    @Inject
    TestIndices indices;

    @Inject
    ImportPostcodes importPostcodes;

    @Inject
    LocatePostcode locate;

    String adviser;
    ImportPostcodes.Report first;

    static byte[] sample() throws IOException {
        try (InputStream in = PostcodeSearchTest.class.getResourceAsStream("/postcodes/codepoint-open-sample.csv")) {
            return in.readAllBytes();
        }
    }

    @BeforeAll
    void load() throws IOException {
        List<Long> progress = new ArrayList<>();
        first = done(importPostcodes.importFrom(
                new ByteArrayInputStream(sample()), (sectors, rejected) -> progress.add(sectors)));
        assertThat(progress).isNotEmpty().isSorted();
        indices.create(SearchIndices.OFFERS, offersIndex);
        indices.put(offersIndex, "id", Corpus.offers());
        adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
    }

    static <T> T done(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }

    Api.Reply search(String query) {
        return api.get("/search/offers?size=50" + query, adviser);
    }

    @Test
    void theSampleLoadsOnceAndAgainChangesNothing() throws IOException {
        assertThat(first.rows()).isEqualTo(2_945);
        assertThat(first.rejected()).isZero();
        assertThat(first.created()).isEqualTo(first.sectors()).isPositive();
        var again = done(importPostcodes.importFrom(new ByteArrayInputStream(sample()), ImportPostcodes.Progress.NONE));
        assertThat(again.unchanged()).isEqualTo(first.sectors());
        assertThat(again.created() + again.updated()).isZero();
        // one unit moved: its sector is written again, nothing else
        String moved = new String(sample(), StandardCharsets.UTF_8)
                .replace("WC1H 8AA,10,530296,182881", "WC1H 8AA,10,530300,182881");
        var changed = done(importPostcodes.importFrom(
                new ByteArrayInputStream(moved.getBytes(StandardCharsets.UTF_8)), ImportPostcodes.Progress.NONE));
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(first.sectors() - 1);
        var refused = importPostcodes.importFrom(
                new ByteArrayInputStream("URN,Name\n1,x\n".getBytes(StandardCharsets.UTF_8)),
                ImportPostcodes.Progress.NONE);
        assertThat(refused).isInstanceOf(Outcome.Invalid.class);
    }

    @Test
    void aPostcodeIsAPlaceHoweverItIsTyped() {
        var found = (LocatePostcode.Found) locate.locate("wc1h8ab");
        List<Object> byPostcode = ids(search(
                "&inPersonOnly=true&radiusKm=5&postcode=" + URLEncoder.encode(" wc1h  8ab ", StandardCharsets.UTF_8)));
        List<Object> byPoint = ids(search("&inPersonOnly=true&radiusKm=5&lat="
                + found.point().lat() + "&lon=" + found.point().lon()));
        assertThat(byPostcode).isNotEmpty().isEqualTo(byPoint).contains("phonics-ks1", "maths-ks2");
        assertThat(hits(search("&postcode=WC1H%208AB&q=phonics")).get(0)).containsKey("distanceKm");
        assertThat(ids(search("&postcode=PR2%201PD&inPersonOnly=true")))
                .isEmpty(); // Preston: nothing near in this corpus
    }

    @Test
    void anUnknownOrMalformedPostcodeIsRefusedByName() {
        for (String unknown : List.of("WC1H 8ZZ", "ZZ9 9ZZ")) {
            var reply = search("&postcode=" + URLEncoder.encode(unknown, StandardCharsets.UTF_8));
            assertThat(reply.status()).as(unknown).isEqualTo(400);
            assertThat(reply.problemFields()).containsExactly("postcode");
            assertThat(reply.body()).contains("not in the postcode directory");
        }
        for (String malformed : List.of("WC1H", "hello", "", "x".repeat(30), "WC1H 8AB; DROP", "%00")) {
            var reply = search("&postcode=" + URLEncoder.encode(malformed, StandardCharsets.UTF_8));
            assertThat(reply.status()).as(malformed).isEqualTo(400);
            assertThat(reply.problemFields()).containsExactly("postcode");
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(search("&postcode=WC1H%208AB&near=100008").problemFields()).containsExactly("near");
        assertThat(search("&postcode=WC1H%208AB&lat=51.5&lon=-0.1").problemFields())
                .containsExactly("postcode");
    }
}
