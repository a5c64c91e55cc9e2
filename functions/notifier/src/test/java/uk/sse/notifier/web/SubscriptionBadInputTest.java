package uk.sse.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.testing.Api;
import uk.sse.testing.JsonDamage;

/**
 * Every kind of bad input to the subscription API gets a 4xx problem+json naming the field, never a 500, and nothing
 * is stored: the area's subscriptions are exactly as they were.
 */
@MicronautTest
class SubscriptionBadInputTest extends NotifierLambdaTest {

    static final String AREA = "850";
    String broker;
    Notifiers.Made existing;

    @BeforeAll
    void setUp() {
        broker = notifiers().broker(AREA);
        existing = notifiers().subscribe(AREA, receiver.url("/kept"), "json", List.of("brokerage.request.created"));
    }

    Map<String, Object> valid() {
        Map<String, Object> body =
                Notifiers.body(receiver.url("/new"), "slack", new ArrayList<>(List.of("brokerage.request.created")));
        body.put(
                "filters", new LinkedHashMap<>(Map.of("areasOfSupport", List.of("INC"), "urgencies", List.of("HIGH"))));
        body.put("description", "Brokers");
        return body;
    }

    static Stream<Arguments> badBodies() {
        List<String> tooMany = IntStream.range(0, 31)
                .mapToObj(i -> "brokerage.request.created")
                .toList();
        return Stream.of(
                bad("url missing", 422, "/url", b -> b.remove("url")),
                bad("url null", 422, "/url", b -> b.put("url", null)),
                bad("url not a URL", 422, "/url", b -> b.put("url", "not a url")),
                bad("url as a number", 422, "/url", b -> b.put("url", 12)),
                bad("url as an object", 400, "/url", b -> b.put("url", Map.of("href", "https://x.test"))),
                bad("url over 2048 characters", 422, "/url", b -> b.put("url", "https://x.test/" + "a".repeat(2100))),
                bad("url plain http", 422, "/url", b -> b.put("url", "http://hooks.example.test/x")),
                bad("eventTypes missing", 422, "/eventTypes", b -> b.remove("eventTypes")),
                bad("eventTypes empty", 422, "/eventTypes", b -> b.put("eventTypes", List.of())),
                bad("eventTypes a string", 400, "/eventTypes", b -> b.put("eventTypes", "brokerage.request.created")),
                bad(
                        "eventTypes unknown",
                        422,
                        "/eventTypes/1",
                        b -> b.put("eventTypes", List.of("brokerage.request.created", "brokerage.request.exploded"))),
                bad(
                        "eventTypes repeated",
                        422,
                        "/eventTypes/1",
                        b -> b.put("eventTypes", List.of("brokerage.request.created", "brokerage.request.created"))),
                bad("eventTypes over thirty", 422, "/eventTypes", b -> b.put("eventTypes", tooMany)),
                bad(
                        "eventTypes a test message",
                        422,
                        "/eventTypes/0",
                        b -> b.put("eventTypes", List.of("notifier.subscription.test"))),
                bad("format missing", 422, "/format", b -> b.remove("format")),
                bad("format unknown", 422, "/format", b -> b.put("format", "xml")),
                bad("format in capitals", 422, "/format", b -> b.put("format", "SLACK")),
                bad("format a number", 422, "/format", b -> b.put("format", 1)),
                bad("filters a list", 400, "/filters", b -> b.put("filters", List.of("INC"))),
                bad(
                        "filters with an unknown field",
                        400,
                        "/filters/colour",
                        b -> b.put("filters", Map.of("colour", "red"))),
                bad(
                        "area of support unknown",
                        422,
                        "/filters/areasOfSupport/1",
                        b -> b.put("filters", Map.of("areasOfSupport", List.of("INC", "NOPE")))),
                bad(
                        "area of support repeated",
                        422,
                        "/filters/areasOfSupport/1",
                        b -> b.put("filters", Map.of("areasOfSupport", List.of("INC", "INC")))),
                bad(
                        "urgency unknown",
                        400,
                        "/filters/urgencies",
                        b -> b.put("filters", Map.of("urgencies", List.of("CRITICAL")))),
                bad(
                        "urgency repeated",
                        422,
                        "/filters/urgencies/1",
                        b -> b.put("filters", Map.of("urgencies", List.of("HIGH", "HIGH")))),
                bad("description over 200", 422, "/description", b -> b.put("description", "d".repeat(201))),
                bad("unknown field", 400, "/colour", b -> b.put("colour", "red")),
                bad("secret supplied", 400, "/secret", b -> b.put("secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
                // issue 13, point 7: an IPv4 literal in any form but the canonical one, and text no store or channel
                // holds
                bad("url an octal IPv4 literal", 422, "/url", b -> b.put("url", "https://0177.0.0.01/hook")),
                bad("url a decimal IPv4 literal", 422, "/url", b -> b.put("url", "https://2130706433/hook")),
                bad("url a hexadecimal IPv4 literal", 422, "/url", b -> b.put("url", "https://0x7f.0.0.1/hook")),
                bad("url with a lone surrogate", 400, "/url", b -> b.put("url", "https://hooks.example.test/\udc00")),
                bad("description with a NUL", 400, "/description", b -> b.put("description", "brokers\u0000")),
                bad("description on two lines", 400, "/description", b -> b.put("description", "brokers\nof 888")));
    }

    static Arguments bad(String name, int status, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, status, field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadSubscriptionIsRefusedNamingTheFieldAndStoresNothing(
            String name, int status, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = valid();
        change.accept(body);
        refused(status, field, () -> api.post("/subscriptions", broker, body));
        Map<String, Object> replaced = valid();
        change.accept(replaced);
        refused(status, field, () -> api.put("/subscriptions/" + existing.id(), broker, "\"v1\"", replaced));
    }

    @Test
    void malformedJsonIsA400() {
        for (String body : List.of(
                "{\"url\": ",
                "not json",
                "[1,2,3]",
                "{\"url\": \"x\",}",
                "",
                "null",
                "\"https://x.test\"",
                "{\"eventTypes\": [1e]}")) {
            for (String uri : List.of("/subscriptions", "/subscriptions/" + existing.id())) {
                var request = uri.equals("/subscriptions")
                        ? HttpRequest.POST(uri, body)
                        : HttpRequest.PUT(uri, body).header("If-Match", "\"v1\"");
                refused(-1, null, () -> api.send(Api.auth(request.contentType(MediaType.APPLICATION_JSON), broker)));
            }
        }
    }

    @Test
    void aBodyOver16KiBIsA413AndTheWrongMediaTypeA415() {
        Map<String, Object> body = valid();
        body.put("description", "x".repeat(17 * 1024));
        Api.Reply big = refused(413, "body", () -> api.post("/subscriptions", broker, body));
        assertThat(big.map()).containsEntry("status", 413);
        Api.Reply text = refused(
                415,
                null,
                () -> api.send(Api.auth(
                        HttpRequest.POST("/subscriptions", "url=x").contentType(MediaType.TEXT_PLAIN), broker)));
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void badParametersAndHeadersNameThemselves() {
        refused(422, "id", () -> api.get("/subscriptions/not-an-id", broker));
        refused(422, "id", () -> api.post("/subscriptions/sub_x/pause", broker, null));
        refused(422, "deliveryId", () -> api.get("/subscriptions/" + existing.id() + "/deliveries/nope", broker));
        refused(400, "status", () -> api.get("/subscriptions/" + existing.id() + "/deliveries?status=LOST", broker));
        refused(422, "limit", () -> api.get("/subscriptions?limit=0", broker));
        refused(422, "limit", () -> api.get("/subscriptions/" + existing.id() + "/deliveries?limit=101", broker));
        refused(422, "cursor", () -> api.get("/subscriptions?cursor=garbage!", broker));
        refused(
                422,
                "If-Match",
                () -> api.send(Api.auth(HttpRequest.POST("/subscriptions/" + existing.id() + "/pause", ""), broker)
                        .header("If-Match", "v1")));
        refused(428, "If-Match", () -> api.put("/subscriptions/" + existing.id(), broker, null, valid()));
        refused(412, null, () -> api.put("/subscriptions/" + existing.id(), broker, "\"v99\"", valid()));
        refused(
                422,
                "Idempotency-Key",
                () -> api.send(Api.auth(HttpRequest.POST("/subscriptions", valid()), broker)
                        .header("Idempotency-Key", "has space")));
    }

    /** Random damage to a valid body: whatever arrives, never a 5xx; what is accepted is a subscription like any other. */
    @Test
    void randomlyDamagedBodiesNeverCauseAServerError() {
        String valid = api.json(valid());
        Random random = new Random(20261201);
        int made = 0;
        for (int i = 0; i < 120; i++) {
            String damaged = JsonDamage.damage(valid, random, 3);
            Api.Reply reply = api.send(Api.auth(
                    HttpRequest.POST("/subscriptions", damaged).contentType(MediaType.APPLICATION_JSON),
                    notifiers().broker("851")));
            assertThat(reply.status()).as(damaged + ": " + reply.body()).isLessThan(500);
            if (reply.status() == 201) {
                made++;
            } else {
                assertThat(reply.contentType()).as(damaged).startsWith("application/problem+json");
                assertThat(reply.status()).as(damaged).isIn(400, 409, 422);
            }
        }
        assertThat(made).as("some damage leaves a valid body").isPositive();
    }

    private Api.Reply refused(int status, String field, java.util.function.Supplier<Api.Reply> call) {
        Map<String, Object> before = state();
        Api.Reply reply = call.get();
        if (status < 0) {
            assertThat(reply.status()).as(reply.body()).isBetween(400, 422);
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        }
        assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(reply.problemFields()).as(reply.body()).contains(field);
        }
        assertThat(state()).as("nothing stored or changed").isEqualTo(before);
        return reply;
    }

    private Map<String, Object> state() {
        Api.Reply list = api.get("/subscriptions?limit=100", broker);
        assertThat(list.status()).isEqualTo(200);
        return list.map();
    }
}
