package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.sse.testing.Api;
import uk.sse.testing.JsonDamage;

/** Every kind of bad input gets a 4xx problem naming the field, and nothing is written. */
@MicronautTest(environments = "test")
class BadInputTest extends LambdaTest {

    static final String URN = "100006";

    String provider;

    @BeforeAll
    void register() {
        provider = fixtures.registeredProvider(URN);
    }

    static Stream<Arguments> badOffers() {
        return Stream.of(
                bad("unknown field", 400, "/colour", b -> b.put("colour", "red")),
                bad("wrong type for a number", 400, "/priceCredits", b -> b.put("priceCredits", "thirty")),
                bad("a fraction where whole credits are due", 422, "/priceCredits", b -> b.put("priceCredits", 12.5)),
                bad("wrong type for a list", 400, "/phases", b -> b.put("phases", "PRIMARY")),
                bad("unknown enum value", 400, "/phases", b -> b.put("phases", List.of("UNIVERSITY"))),
                bad(
                        "unknown delivery mode",
                        400,
                        "/deliveryModes",
                        b -> b.put("deliveryModes", List.of("CARRIER_PIGEON"))),
                bad("not a date", 400, "/availableFrom", b -> b.put("availableFrom", "next Tuesday")),
                bad("missing title", 422, "/title", b -> b.remove("title")),
                bad("missing contact", 422, "/contact", b -> b.remove("contact")),
                bad("null price", 422, "/priceCredits", b -> b.put("priceCredits", null)),
                bad("empty areas", 422, "/areasOfSupport", b -> b.put("areasOfSupport", List.of())),
                bad("title too long", 422, "/title", b -> b.put("title", "x".repeat(151))),
                bad("description too long", 422, "/description", b -> b.put("description", "x".repeat(5001))),
                bad(
                        "bad contact email",
                        422,
                        "/contact/email",
                        b -> b.put("contact", Map.of("name", "A", "email", "not-an-email"))),
                bad(
                        "unknown taxonomy code",
                        422,
                        "/areasOfSupport/1",
                        b -> b.put("areasOfSupport", List.of("CT.READ", "CT.UNDERWATER"))),
                bad("negative price", 422, "/priceCredits", b -> b.put("priceCredits", -1)),
                bad("price out of range", 422, "/priceCredits", b -> b.put("priceCredits", 100_001)),
                bad("capacity not in half days", 422, "/capacityDaysPerTerm", b -> b.put("capacityDaysPerTerm", 1.3)),
                bad("capacity zero", 422, "/capacityDaysPerTerm", b -> b.put("capacityDaysPerTerm", 0)),
                bad("a fraction of a kilometre", 422, "/travelRadiusKm", b -> b.put("travelRadiusKm", 2.5)),
                bad(
                        "a number too big for any field",
                        422,
                        "/priceCredits",
                        b -> b.put("priceCredits", new java.math.BigDecimal("1e30"))),
                bad("travel too far", 422, "/travelRadiusKm", b -> b.put("travelRadiusKm", 5000)),
                bad(
                        "latitude off the map",
                        422,
                        "/location/lat",
                        b -> b.put("location", Map.of("lat", 95.0, "lon", 0.1))),
                bad("window ends before it starts", 422, "/availableUntil", b -> {
                    b.put("availableFrom", "2027-05-01");
                    b.put("availableUntil", "2027-01-01");
                }),
                bad(
                        "a link that is not a web address",
                        422,
                        "/evidence/links/0",
                        b -> b.put("evidence", Map.of("links", List.of("javascript:alert(1)")))),
                bad("a provider id of the wrong shape", 422, "/providerId", b -> b.put("providerId", "../../etc")),
                // issue 13, point 7: text every store and channel can hold, dates written as dates
                bad("a NUL in the title", 400, "/title", b -> b.put("title", "Phonics\u0000catch-up")),
                bad(
                        "a lone surrogate in the description",
                        400,
                        "/description",
                        b -> b.put("description", "good \ud83d support")),
                bad(
                        "an escape sequence in the contact's name",
                        400,
                        "/contact/name",
                        b -> b.put("contact", Map.of("name", "\u001b[2J", "email", "a@b.example"))),
                bad("a line break in the title", 400, "/title", b -> b.put("title", "Phonics\ncatch-up")),
                bad(
                        "a NUL in an evidence link",
                        400,
                        "/evidence/links/0",
                        b -> b.put("evidence", Map.of("links", List.of("https://x.example/\u0000")))),
                bad("a date as days since 1970", 400, "/availableFrom", b -> b.put("availableFrom", 20000)),
                bad("a date as digits", 400, "/availableFrom", b -> b.put("availableFrom", "20000")));
    }

    static Arguments bad(String name, int status, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, status, field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOffers")
    void aBadOfferIsRefusedNamingTheFieldAndNothingIsStored(
            String name, int status, String field, Consumer<Map<String, Object>> change) {
        int before = offerCount();
        Map<String, Object> body = new HashMap<>(Fixtures.offer(null));
        change.accept(body);
        var reply = api.post("/offers", provider, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.map()).containsEntry("status", status).containsKeys("type", "title", "detail");
        assertThat(reply.problemFields()).as(reply.body()).contains(field);
        assertThat(offerCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400() {
        for (String body : List.of("{\"title\": ", "not json", "[1,2,3]", "{\"title\": \"x\",}", "")) {
            var reply = api.send(
                    Api.auth(HttpRequest.POST("/offers", body).contentType(MediaType.APPLICATION_JSON), provider));
            assertThat(reply.status()).as(body).isBetween(400, 422);
            assertThat(reply.contentType()).as(body).startsWith("application/problem+json");
        }
    }

    @Test
    void aBodyOver256KiBIsA413() {
        Map<String, Object> body = new HashMap<>(Fixtures.offer(null));
        body.put("description", "x".repeat(270 * 1024));
        var reply = api.post("/offers", provider, body);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemFields()).containsExactly("body");
    }

    @Test
    void badPathsAndQueriesNameTheParameter() {
        var urn = api.get("/schools/12ab", provider);
        assertThat(urn.status()).isBetween(400, 422);
        assertThat(urn.problemFields()).contains("urn");
        var limit = api.get("/offers?limit=1000", provider);
        assertThat(limit.status()).isEqualTo(422);
        assertThat(limit.problemFields()).containsExactly("limit");
        var status = api.get("/offers?area=202&status=LOST", provider);
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.problemFields()).containsExactly("status");
        var notANumber = api.get("/offers?limit=ten", provider);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.problemFields()).containsExactly("limit");
        var area = api.get("/providers?area=%3Cscript%3E", provider);
        assertThat(area.status()).isBetween(400, 422);
        assertThat(area.problemFields()).contains("area");
        var missingArea = api.get("/providers", provider);
        assertThat(missingArea.status()).isEqualTo(400);
        assertThat(missingArea.problemFields()).as(missingArea.body()).containsExactly("area");
        var wrongMethod = api.send(Api.auth(HttpRequest.DELETE("/taxonomy"), provider));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        var wrongMediaType =
                api.send(Api.auth(HttpRequest.POST("/offers", "title=x").contentType(MediaType.TEXT_PLAIN), provider));
        assertThat(wrongMediaType.status()).isEqualTo(415);
        assertThat(wrongMediaType.contentType()).startsWith("application/problem+json");
        // issue 13, point 7: a misspelt or unknown parameter is refused by name, never silently ignored
        for (String path : List.of(
                "/offers?area=202&levle=1",
                "/providers?area=202&postcode=NW3",
                "/schools?q=Heath&radius=5",
                "/schools/100006?format=csv",
                "/taxonomy?lang=cy")) {
            var unknown = api.get(path, provider);
            assertThat(unknown.status()).as(path + ": " + unknown.body()).isEqualTo(400);
            assertThat(unknown.problemFields())
                    .as(path)
                    .containsExactly(path.substring(
                            path.lastIndexOf('&') < 0 ? path.indexOf('?') + 1 : path.lastIndexOf('&') + 1,
                            path.lastIndexOf('=')));
        }
        // a forged cursor, or one of another listing, is the client's to fix, never a 500
        String providersCursor =
                (String) api.get("/providers?area=202&limit=1", provider).map().get("next");
        for (String path : List.of(
                "/offers?area=202&status=APPROVED&cursor=Zm9yZ2Vk",
                "/providers?area=202&cursor=" + "Q".repeat(40),
                providersCursor == null
                        ? "/offers?area=202&cursor=bm90LW91cnM"
                        : "/offers?area=202&status=SUBMITTED&cursor=" + providersCursor)) {
            var forged = api.get(path, fixtures.token(uk.sse.kernel.identity.Role.ASSURER, "202", null));
            assertThat(forged.status()).as(path + ": " + forged.body()).isEqualTo(422);
            assertThat(forged.problemFields()).containsExactly("cursor");
        }
        var unknownRoute = api.get("/nowhere", provider);
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBadAssuranceActionIsRefused() {
        String id = (String) fixtures.draftOffer(URN, AREA).map().get("id");
        var unknown = api.post("/offers/" + id + "/assurance", provider, Map.of("action", "BLESS"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemFields()).containsExactly("/action");
        var missing = api.post("/offers/" + id + "/assurance", provider, Map.of("reason", "because"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.problemFields()).containsExactly("/action");
        var edit = api.post("/offers/" + id + "/assurance", provider, Map.of("action", "EDIT"));
        assertThat(edit.status()).isEqualTo(422);
        var badETag = api.send(Api.auth(
                HttpRequest.POST("/offers/" + id + "/assurance", Map.of("action", "SUBMIT"))
                        .header("If-Match", "yesterday"),
                provider));
        assertThat(badETag.status()).isEqualTo(422);
        assertThat(badETag.problemFields()).containsExactly("If-Match");
        assertThat(api.get("/offers/" + id, provider).map())
                .containsEntry("status", "DRAFT")
                .containsEntry("version", 1);
    }

    /** Random mutations of a valid body: whatever arrives, the answer is never a 5xx and nothing half-written stays. */
    @Test
    void randomlyDamagedBodiesNeverCauseAServerError() {
        Random random = new Random(20261123);
        String valid = api.json(Fixtures.offer(null));
        int before = offerCount();
        int created = 0;
        for (int i = 0; i < 150; i++) {
            String body = JsonDamage.damage(valid, random, 4);
            var reply = api.send(
                    Api.auth(HttpRequest.POST("/offers", body).contentType(MediaType.APPLICATION_JSON), provider));
            assertThat(reply.status()).as(body).isLessThan(500);
            if (reply.status() == 201) {
                created++;
            } else {
                assertThat(reply.contentType()).as(body).startsWith("application/problem+json");
                assertThat(reply.status()).as(body).isIn(400, 413, 415, 422);
            }
        }
        assertThat(offerCount()).isEqualTo(before + created);
    }

    @SuppressWarnings("unchecked")
    private int offerCount() {
        var reply = api.get("/offers?providerId=" + URN + "&limit=100", provider);
        assertThat(reply.status()).isEqualTo(200);
        List<Object> all = new ArrayList<>((List<Object>) reply.map().get("items"));
        String next = (String) reply.map().get("next");
        while (next != null) {
            var more = api.get("/offers?providerId=" + URN + "&limit=100&cursor=" + next, provider);
            all.addAll((List<Object>) more.map().get("items"));
            next = (String) more.map().get("next");
        }
        return all.size();
    }
}
