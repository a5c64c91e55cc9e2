package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;

/**
 * Issue 13, points 6 and 7, at the brokerage's edge, through the Lambda handler: text no store can hold in the need,
 * dates written as numbers, errors that would quote the parser or name a class, forged and other listings' cursors,
 * unknown query parameters, a throttled table, and another area's admin. Each is answered without a 5xx, names what is
 * wrong, and stores nothing.
 */
@MicronautTest(environments = "test")
class BrokerageEdgeTest extends BrokerageLambdaTest {

    LambdaInstance throttled;

    @BeforeAll
    void register() {
        seeds.registerAndOpenAccounts();
        throttled = world.brokerage(Map.of("sse.test.throttles", "on"));
    }

    @AfterAll
    void close() {
        throttled.close();
    }

    private Api.Reply raiseRaw(String body) {
        return throttledOff()
                .send(
                        "POST",
                        "/requests",
                        seeds.adviser(),
                        body,
                        Map.of("idempotency-key", UUID.randomUUID().toString()));
    }

    private LambdaInstance throttledOff() {
        Throttles.on = false;
        return throttled;
    }

    private static String raiseBody(String need, String wantedBy, String urgency) {
        return "{\"urn\":\"" + SCHOOL + "\",\"areasOfSupport\":[\"CT.MATHS\"],\"need\":\"" + need + "\",\"urgency\":"
                + urgency + ",\"daysWanted\":2,\"wantedBy\":" + wantedBy + ",\"credits\":10}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a NUL in the need                  | a\\u0000b                   | \"2099-01-01\"             | \"HIGH\"  | /need",
                "a lone surrogate in the need       | a\\udc00b                   | \"2099-01-01\"             | \"HIGH\"  | /need",
                "a terminal escape in the need      | \\u001b]8;;http://x\\u0007  | \"2099-01-01\"             | \"HIGH\"  | /need",
                "days since 1970 as a number        | help                        | 20000                      | \"HIGH\"  | /wantedBy",
                "days since 1970 as digits          | help                        | \"20000\"                  | \"HIGH\"  | /wantedBy",
                "Arabic-Indic digits                | help                        | \"\\u0662\\u0660\\u0669\\u0669-\\u0660\\u0661-\\u0660\\u0661\" | \"HIGH\" | /wantedBy",
                "an unknown urgency                 | help                        | \"2099-01-01\"             | \"NOW\"   | /urgency",
                "an urgency as a number             | help                        | \"2099-01-01\"             | 3         | /urgency"
            })
    void aBadRaiseNamesItsFieldWithoutQuotingTheParserAndStoresNothing(
            String what, String need, String wantedBy, String urgency, String field) {
        int before = areaRequests();
        Api.Reply reply = raiseRaw(raiseBody(need, wantedBy, urgency));
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.problemFields()).containsExactly(field);
        assertThat(reply.body())
                .doesNotContain("RaiseBody", "uk.sse", "io.micronaut", "Exception", "Source:", "Unrecognized");
        assertThat(areaRequests()).isEqualTo(before);
    }

    @Test
    void aNeedOnSeveralLinesIsKeptAndNormalised() {
        Api.Reply reply =
                raiseRaw(raiseBody("Year 2:\\r\\n- number bonds\\n- Cafe\\u0301 maths", "\"2099-01-01\"", "\"HIGH\""));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.map().get("need")).isEqualTo("Year 2:\n- number bonds\n- Caf\u00e9 maths");
    }

    @Test
    void forgedAndOtherListingsCursorsAreA422AndUnknownParametersA400() {
        String adviser = seeds.adviser();
        for (int i = 0; i < 3; i++) {
            raiseRaw(raiseBody("need " + i, "\"2099-01-01\"", "\"HIGH\""));
        }
        String areaCursor = (String) throttledOff()
                .get("/requests?listing=area&limit=1", adviser)
                .map()
                .get("next");
        assertThat(areaCursor).isNotNull();
        for (String path : List.of(
                "/requests?listing=queue&cursor=" + areaCursor,
                "/requests?listing=school&cursor=" + areaCursor,
                "/requests?cursor=Zm9yZ2Vk",
                "/requests?cursor=" + "A".repeat(300))) {
            String who =
                    path.contains("school") ? seeds.school(SCHOOL) : path.contains("queue") ? seeds.broker() : adviser;
            Api.Reply reply = throttledOff().get(path, who);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(422);
            assertThat(reply.problemFields()).containsExactly("cursor");
        }
        for (String parameter : List.of("statuss=OPEN", "postcode=PR2", "radius=5", "format=csv", "levle=1")) {
            Api.Reply reply = throttledOff().get("/requests?" + parameter, adviser);
            assertThat(reply.status()).as(parameter).isEqualTo(400);
            assertThat(reply.problemFields()).containsExactly(parameter.substring(0, parameter.indexOf('=')));
        }
    }

    @Test
    void aThrottledListingIsA503WithRetryAfter() {
        Throttles.on = true;
        try {
            Api.Reply reply = throttled.get("/requests?listing=area", seeds.adviser());
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isNotBlank();
            assertThat(reply.contentType()).startsWith("application/problem+json");
        } finally {
            Throttles.on = false;
        }
    }

    @Test
    void anotherAreasAdminNeitherReadsNorListsTheAreasRequests() {
        Api.Reply raised = raiseRaw(raiseBody("scope", "\"2099-01-01\"", "\"HIGH\""));
        String id = (String) raised.map().get("id");
        String adminHere = seeds.token(Role.ADMIN, AREA, "la-" + AREA);
        String adminElsewhere = seeds.token(Role.ADMIN, Seeds.OTHER_AREA, "la-" + Seeds.OTHER_AREA);
        assertThat(throttledOff().get("/requests/" + id, adminHere).status()).isEqualTo(200);
        assertThat(throttledOff().get("/requests/" + id, adminElsewhere).status())
                .isEqualTo(404);
        Api.Reply listed = throttledOff().get("/requests?listing=area&limit=100", adminElsewhere);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(id);
    }

    private int areaRequests() {
        Api.Reply page = throttledOff().get("/requests?listing=area&limit=100", seeds.adviser());
        return ((List<?>) page.map().get("items")).size();
    }
}
