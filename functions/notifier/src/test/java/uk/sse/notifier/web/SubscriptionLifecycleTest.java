package uk.sse.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.brokerage.model.Urgency;
import uk.sse.notifier.model.SigningSecret;
import uk.sse.notifier.model.WebhookSignatures;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.notifier.testing.Receiver;
import uk.sse.testing.Api;

/**
 * A subscription's life through the API: made with its secret shown once (and sealed in the table), made again safely
 * with an Idempotency-Key, replaced under If-Match, paused and resumed, its secret rotated with a grace period,
 * tested, deleted; at most so many per area.
 */
@MicronautTest
class SubscriptionLifecycleTest extends NotifierLambdaTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Override
    protected Map<String, String> extra() {
        return Map.of("sse.notifier.max-subscriptions-per-area", "4");
    }

    @Test
    void theSecretIsShownOnceAndTheTableHoldsItSealed() {
        String area = "820";
        Api.Reply made = api.post(
                "/subscriptions",
                notifiers().broker(area),
                Notifiers.body(receiver.url("/once"), "slack", List.of("brokerage.request.created")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.header("Cache-Control")).isEqualTo("no-store");
        assertThat(made.header("ETag")).isEqualTo("\"v1\"");
        assertThat(made.header("Idempotent-Replayed")).isEqualTo("false");
        String secret = (String) made.map().get("secret");
        assertThat(SigningSecret.parse(secret)).isPresent();
        @SuppressWarnings("unchecked")
        Map<String, Object> subscription = (Map<String, Object>) made.map().get("subscription");
        String id = (String) subscription.get("id");
        assertThat(made.header("Location")).isEqualTo("/subscriptions/" + id);
        assertThat(subscription)
                .containsEntry("area", area)
                .containsEntry("status", "ACTIVE")
                .containsEntry("format", "slack")
                .containsEntry("createdBy", "broker-" + area + "-la-" + area)
                .containsEntry("version", 1);

        String key = Base64.getEncoder()
                .encodeToString(SigningSecret.parse(secret).orElseThrow().key());
        Api.Reply read = api.get("/subscriptions/" + id, notifiers().broker(area));
        assertThat(read.body()).doesNotContain(secret, key);
        Api.Reply listed = api.get("/subscriptions", notifiers().admin(area));
        assertThat(listed.body()).contains(id).doesNotContain(secret, key);

        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(settings.tableName())
                        .key(Map.of("pk", AttributeValue.fromS("SUB#" + id), "sk", AttributeValue.fromS("SUB"))))
                .item();
        assertThat(item.toString())
                .as("a table read alone does not reveal the secret")
                .doesNotContain(
                        key,
                        secret,
                        key.substring(0, 12),
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(SigningSecret.parse(secret)
                                        .orElseThrow()
                                        .key()));
        assertThat(item.get("secrets").l().get(0).m().get("sealed").s()).startsWith("k1:");
    }

    @Test
    void anIdempotencyKeyMakesARetrySafe() {
        String area = "821";
        String broker = notifiers().broker(area);
        Map<String, Object> body = Notifiers.body(receiver.url("/idem"), "json", List.of("brokerage.request.created"));
        Api.Reply first = api.send(
                Api.auth(HttpRequest.POST("/subscriptions", body), broker).header("Idempotency-Key", "sub-key-1"));
        Api.Reply again = api.send(
                Api.auth(HttpRequest.POST("/subscriptions", body), broker).header("Idempotency-Key", "sub-key-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.map().get("secret"))
                .as("the client never saw the first answer")
                .isEqualTo(first.map().get("secret"));
        assertThat(((Map<?, ?>) again.map().get("subscription")).get("id"))
                .isEqualTo(((Map<?, ?>) first.map().get("subscription")).get("id"));

        Map<String, Object> other =
                Notifiers.body(receiver.url("/idem-other"), "json", List.of("brokerage.request.created"));
        Api.Reply misused = api.send(
                Api.auth(HttpRequest.POST("/subscriptions", other), broker).header("Idempotency-Key", "sub-key-1"));
        assertThat(misused.status()).isEqualTo(422);
        assertThat(misused.problemFields()).containsExactly("Idempotency-Key");
        assertThat((List<?>) api.get("/subscriptions", broker).map().get("items"))
                .hasSize(1);
    }

    @Test
    void aReplaceNeedsTheCurrentETagAndChecksEverythingAgain() {
        String area = "822";
        String broker = notifiers().broker(area);
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/put"), "json", List.of("brokerage.request.created"));
        Map<String, Object> changed = Notifiers.body(
                receiver.url("/put-2"), "slack", List.of("brokerage.engagement.agreed", "directory.offer.submitted"));
        changed.put("filters", Map.of("areasOfSupport", List.of("CT"), "urgencies", List.of("URGENT")));
        changed.put("description", "  Brokers' channel  ");

        Api.Reply missing = api.put("/subscriptions/" + made.id(), broker, null, changed);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.problemFields()).containsExactly("If-Match");
        Api.Reply stale = api.put("/subscriptions/" + made.id(), broker, "\"v7\"", changed);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"v1\"");
        Api.Reply ok = api.put("/subscriptions/" + made.id(), broker, "\"v1\"", changed);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"v2\"");
        assertThat(ok.map())
                .containsEntry("url", receiver.url("/put-2"))
                .containsEntry("format", "slack")
                .containsEntry("eventTypes", List.of("brokerage.engagement.agreed", "directory.offer.submitted"))
                .containsEntry("description", "Brokers' channel")
                .containsEntry("version", 2)
                .containsEntry("filters", Map.of("areasOfSupport", List.of("CT"), "urgencies", List.of("URGENT")));
        Api.Reply again = api.put("/subscriptions/" + made.id(), broker, "\"v1\"", changed);
        assertThat(again.status()).as("the same old ETag is stale now").isEqualTo(412);
    }

    @Test
    void pausedNothingIsMadeAndWhatWasScheduledIsCancelledResumedItFlowsAgain() {
        String area = "823";
        String broker = notifiers().broker(area);
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/pause"), "json", List.of("brokerage.request.created"));
        receiver.script("/pause", Receiver.Answer.status(500));
        brokerage().raise(area, "R-p-1", "100001", "Pause School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        assertThat(receiver.await("/pause", 1, WAIT)).hasSize(1);

        Api.Reply paused = api.post("/subscriptions/" + made.id() + "/pause", broker, null);
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.map()).containsEntry("status", "PAUSED");
        brokerage().raise(area, "R-p-2", "100002", "Pause School", List.of("CT.READ"), "Maths", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        clock.advance(Duration.ofSeconds(10));
        pipeline().sweep();
        assertThat(receiver.received("/pause")).as("nothing sent while paused").hasSize(1);
        List<Map<String, Object>> deliveries = notifiers().deliveries(area, made.id());
        assertThat(deliveries).as("no delivery made for the event while paused").hasSize(1);
        assertThat(deliveries.get(0))
                .containsEntry("status", "CANCELLED")
                .containsEntry("lastReason", "its subscription is paused");

        Api.Reply pausedAgain = api.post("/subscriptions/" + made.id() + "/pause", broker, null);
        assertThat(pausedAgain.map())
                .as("pausing twice is one pause")
                .containsEntry("version", paused.map().get("version"));
        Api.Reply resumed = api.post("/subscriptions/" + made.id() + "/resume", broker, paused.header("ETag"));
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.map()).containsEntry("status", "ACTIVE");
        brokerage().raise(area, "R-p-3", "100003", "Pause School", List.of("CT.READ"), "Science", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        assertThat(receiver.await("/pause", 2, WAIT)).hasSize(2);
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneUntilItsGraceEnds() throws Exception {
        String area = "824";
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/rotate"), "json", List.of("brokerage.request.created"));
        Api.Reply rotated = api.post(
                "/subscriptions/" + made.id() + "/rotate-secret", notifiers().broker(area), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.header("Cache-Control")).isEqualTo("no-store");
        String fresh = (String) rotated.map().get("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(made.secret());
        @SuppressWarnings("unchecked")
        Map<String, Object> signing =
                (Map<String, Object>) ((Map<String, Object>) rotated.map().get("subscription")).get("signing");
        Instant until = Instant.parse((String) signing.get("previousSignsUntil"));
        assertThat(Duration.between(Instant.parse((String) signing.get("currentSince")), until))
                .isEqualTo(Duration.ofHours(24));

        brokerage().raise(area, "R-rot-1", "100001", "Rota School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        Receiver.Request during = receiver.await("/rotate", 1, WAIT).get(0);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        for (String secret : List.of(made.secret(), fresh)) {
            assertThat(verify(secret, during))
                    .as("either secret verifies during the grace")
                    .isEqualTo(WebhookSignatures.Verification.VALID);
        }

        clock.advance(Duration.between(clock.instant(), until).plusSeconds(1));
        brokerage().raise(area, "R-rot-2", "100002", "Rota School", List.of("CT.READ"), "Maths", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        Receiver.Request after = receiver.await("/rotate", 2, WAIT).get(1);
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(verify(fresh, after)).isEqualTo(WebhookSignatures.Verification.VALID);
        assertThat(verify(made.secret(), after)).isEqualTo(WebhookSignatures.Verification.BAD_SIGNATURE);
        assertThat(notifiers().subscription(area, made.id()).get("signing"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .doesNotContainKey("previousSignsUntil");
    }

    @Test
    void aTestMessageIsSignedSentAtOnceRecordedAndNeverRetried() throws Exception {
        String area = "825";
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/test"), "slack", List.of("brokerage.request.created"));
        Api.Reply tested =
                api.post("/subscriptions/" + made.id() + "/test", notifiers().admin(area), null);
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        assertThat(tested.map().get("delivery"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("kind", "TEST")
                .containsEntry("status", "DELIVERED")
                .containsEntry("eventType", "notifier.subscription.test");
        Receiver.Request got = receiver.await("/test", 1, WAIT).get(0);
        assertThat(verify(made.secret(), got)).isEqualTo(WebhookSignatures.Verification.VALID);
        Map<String, Object> message = json.readValue(got.body(), Argument.mapOf(String.class, Object.class));
        assertThat((String) message.get("text")).contains("Test message", made.id());

        receiver.script("/test", Receiver.Answer.status(500, "down for maintenance"));
        Api.Reply failed =
                api.post("/subscriptions/" + made.id() + "/test", notifiers().broker(area), null);
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.map().get("delivery"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", "FAILED")
                .containsEntry("lastStatus", 500)
                .doesNotContainKey("nextAttemptAt");
        assertThat(Notifiers.attempts(failed.map()))
                .singleElement()
                .satisfies(a -> assertThat(a)
                        .containsEntry("outcome", "FAILED")
                        .containsEntry("responseExcerpt", "down for maintenance")
                        .containsEntry("trigger", "TEST"));
        assertThat(notifiers().subscription(area, made.id()))
                .as("a test leaves the endpoint's health alone")
                .doesNotContainKey("failingSince");
        clock.advance(Duration.ofMinutes(10));
        pipeline().sweep();
        assertThat(receiver.received("/test")).hasSize(2);
    }

    @Test
    void aDeletedSubscriptionIsGoneAndAnAreaHasAtMostSoMany() {
        String area = "826";
        String broker = notifiers().broker(area);
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/del"), "json", List.of("brokerage.request.created"));
        Api.Reply stale = api.send(Api.auth(HttpRequest.DELETE("/subscriptions/" + made.id()), broker)
                .header("If-Match", "\"v9\""));
        assertThat(stale.status()).isEqualTo(412);
        Api.Reply deleted = api.send(Api.auth(HttpRequest.DELETE("/subscriptions/" + made.id()), broker));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(api.get("/subscriptions/" + made.id(), broker).status()).isEqualTo(404);
        assertThat(api.get("/subscriptions/" + made.id() + "/deliveries", broker)
                        .status())
                .isEqualTo(404);
        assertThat(api.send(Api.auth(HttpRequest.DELETE("/subscriptions/" + made.id()), broker))
                        .status())
                .isEqualTo(404);
        brokerage().raise(area, "R-del", "100001", "Del School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());

        for (int i = 0; i < 4; i++) {
            notifiers().subscribe(area, receiver.url("/many-" + i), "json", List.of("brokerage.request.created"));
        }
        Api.Reply fifth = api.post(
                "/subscriptions",
                broker,
                Notifiers.body(receiver.url("/many-4"), "json", List.of("brokerage.request.created")));
        assertThat(fifth.status()).isEqualTo(409);
        assertThat(fifth.contentType()).startsWith("application/problem+json");
        assertThat((List<?>) api.get("/subscriptions", broker).map().get("items"))
                .hasSize(4);
        assertThat(receiver.received("/del")).isEmpty();
    }

    private static WebhookSignatures.Verification verify(String secret, Receiver.Request r) {
        return WebhookSignatures.verify(
                SigningSecret.parse(secret).orElseThrow(),
                r.header("webhook-id"),
                r.header("webhook-timestamp"),
                r.header("webhook-signature"),
                r.body(),
                Instant.ofEpochSecond(Long.parseLong(r.header("webhook-timestamp"))));
    }
}
