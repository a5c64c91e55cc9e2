package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Urgency;
import uk.sse.notifier.model.SigningSecret;
import uk.sse.notifier.model.WebhookIds;
import uk.sse.notifier.model.WebhookSignatures;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.notifier.testing.Pipeline;
import uk.sse.notifier.testing.Receiver;

/**
 * Events from real stream records (the brokerage model's events in a table's stream) become Slack messages and JSON
 * envelopes at a real receiver, signed as Standard Webhooks says; repeated records make no second delivery.
 */
@MicronautTest
class DeliveryFlowTest extends NotifierLambdaTest {

    /** Each test has an area of its own, so that one's subscribers never see another's events. */
    static final String AREA = "888";

    static final Duration WAIT = Duration.ofSeconds(15);

    @BeforeAll
    void realTime() {
        clock.reset(); // the reference library checks timestamps against the real clock
    }

    @Test
    void aNewRequestReachesASlackAndAJsonSubscriberSignedAsStandardWebhooksSays() throws Exception {
        Notifiers.Made slack =
                notifiers().subscribe(AREA, receiver.url("/new/slack"), "slack", List.of("brokerage.request.created"));
        Notifiers.Made json =
                notifiers().subscribe(AREA, receiver.url("/new/json"), "json", List.of("brokerage.request.created"));
        Notifiers.Made elsewhere = notifiers()
                .subscribe("999", receiver.url("/new/elsewhere"), "json", List.of("brokerage.request.created"));
        Notifiers.Made otherType =
                notifiers().subscribe(AREA, receiver.url("/new/other"), "json", List.of("brokerage.engagement.agreed"));

        brokerage()
                .raise(
                        AREA,
                        "R-new-1",
                        "100001",
                        "Oakfield Primary",
                        List.of("INC.SEND.ASD"),
                        "Set up provision maps",
                        Urgency.HIGH);
        StreamsEventResponse response = pipeline().deliver(brokerage().stream());
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(pipeline().lastBatch())
                .as("the stream carries the request's state too")
                .hasSizeGreaterThan(1);

        Receiver.Request slackMessage = only(receiver.await("/new/slack", 1, WAIT));
        Receiver.Request envelope = only(receiver.await("/new/json", 1, WAIT));
        assertThat(receiver.received("/new/elsewhere"))
                .as("another area's subscriber")
                .isEmpty();
        assertThat(receiver.received("/new/other"))
                .as("a subscriber to other types")
                .isEmpty();

        // the JSON subscriber gets the envelope exactly as the brokerage stored it
        String stored = dynamo.getItem(b -> b.tableName(brokerageTableName())
                        .key(Map.of(
                                "pk",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                                "REQUEST#R-new-1"),
                                "sk",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                                "EVENT#0000000001"))))
                .item()
                .get("envelope")
                .s();
        assertThat(envelope.body()).isEqualTo(stored);
        assertThat(envelope.header("content-type")).startsWith("application/json");
        // and, beside it, the page it is about
        assertThat(envelope.header("link"))
                .isEqualTo("<https://sse.example.test/support-requests/R-new-1>; rel=\"related\"; type=\"text/html\"");

        // the Slack subscriber gets text and blocks naming the school, the need, the urgency, the status and a link
        Map<String, Object> message = parse(slackMessage.body());
        assertThat((String) message.get("text"))
                .contains(
                        "New brokerage request",
                        "Oakfield Primary (URN 100001)",
                        "Set up provision maps",
                        "HIGH",
                        "open",
                        "https://sse.example.test/support-requests/R-new-1");
        assertThat(message.get("blocks").toString())
                .contains(
                        "header",
                        "Oakfield Primary (URN 100001)",
                        "*Urgency*\nHIGH",
                        "*Status*\nopen",
                        "Autistic spectrum disorder (ASD)",
                        "https://sse.example.test/support-requests/R-new-1");

        // signed: the reference library verifies each with its own secret, and refuses a wrong secret or a stale
        // timestamp
        for (var pair : List.of(Map.entry(slackMessage, slack), Map.entry(envelope, json))) {
            Receiver.Request r = pair.getKey();
            assertThat(r.header("webhook-id"))
                    .isEqualTo(WebhookIds.of(pair.getValue().id(), "R-new-1/1"))
                    .matches(WebhookIds.PATTERN);
            new Webhook(pair.getValue().secret()).verify(r.body(), headers(r, r.header("webhook-timestamp")));
            assertThatThrownBy(() -> new Webhook(
                                    SigningSecret.generate(new SecureRandom()).text())
                            .verify(r.body(), headers(r, r.header("webhook-timestamp"))))
                    .isInstanceOf(WebhookVerificationException.class);
            String stale = Long.toString(Long.parseLong(r.header("webhook-timestamp")) - 600);
            assertThatThrownBy(() -> new Webhook(pair.getValue().secret()).verify(r.body(), headers(r, stale)))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThat(WebhookSignatures.verify(
                            SigningSecret.parse(pair.getValue().secret()).orElseThrow(),
                            r.header("webhook-id"),
                            r.header("webhook-timestamp"),
                            r.header("webhook-signature"),
                            r.body(),
                            Instant.now().plusSeconds(400)))
                    .isEqualTo(WebhookSignatures.Verification.STALE_TIMESTAMP);
        }
        assertThat(slackMessage.header("webhook-secret")).isNull();

        // each delivery is recorded with its attempt
        List<Map<String, Object>> delivered = notifiers().deliveries(AREA, slack.id());
        assertThat(delivered)
                .singleElement()
                .satisfies(d -> assertThat(d)
                        .containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 1)
                        .containsEntry("eventId", "R-new-1/1")
                        .containsEntry("eventType", "brokerage.request.created")
                        .containsEntry("lastStatus", 200)
                        .containsEntry("id", slackMessage.header("webhook-id")));
        Map<String, Object> traced = notifiers().delivery(AREA, slack.id(), slackMessage.header("webhook-id"));
        assertThat(traced.get("body")).isEqualTo(slackMessage.body());
        assertThat(Notifiers.attempts(traced))
                .singleElement()
                .satisfies(a -> assertThat(a)
                        .containsEntry("number", 1)
                        .containsEntry("trigger", "STREAM")
                        .containsEntry("status", 200)
                        .containsEntry("outcome", "DELIVERED")
                        .containsEntry("destination", receiver.origin().substring("http://".length()))
                        .containsEntry("responseExcerpt", "ok")
                        .containsKey("latencyMillis")
                        .containsKey("at"));
        assertThat(notifiers().deliveries("999", elsewhere.id())).isEmpty();
        assertThat(notifiers().deliveries(AREA, otherType.id())).isEmpty();
    }

    @Test
    void repeatedStreamRecordsMakeNoSecondDelivery() throws Exception {
        Notifiers.Made made =
                notifiers().subscribe("881", receiver.url("/again"), "json", List.of("brokerage.request.created"));
        brokerage()
                .raise(
                        "881",
                        "R-again-1",
                        "100002",
                        "Brook School",
                        List.of("CT.READ"),
                        "Phonics for year 1",
                        Urgency.MEDIUM);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        assertThat(receiver.await("/again", 1, WAIT)).hasSize(1);

        // the event source mapping delivers at least once: the same batch again, and again from two instances at once
        var batch = pipeline().lastBatch();
        assertThat(pipeline().handle(batch).getBatchItemFailures()).isEmpty();
        try (Pipeline second = new Pipeline(new java.util.HashMap<>(getProperties()), settings.tableName())) {
            CompletableFuture<StreamsEventResponse> a =
                    CompletableFuture.supplyAsync(() -> pipeline().handle(batch));
            CompletableFuture<StreamsEventResponse> b = CompletableFuture.supplyAsync(() -> second.handle(batch));
            assertThat(a.get().getBatchItemFailures()).isEmpty();
            assertThat(b.get().getBatchItemFailures()).isEmpty();
        }
        Thread.sleep(300);
        assertThat(receiver.received("/again")).hasSize(1);
        assertThat(notifiers().deliveries("881", made.id()))
                .singleElement()
                .satisfies(d -> assertThat(d).containsEntry("attempts", 1));
    }

    @Test
    void filtersNarrowWhatArrivesAndAgreementsAndRefusedHoldsReachThoseWhoAskedForThem() throws Exception {
        Map<String, Object> narrow = Notifiers.body(
                receiver.url("/narrow"),
                "json",
                List.of(
                        "brokerage.request.created",
                        "brokerage.engagement.agreed",
                        "brokerage.engagement.hold-refused"));
        narrow.put("filters", Map.of("areasOfSupport", List.of("INC"), "urgencies", List.of("HIGH", "URGENT")));
        notifiers().subscribe(notifiers().broker("882"), narrow);

        BrokerageRequest send = brokerage()
                .raise(
                        "882",
                        "R-f-1",
                        "100003",
                        "Hill School",
                        List.of("INC.SEND.SLCN"),
                        "Speech and language",
                        Urgency.URGENT);
        brokerage().raise("882", "R-f-2", "100004", "Vale School", List.of("CT.READ"), "Early reading", Urgency.URGENT);
        brokerage().raise("882", "R-f-3", "100005", "Dale School", List.of("INC.EAL"), "New arrivals", Urgency.LOW);
        BrokerageRequest agreed = brokerage().proposeAcceptAgree(send, "off_1", "prv_1");
        brokerage().holdRefused(agreed, "P1", 8);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();

        List<Receiver.Request> arrived = receiver.await("/narrow", 3, WAIT);
        Thread.sleep(300);
        assertThat(receiver.received("/narrow"))
                .extracting(r -> (String) parse(r.body()).get("id"))
                .containsExactlyInAnyOrder("R-f-1/1", "R-f-1/4", "R-f-1/4/hold-refused");
        assertThat(arrived)
                .extracting(r -> (String) parse(r.body()).get("type"))
                .contains("brokerage.engagement.agreed", "brokerage.engagement.hold-refused");
    }

    private String brokerageTableName() {
        return brokerage().stream().streamArn().replaceAll(".*:table/([^/]+)/stream/.*", "$1");
    }

    private static Receiver.Request only(List<Receiver.Request> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private Map<String, Object> parse(String body) throws IOException {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
    }

    private static Map<String, List<String>> headers(Receiver.Request r, String timestamp) {
        return Map.of(
                "webhook-id",
                List.of(r.header("webhook-id")),
                "webhook-timestamp",
                List.of(timestamp),
                "webhook-signature",
                List.of(r.header("webhook-signature")));
    }
}
