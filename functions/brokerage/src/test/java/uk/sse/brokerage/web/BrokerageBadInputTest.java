package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.testing.Api;
import uk.sse.testing.JsonDamage;

/**
 * Bad input gets a clear answer and changes nothing: every refusal is problem+json naming the field, no input is
 * answered 5xx, and the brokerage table holds exactly what it held before.
 */
@MicronautTest(environments = "test")
class BrokerageBadInputTest extends BrokerageLambdaTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    JsonMapper json;

    String offer;
    String request;

    @BeforeAll
    void aRequestWithAProposal() {
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 100);
        offer = seeds.approvedOffer(HUB, "Maths mastery in key stage 1", List.of("CT.MATHS"), 30);
        request = raised(SCHOOL, List.of("CT.MATHS"), 40);
        Seeds.ok(
                step(
                        seeds.broker(),
                        request,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", offer, "days", 4, "credits", 30)))),
                200);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("an unknown URN", b -> b.put("urn", "999999"), 422, "/urn"),
                bad("a school in another area", b -> b.put("urn", Seeds.OTHER_AREA_SCHOOL), 422, "/urn"),
                bad("a URN of the wrong shape", b -> b.put("urn", "12ab"), 422, "/urn"),
                bad("a closed school", b -> b.put("urn", Seeds.CLOSED_SCHOOL), 422, "/urn"),
                bad(
                        "an unknown area of support",
                        b -> b.put("areasOfSupport", List.of("CT.MATHS", "CT.NOPE")),
                        422,
                        "/areasOfSupport/1"),
                bad("no areas of support", b -> b.put("areasOfSupport", List.of()), 422, "/areasOfSupport"),
                bad(
                        "a repeated area of support",
                        b -> b.put("areasOfSupport", List.of("CT.MATHS", "CT.MATHS")),
                        422,
                        "/areasOfSupport"),
                bad("negative days", b -> b.put("daysWanted", -2), 422, "/daysWanted"),
                bad("fractional days", b -> b.put("daysWanted", 2.5), 422, "/daysWanted"),
                bad("too many days", b -> b.put("daysWanted", 366), 422, "/daysWanted"),
                bad("days as text", b -> b.put("daysWanted", "4"), 400, "/daysWanted"),
                bad(
                        "a date in the past",
                        b -> b.put("wantedBy", LocalDate.now().minusDays(1).toString()),
                        422,
                        "/wantedBy"),
                bad("not a date", b -> b.put("wantedBy", "next term"), 400, "/wantedBy"),
                bad("no credits", b -> b.put("credits", 0), 422, "/credits"),
                bad("astronomical credits", b -> b.put("credits", 1e30), 422, "/credits"),
                bad("a huge need", b -> b.put("need", "x".repeat(4001)), 422, "/need"),
                bad("a blank need", b -> b.put("need", "   "), 422, "/need"),
                bad("an unknown urgency", b -> b.put("urgency", "SOON"), 400, "/urgency"),
                bad(
                        "an unknown delivery mode",
                        b -> b.put("deliveryModes", List.of("TELEPATHY")),
                        400,
                        "/deliveryModes"),
                bad("no urgency", b -> b.remove("urgency"), 422, "/urgency"),
                bad("an unknown field", b -> b.put("priority", "top"), 400, "/priority"));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> change, int status, String field) {
        return Arguments.of(what, change, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedNamingItsFieldAndStoresNothing(
            String what, Consumer<Map<String, Object>> change, int status, String field) {
        Map<String, Object> body = new HashMap<>(need(SCHOOL, List.of("CT.MATHS"), 10));
        change.accept(body);
        long items = items();
        Api.Reply reply = raise(seeds.adviser(), body, UUID.randomUUID().toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemFields()).as(reply.body()).contains(field);
        assertThat(items()).isEqualTo(items);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClosedSchoolIsRefusedInPlainWordsAgainstTheSchoolAndNothingIsStored() {
        long items = items();
        Api.Reply reply = raise(
                seeds.adviser(),
                need(Seeds.CLOSED_SCHOOL, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat((List<Map<String, Object>>) reply.map().get("errors"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("field")).isEqualTo("/urn");
                    assertThat((String) e.get("message"))
                            .isEqualTo("Northern Primary School is closed (the register says since 31 August 2024): "
                                    + "requests are raised only for open schools");
                });
        assertThat(items()).isEqualTo(items);
        Api.Reply school = raise(
                seeds.school(Seeds.CLOSED_SCHOOL),
                need(Seeds.CLOSED_SCHOOL, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(school.status()).as("its permission is checked first").isEqualTo(403);
        assertThat(items()).isEqualTo(items);
    }

    @Test
    void malformedOversizedOrUnkeyedRequestsAreRefusedAndStoreNothing() {
        long items = items();
        Api.Reply noKey = raise(seeds.adviser(), need(SCHOOL, List.of("CT.MATHS"), 10), null);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.problemFields()).containsExactly("Idempotency-Key");
        assertThat(raise(seeds.adviser(), need(SCHOOL, List.of("CT.MATHS"), 10), "k".repeat(300))
                        .problemFields())
                .containsExactly("Idempotency-Key");
        Api.Reply malformed = api.send(Api.auth(
                HttpRequest.POST("/requests", "{\"urn\": \"119155\",")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "k1"),
                seeds.adviser()));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        Map<String, Object> huge = new HashMap<>(need(SCHOOL, List.of("CT.MATHS"), 10));
        huge.put("need", "x".repeat(70_000));
        assertThat(raise(seeds.adviser(), huge, "k2").status()).isEqualTo(413);
        assertThat(items()).isEqualTo(items);
    }

    @Test
    void randomlyDamagedRequestsAreNeverAServerError() throws Exception {
        Random random = new Random(20261202);
        String valid = json.writeValueAsString(need(SCHOOL, List.of("CT.MATHS"), 10));
        int created = 0;
        for (int i = 0; i < 120; i++) {
            String damaged = JsonDamage.damage(valid, random, 3);
            Api.Reply reply = api.send(Api.auth(
                    HttpRequest.POST("/requests", damaged)
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Idempotency-Key", "damaged-" + i),
                    seeds.adviser()));
            assertThat(reply.status()).as(damaged + ": " + reply.body()).isLessThan(500);
            if (reply.status() == 201) {
                created++;
            } else {
                assertThat(reply.contentType()).as(damaged).startsWith("application/problem+json");
                assertThat(reply.status()).as(damaged).isIn(400, 422);
            }
        }
        assertThat(created).as("some damage leaves a valid body").isPositive();
    }

    static Stream<Arguments> badSteps() {
        return Stream.of(
                Arguments.of("a step without a version", "proposals/P1/accept", Map.of(), 422, "/version"),
                Arguments.of("a version as text", "proposals/P1/accept", Map.of("version", "2"), 400, "/version"),
                Arguments.of("a stale version", "proposals/P1/accept", Map.of("version", 1), 409, "/version"),
                Arguments.of(
                        "a proposal of nothing",
                        "proposals",
                        Map.of("version", 2, "offers", List.of()),
                        422,
                        "/offers"),
                Arguments.of(
                        "an unknown offer",
                        "proposals",
                        Map.of("version", 2, "offers", List.of(Map.of("offerId", "off_nope", "days", 1, "credits", 1))),
                        422,
                        "/offers/0/offerId"),
                Arguments.of(
                        "zero days proposed",
                        "proposals",
                        Map.of("version", 2, "offers", List.of(Map.of("offerId", "x", "days", 0, "credits", 1))),
                        422,
                        "/offers/0/days"),
                Arguments.of(
                        "a decline without a reason", "proposals/P1/decline", Map.of("version", 2), 422, "/reason"),
                Arguments.of("an unknown proposal", "proposals/P9/accept", Map.of("version", 2), 404, "proposalId"),
                Arguments.of(
                        "a proposal id of the wrong shape",
                        "proposals/X1/accept",
                        Map.of("version", 2),
                        422,
                        "proposalId"),
                Arguments.of(
                        "a rating out of range",
                        "evaluations",
                        Map.of("version", 2, "rating", "IMPACT", "score", 6),
                        422,
                        "/score"),
                Arguments.of(
                        "an unknown rating",
                        "evaluations",
                        Map.of("version", 2, "rating", "GREAT", "score", 3),
                        400,
                        "/rating"),
                Arguments.of(
                        "negative days delivered",
                        "complete",
                        Map.of("version", 2, "daysDelivered", -1),
                        422,
                        "/daysDelivered"),
                Arguments.of(
                        "a huge cancellation reason",
                        "cancel",
                        Map.of("version", 2, "reason", "x".repeat(2001)),
                        422,
                        "/reason"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSteps")
    void aBadStepIsRefusedNamingItsFieldAndChangesNothing(
            String what, String step, Map<String, Object> body, int status, String field) {
        Api.Reply before = read(seeds.broker(), request);
        long items = items();
        String bearer = step.startsWith("proposals/")
                ? seeds.token(uk.sse.kernel.identity.Role.PROVIDER, Seeds.AREA, HUB)
                : step.equals("evaluations") ? seeds.adviser() : seeds.broker();
        Api.Reply reply = api.post("/requests/" + request + "/" + step, bearer, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemFields()).as(reply.body()).contains(field);
        assertThat(read(seeds.broker(), request).body()).isEqualTo(before.body());
        assertThat(items()).isEqualTo(items);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIllegalStepIsAConflictNamingWhatIsAllowed() {
        Api.Reply start = step(seeds.broker(), request, "start", 2);
        assertThat(start.status()).as(start.body()).isEqualTo(409);
        assertThat(start.map().get("type").toString()).endsWith("/brokerage/illegal-transition");
        assertThat((List<String>) start.map().get("allowed"))
                .containsExactly("PROPOSE", "ACCEPT", "DECLINE", "CANCEL", "WITHDRAW");
        Api.Reply stale = step(seeds.broker(), request, "start", 1);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.map().get("type").toString()).endsWith("/brokerage/stale-version");
        assertThat((List<String>) stale.map().get("allowed")).contains("PROPOSE");
        assertThat(api.get("/requests/not.an.id", seeds.broker()).problemFields())
                .containsExactly("id");
        assertThat(api.get("/requests?status=LOST", seeds.broker()).status()).isEqualTo(400);
        assertThat(api.get("/requests?areaOfSupport=NOPE", seeds.broker()).problemFields())
                .containsExactly("areaOfSupport");
        assertThat(api.get("/requests?limit=1000", seeds.broker()).problemFields())
                .containsExactly("limit");
        assertThat(api.get("/requests?cursor=xyz", seeds.broker()).problemFields())
                .containsExactly("cursor");
    }

    private long items() {
        return dynamo.scanPaginator(b -> b.tableName(world.table("brokerage")).consistentRead(true)).items().stream()
                .count();
    }
}
