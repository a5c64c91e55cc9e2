package uk.sse.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.testing.Api;

/**
 * Only an area's brokers and admins see and manage its subscriptions. Everyone else is refused: 403 where they ask for
 * the area's (to make or list), 404 for a subscription (it does not exist for them, exactly as a missing one does);
 * every refusal is problem+json and changes nothing.
 */
@MicronautTest
class SubscriptionAccessTest extends NotifierLambdaTest {

    static final String AREA = "840";
    static final String OTHER = "841";

    Notifiers.Made mine;
    String deliveryId;
    Map<String, String> strangers;

    @BeforeAll
    void subscribe() {
        mine = notifiers().subscribe(AREA, receiver.url("/mine"), "json", List.of("brokerage.request.created"));
        notifiers().subscribe(OTHER, receiver.url("/theirs"), "json", List.of("brokerage.request.created"));
        Api.Reply tested =
                api.post("/subscriptions/" + mine.id() + "/test", notifiers().broker(AREA), null);
        assertThat(tested.status()).isEqualTo(200);
        deliveryId = (String) ((Map<?, ?>) tested.map().get("delivery")).get("id");
        strangers = new LinkedHashMap<>();
        strangers.put("an adviser", tokens.bearer(Role.ADVISER, AREA, "adv-1"));
        strangers.put("a provider", tokens.bearer(Role.PROVIDER, AREA, "100001"));
        strangers.put("an assurer", tokens.bearer(Role.ASSURER, AREA, "qa-1"));
        strangers.put("a commissioner", tokens.bearer(Role.COMMISSIONER, AREA, "la-" + AREA));
        strangers.put("another area's broker", notifiers().broker(OTHER));
        strangers.put("another area's admin", notifiers().admin(OTHER));
        strangers.put("a broker of no area", tokens.bearer(Role.BROKER, null, "la-x"));
    }

    @Test
    void theAreasBrokersAndAdminsManageItsSubscriptions() {
        for (String who : List.of(
                notifiers().broker(AREA), notifiers().admin(AREA), tokens.bearer(Role.BROKER, AREA, "another-team"))) {
            Api.Reply listed = api.get("/subscriptions", who);
            assertThat(listed.status()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items =
                    (List<Map<String, Object>>) listed.map().get("items");
            assertThat(items).isNotEmpty().allSatisfy(s -> assertThat(s).containsEntry("area", AREA));
            assertThat(api.get("/subscriptions/" + mine.id(), who).status()).isEqualTo(200);
            assertThat(api.get("/subscriptions/" + mine.id() + "/deliveries", who)
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/subscriptions/" + mine.id() + "/deliveries/" + deliveryId, who)
                            .status())
                    .isEqualTo(200);
        }
        Api.Reply paused =
                api.post("/subscriptions/" + mine.id() + "/pause", notifiers().admin(AREA), null);
        assertThat(paused.status()).isEqualTo(200);
        Api.Reply resumed =
                api.post("/subscriptions/" + mine.id() + "/resume", notifiers().broker(AREA), null);
        assertThat(resumed.status()).isEqualTo(200);
    }

    @Test
    void nobodyElseMakesOrListsAnAreasSubscriptions() {
        strangers.forEach((name, who) -> {
            if (name.startsWith("another area's")) {
                Api.Reply theirs = api.get("/subscriptions", who);
                assertThat(theirs.status()).isEqualTo(200);
                assertThat(theirs.body()).as(name + " sees only its own area's").doesNotContain(mine.id());
                return;
            }
            denied(name, 403, () -> api.get("/subscriptions", who));
            denied(
                    name,
                    403,
                    () -> api.post(
                            "/subscriptions",
                            who,
                            Notifiers.body(receiver.url("/x"), "json", List.of("brokerage.request.created"))));
        });
        assertThat((List<?>) api.get("/subscriptions", notifiers().broker(AREA))
                        .map()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void toEveryoneElseASubscriptionDoesNotExist() {
        Api.Reply missing = api.get(
                "/subscriptions/sub_01M90000000000000000000000", notifiers().broker(AREA));
        assertThat(missing.status()).isEqualTo(404);
        int received = receiver.all().size();
        strangers.forEach((name, who) -> {
            String path = "/subscriptions/" + mine.id();
            Api.Reply hidden = denied(name, 404, () -> api.get(path, who));
            assertThat(hidden.map().get("type"))
                    .as("looks exactly like a missing one")
                    .isEqualTo(missing.map().get("type"));
            denied(
                    name,
                    404,
                    () -> api.put(
                            path,
                            who,
                            "\"v1\"",
                            Notifiers.body(receiver.url("/x"), "json", List.of("brokerage.request.created"))));
            denied(name, 404, () -> api.post(path + "/pause", who, null));
            denied(name, 404, () -> api.post(path + "/resume", who, null));
            denied(name, 404, () -> api.post(path + "/rotate-secret", who, null));
            denied(name, 404, () -> api.post(path + "/test", who, null));
            denied(name, 404, () -> api.get(path + "/deliveries", who));
            denied(name, 404, () -> api.get(path + "/deliveries/" + deliveryId, who));
            denied(name, 404, () -> api.post(path + "/deliveries/" + deliveryId + "/replay", who, null));
            denied(name, 404, () -> api.send(Api.auth(HttpRequest.DELETE(path), who)));
        });
        assertThat(receiver.all()).as("no stranger's test message went out").hasSize(received);
    }

    /** Decision 0080: a subscription is managed through a membership of its area, whichever hat is worn; none lent across. */
    @Test
    void aPersonOfSeveralMembershipsManagesAnAreasSubscriptionsOnlyThroughAMembershipOfThatArea() {
        String adviserHereBrokerThere = severalHats(
                new Membership(Role.ADVISER, AREA, null), new Membership(Role.BROKER, OTHER, "la-" + OTHER));
        String path = "/subscriptions/" + mine.id();
        denied("an adviser here who brokers there", 404, () -> api.get(path, adviserHereBrokerThere));
        denied("an adviser here who brokers there", 404, () -> api.post(path + "/pause", adviserHereBrokerThere, null));
        denied(
                "an adviser here who brokers there, wearing the adviser's hat",
                403,
                () -> api.get("/subscriptions", adviserHereBrokerThere));
        Api.Reply theirs = api.send(Api.auth(HttpRequest.GET("/subscriptions"), adviserHereBrokerThere)
                .header("Membership", "BROKER@" + OTHER + "/la-" + OTHER));
        assertThat(theirs.status())
                .as("wearing the broker's hat, the other area's")
                .isEqualTo(200);
        assertThat(theirs.body()).doesNotContain(mine.id());

        String brokerThereAdminHere = severalHats(
                new Membership(Role.BROKER, OTHER, "la-" + OTHER), new Membership(Role.ADMIN, AREA, "la-" + AREA));
        assertThat(api.get(path, brokerThereAdminHere).status())
                .as("the admin's membership, not the hat, grants it")
                .isEqualTo(200);
        assertThat(api.post(path + "/pause", brokerThereAdminHere, null).status())
                .isEqualTo(200);
        assertThat(api.post(path + "/resume", brokerThereAdminHere, null).status())
                .isEqualTo(200);
    }

    private String severalHats(Membership... memberships) {
        return tokens.signed(TokenClaims.person(
                tokens.identity(),
                "several-" + List.of(memberships).hashCode(),
                List.of(memberships),
                java.time.Duration.ofMinutes(10)));
    }

    @Test
    void withoutAValidTokenEverythingIs401() {
        for (String who : java.util.Arrays.asList(
                null, "Bearer not-a-jwt", tokens.bearer(Role.BROKER, AREA, "x").replace("Bearer ", "Bearer x"))) {
            denied("token " + who, 401, () -> api.get("/subscriptions", who));
            denied("token " + who, 401, () -> api.get("/subscriptions/" + mine.id(), who));
            denied(
                    "token " + who,
                    401,
                    () -> api.post(
                            "/subscriptions",
                            who,
                            Notifiers.body(receiver.url("/x"), "json", List.of("brokerage.request.created"))));
        }
    }

    @Test
    void onlyAnAdminMaySubscribeToTheNotifiersOwnEvents() {
        Map<String, Object> body =
                Notifiers.body(receiver.url("/told"), "json", List.of("notifier.subscription.disabled"));
        Api.Reply broker = api.post("/subscriptions", notifiers().broker(AREA), body);
        assertThat(broker.status()).isEqualTo(422);
        assertThat(broker.problemFields()).containsExactly("/eventTypes/0");
        assertThat(broker.body()).contains("admins only");
        Api.Reply admin = api.post("/subscriptions", notifiers().admin(AREA), body);
        assertThat(admin.status()).as(admin.body()).isEqualTo(201);
        String id = (String) ((Map<?, ?>) admin.map().get("subscription")).get("id");
        // a broker may manage it, but not keep the admins' event in it
        Api.Reply edit = api.put("/subscriptions/" + id, notifiers().broker(AREA), "\"v1\"", body);
        assertThat(edit.status()).isEqualTo(422);
        assertThat(api.send(Api.auth(
                                HttpRequest.DELETE("/subscriptions/" + id),
                                notifiers().admin(AREA)))
                        .status())
                .isEqualTo(204);
    }

    private Api.Reply denied(String who, int status, Supplier<Api.Reply> call) {
        Map<String, Object> before = notifiers().subscription(AREA, mine.id());
        Api.Reply reply = call.get();
        assertThat(reply.status()).as(who + ": " + reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(who).startsWith("application/problem+json");
        assertThat(notifiers().subscription(AREA, mine.id()))
                .as(who + " changed nothing")
                .isEqualTo(before);
        return reply;
    }
}
