package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.web.Fixtures;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.testing.Api;

/** Whatever is typed, search answers with results or none, never a failure; over-long text is refused by name. */
@MicronautTest(environments = "test")
class SearchInputTest extends SearchTest {

    static final List<String> HOSTILE = List.of(
            "\"",
            "\"phonics",
            "'",
            "\\",
            "\\\"",
            "(",
            ")",
            "((phonics)",
            "[",
            "{",
            "}",
            "*",
            "*:*",
            "?",
            "~",
            "^",
            "!",
            "/",
            "phonics~2",
            "phon*",
            "/phon.*/",
            "title:phonics",
            "_id:1",
            "status:DRAFT OR status:WITHDRAWN",
            "OR",
            "AND",
            "NOT",
            "phonics AND NOT reading",
            "+-&&||!(){}[]^\"~*?:\\/",
            "a:b:c",
            "{\"match_all\":{}}",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%",
            "%00",
            "\u0000",
            "\t\n\r",
            "   ",
            "\u200b",
            "\ufeffphonics",
            "😀",
            "📚 phonics 📚",
            "👩‍👩‍👧‍👦",
            "مرحبا",
            "שלום",
            "数学",
            "Ünïcödé façade",
            "\ud83d",
            "ﬁ",
            "İstanbul",
            "phonics".repeat(28),
            "a ".repeat(100),
            "x".repeat(200),
            "é".repeat(200),
            "的".repeat(200),
            "😀".repeat(50),
            "phonics ".repeat(25),
            "phonics,".repeat(25),
            "early-reading,".repeat(14),
            "phonics,send,eal,maths,semh,asd,slcn,spld,ks1,ks2,ks3,ks4,eyfs,pp,ect,cpd,mfl,pshe,governance,safeguarding",
            "phonics send eal maths semh asd slcn spld ks1 ks2 ks3 ks4 eyfs pp ect cpd mfl pshe governance safeguarding",
            "early reading key stage 1 special educational needs social emotional and mental health",
            "1e309",
            "-1",
            "NaN",
            "null",
            "undefined",
            "${jndi:ldap://x/a}",
            "../../etc/passwd");

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
                List.of(Map.of("urn", "100008", "name", "Argyle Primary School", "laCode", "202", "version", 1)));
        adviser = fixtures.token(Role.ADVISER, Fixtures.AREA, null);
    }

    Api.Reply get(String path, String q) {
        return api.get(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), adviser);
    }

    @Test
    void hostileTextNeverFails() {
        for (String text : HOSTILE) {
            var offers = get("/search/offers", text);
            assertThat(offers.status()).as("offers %s: %s", text, offers.body()).isIn(200, 422);
            if (offers.status() == 200) {
                assertThat(ids(offers)).as(text).doesNotContainAnyElementsOf(Corpus.HIDDEN);
            } else {
                assertThat(offers.problemFields()).as(text).containsExactly("q");
            }
            String shorter = text.length() > 50 ? text.substring(0, 50) : text;
            var suggest = get("/search/suggest", shorter);
            assertThat(suggest.status())
                    .as("suggest %s: %s", shorter, suggest.body())
                    .isIn(200, 422);
            var schools = get("/schools/search", shorter);
            assertThat(schools.status())
                    .as("schools %s: %s", shorter, schools.body())
                    .isIn(200, 422);
        }
    }

    @Test
    void queryStringSyntaxIsJustText() {
        // punctuation is never syntax: text with no words in it is refused, never read as "everything"
        for (String nothing : List.of("*", "*:*", "/.*/", "???", "\"\"", "😀", "-", "()")) {
            var reply = get("/search/offers", nothing);
            assertThat(reply.status()).as(nothing).isEqualTo(422);
            assertThat(reply.problemFields()).as(nothing).containsExactly("q");
        }
        // nothing typed at all is no text: every visible offer
        assertThat(ids(get("/search/offers", "   ")))
                .containsExactlyInAnyOrderElementsOf(ids(api.get("/search/offers", adviser)));
        assertThat(ids(get("/search/offers", "status:DRAFT OR status:WITHDRAWN")))
                .doesNotContainAnyElementsOf(Corpus.HIDDEN);
        assertThat(ids(get("/search/offers", "\"phonics")).get(0)).isEqualTo("phonics-ks1");
        assertThat(ids(get("/search/offers", "📚 phonics 📚")).get(0)).isEqualTo("phonics-ks1");
    }

    @Test
    void pagesBeyondReachAndPlacesThatAreNotNumbersAreRefusedByName() {
        // page * size overflowing an int used to pass the check and reach OpenSearch as a negative offset
        for (String page : List.of("100000000", "2147483647", "42949673")) {
            var reply = api.get("/search/offers?size=50&page=" + page, adviser);
            assertThat(reply.status()).as(page).isEqualTo(422);
            assertThat(reply.problemFields()).containsExactly("page");
        }
        for (String[] bad : new String[][] {
            {"NaN", "0", "lat"},
            {"0", "NaN", "lon"},
            {"Infinity", "0", "lat"},
            {"0", "-Infinity", "lon"},
            {"1e309", "0", "lat"}
        }) {
            var reply = api.get("/search/offers?lat=" + bad[0] + "&lon=" + bad[1], adviser);
            assertThat(reply.status()).as(String.join(",", bad)).isBetween(400, 422);
            assertThat(reply.problemFields())
                    .as(String.join(",", bad))
                    .isNotEmpty()
                    .containsOnly(bad[2]);
        }
    }

    @Test
    void tooMuchTextIsRefusedByName() {
        var offers = get("/search/offers", "x".repeat(201));
        assertThat(offers.status()).isEqualTo(422);
        assertThat(offers.problemFields()).containsExactly("q");
        assertThat(get("/search/offers", "x".repeat(200)).status()).isEqualTo(200);
        assertThat(get("/search/suggest", "x".repeat(51)).problemFields()).containsExactly("q");
        assertThat(get("/search/suggest", "").problemFields()).containsExactly("q");
        assertThat(api.get("/search/suggest", adviser).problemFields()).containsExactly("q");
        assertThat(get("/schools/search", "x".repeat(101)).problemFields()).containsExactly("q");
        assertThat(api.get("/schools/search?q=argyle&limit=51", adviser).problemFields())
                .containsExactly("limit");
        assertThat(api.get("/schools/search?q=argyle&la=20", adviser).problemFields())
                .containsExactly("la");
    }
}
