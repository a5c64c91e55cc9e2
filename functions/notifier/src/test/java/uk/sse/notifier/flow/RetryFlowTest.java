package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Urgency;
import uk.sse.notifier.model.RetrySchedule;
import uk.sse.notifier.model.SigningSecret;
import uk.sse.notifier.model.WebhookSignatures;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.notifier.testing.Receiver;
import uk.sse.testing.Api;

/**
 * Failed attempts come back on the schedule (driven by the sweeper, with the clock moved on), honour Retry-After,
 * and then succeed with the same webhook-id; 410 and Slack's permanent errors disable at once, days of failures
 * disable too, and the area's admins are told through the notifier's own stream.
 */
@MicronautTest
class RetryFlowTest extends NotifierLambdaTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final RetrySchedule S = RetrySchedule.STANDARD;

    @Override
    protected Map<String, String> extra() {
        return Map.of("sse.notifier.request-timeout", "1s", "sse.notifier.connect-timeout", "1s");
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedOnTheScheduleAndThenSucceed() throws Exception {
        String area = "801";
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/flaky"), "json", List.of("brokerage.request.created"));
        receiver.script(
                "/flaky",
                Receiver.Answer.status(500, "boom"),
                Receiver.Answer.status(200).after(Duration.ofMillis(2500)),
                Receiver.Answer.status(503),
                Receiver.Answer.status(200, "thanks"));
        brokerage().raise(area, "R-flaky", "100001", "Flaky School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        assertThat(receiver.await("/flaky", 1, WAIT)).hasSize(1);
        String id = (String) notifiers().deliveries(area, made.id()).get(0).get("id");
        assertThat(notifiers().subscription(area, made.id()).get("failingSince"))
                .as("a failing spell starts")
                .isNotNull();

        for (int failed = 1; failed <= 3; failed++) {
            Map<String, Object> last = lastAttempt(area, made.id(), id);
            assertThat(last).containsEntry("outcome", "RETRY_SCHEDULED").containsEntry("number", failed);
            Instant at = Instant.parse((String) last.get("at"));
            Instant next = Instant.parse((String) last.get("nextAttemptAt"));
            assertThat(Duration.between(at, next))
                    .as("pause after failure " + failed)
                    .isBetween(S.earliest(failed), S.latest(failed));

            moveTo(at.plus(S.earliest(failed)).minusMillis(500));
            pipeline().sweep();
            assertThat(receiver.received("/flaky"))
                    .as("not due before its time")
                    .hasSize(failed);
            moveTo(next.plusMillis(10));
            pipeline().sweep();
            assertThat(receiver.await("/flaky", failed + 1, WAIT)).hasSize(failed + 1);
        }
        Map<String, Object> traced = notifiers().delivery(area, made.id(), id);
        assertThat(traced.get("delivery"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", "DELIVERED")
                .containsEntry("attempts", 4);
        List<Map<String, Object>> attempts = Notifiers.attempts(traced);
        assertThat(attempts).extracting(a -> a.get("status")).containsExactly(500, null, 503, 200);
        assertThat(attempts)
                .extracting(a -> a.get("outcome"))
                .containsExactly("RETRY_SCHEDULED", "RETRY_SCHEDULED", "RETRY_SCHEDULED", "DELIVERED");
        assertThat(attempts).extracting(a -> a.get("trigger")).containsExactly("STREAM", "SWEEP", "SWEEP", "SWEEP");
        assertThat((String) attempts.get(1).get("reason")).startsWith("timed out");
        assertThat(attempts.get(0)).containsEntry("responseExcerpt", "boom");
        assertThat(((Number) attempts.get(1).get("latencyMillis")).longValue()).isGreaterThanOrEqualTo(900);

        // every attempt carries the same webhook-id and body, freshly timestamped and signed
        List<Receiver.Request> requests = receiver.received("/flaky");
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(id);
        assertThat(requests)
                .extracting(Receiver.Request::body)
                .containsOnly(requests.get(0).body());
        assertThat(requests)
                .extracting(r -> Long.parseLong(r.header("webhook-timestamp")))
                .isSorted()
                .doesNotHaveDuplicates();
        SigningSecret secret = SigningSecret.parse(made.secret()).orElseThrow();
        for (Receiver.Request r : requests) {
            Instant sentAt = Instant.ofEpochSecond(Long.parseLong(r.header("webhook-timestamp")));
            assertThat(WebhookSignatures.verify(
                            secret, id, r.header("webhook-timestamp"), r.header("webhook-signature"), r.body(), sentAt))
                    .isEqualTo(WebhookSignatures.Verification.VALID);
        }
        assertThat(notifiers().subscription(area, made.id()).get("failingSince"))
                .as("a success ends the failing spell")
                .isNull();
    }

    @Test
    void retryAfterPushesTheNextAttemptBack() throws Exception {
        String area = "802";
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/busy"), "json", List.of("brokerage.request.created"));
        receiver.script(
                "/busy",
                Receiver.Answer.status(429, "slow down").header("Retry-After", "120"),
                Receiver.Answer.status(200));
        brokerage().raise(area, "R-busy", "100001", "Busy School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        assertThat(receiver.await("/busy", 1, WAIT)).hasSize(1);
        String id = (String) notifiers().deliveries(area, made.id()).get(0).get("id");
        Map<String, Object> first = lastAttempt(area, made.id(), id);
        Instant at = Instant.parse((String) first.get("at"));
        Instant next = Instant.parse((String) first.get("nextAttemptAt"));
        assertThat(Duration.between(at, next))
                .as("120 s asked, not the schedule's 5 s")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(120));

        moveTo(at.plus(S.latest(1)).plusSeconds(1));
        pipeline().sweep();
        assertThat(receiver.received("/busy"))
                .as("when the schedule alone would have retried")
                .hasSize(1);
        moveTo(next.plusMillis(10));
        pipeline().sweep();
        assertThat(receiver.await("/busy", 2, WAIT)).hasSize(2);
        assertThat(notifiers().deliveries(area, made.id()))
                .singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "DELIVERED"));
    }

    @Test
    void gone410DisablesAtOnceTheAreasAdminsAreToldAndResumingStartsAgain() throws Exception {
        String area = "803";
        Notifiers.Made admins = notifiers()
                .subscribe(
                        notifiers().admin(area),
                        Notifiers.body(receiver.url("/admins"), "json", List.of("notifier.subscription.disabled")));
        Notifiers.Made slackAdmins = notifiers()
                .subscribe(
                        notifiers().admin(area),
                        Notifiers.body(
                                receiver.url("/admins-slack"), "slack", List.of("notifier.subscription.disabled")));
        Map<String, Object> body = Notifiers.body(receiver.url("/gone"), "json", List.of("brokerage.request.created"));
        body.put("description", "the brokers' old system");
        Notifiers.Made gone = notifiers().subscribe(notifiers().broker(area), body);
        receiver.script("/gone", Receiver.Answer.status(410, "this endpoint is no more"));
        brokerage().raise(area, "R-gone-1", "100001", "Gone School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        assertThat(receiver.await("/gone", 1, WAIT)).hasSize(1);

        Map<String, Object> disabled = notifiers().subscription(area, gone.id());
        assertThat(disabled).containsEntry("status", "DISABLED");
        assertThat((String) disabled.get("statusReason")).contains("410");
        Map<String, Object> delivery = notifiers().deliveries(area, gone.id()).get(0);
        assertThat(delivery).containsEntry("status", "FAILED").containsEntry("lastStatus", 410);
        assertThat(delivery.get("nextAttemptAt")).as("never retried").isNull();
        assertThat(lastAttempt(area, gone.id(), (String) delivery.get("id")))
                .containsEntry("outcome", "ENDPOINT_DISABLED");

        // the notifier's own stream carries notifier.subscription.disabled to the area's admin subscriptions
        assertThat(pipeline().deliverNotifierEvents().getBatchItemFailures()).isEmpty();
        Receiver.Request told = receiver.await("/admins", 1, WAIT).get(0);
        Map<String, Object> event = json.readValue(told.body(), Argument.mapOf(String.class, Object.class));
        assertThat(event)
                .containsEntry("type", "notifier.subscription.disabled")
                .containsEntry("area", area);
        assertThat(event.get("data"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("subscriptionId", gone.id())
                .containsEntry("host", "127.0.0.1")
                .containsEntry("format", "json")
                .containsEntry("description", "the brokers' old system")
                .containsEntry("reason", disabled.get("statusReason"));
        String slack = receiver.await("/admins-slack", 1, WAIT).get(0).body();
        assertThat(slack)
                .contains("Webhook subscription disabled", "410", "https://sse.example.test/webhooks/" + gone.id());
        assertThat(admins.id()).isNotEqualTo(slackAdmins.id());

        // disabled: the next event makes no delivery for it
        brokerage().raise(area, "R-gone-2", "100002", "Gone School", List.of("CT.READ"), "Maths", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        Thread.sleep(300);
        assertThat(receiver.received("/gone")).hasSize(1);
        assertThat(notifiers().deliveries(area, gone.id())).hasSize(1);

        // resumed, it is active and healthy again and the next event reaches it
        Api.Reply resumed =
                api.post("/subscriptions/" + gone.id() + "/resume", notifiers().broker(area), null);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.map()).containsEntry("status", "ACTIVE").doesNotContainKeys("statusReason", "failingSince");
        brokerage().raise(area, "R-gone-3", "100003", "Gone School", List.of("CT.READ"), "Science", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        assertThat(receiver.await("/gone", 2, WAIT)).hasSize(2);
        assertThat(notifiers().subscription(area, gone.id())).containsEntry("status", "ACTIVE");
    }

    @Test
    void slacksPermanentErrorsDisableASlackSubscriptionButAreRetriedForAJsonOne() {
        String area = "804";
        Notifiers.Made slack =
                notifiers().subscribe(area, receiver.url("/archived"), "slack", List.of("brokerage.request.created"));
        Notifiers.Made json =
                notifiers().subscribe(area, receiver.url("/not-slack"), "json", List.of("brokerage.request.created"));
        receiver.script("/archived", Receiver.Answer.status(404, "channel_not_found"));
        receiver.script("/not-slack", Receiver.Answer.status(404, "channel_not_found"));
        brokerage().raise(area, "R-arch", "100001", "Archive School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        assertThat(receiver.await("/archived", 1, WAIT)).hasSize(1);
        assertThat(receiver.await("/not-slack", 1, WAIT)).hasSize(1);
        assertThat(notifiers().subscription(area, slack.id()))
                .containsEntry("status", "DISABLED")
                .containsEntry("statusReason", "Slack answered 404 channel_not_found");
        assertThat(notifiers().subscription(area, json.id())).containsEntry("status", "ACTIVE");
        assertThat(notifiers().deliveries(area, json.id()))
                .singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "RETRYING"));
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledAndOneThatRecoversIsNot() {
        String area = "805";
        Notifiers.Made down =
                notifiers().subscribe(area, receiver.url("/down"), "json", List.of("brokerage.request.created"));
        Notifiers.Made patchy =
                notifiers().subscribe(area, receiver.url("/patchy"), "json", List.of("brokerage.request.created"));
        receiver.script("/down", repeat(Receiver.Answer.status(500), 20));
        receiver.script(
                "/patchy", Receiver.Answer.status(500), Receiver.Answer.status(200), Receiver.Answer.status(500));

        raiseAndDeliver(area, "R-day-0");
        Instant since =
                Instant.parse((String) notifiers().subscription(area, down.id()).get("failingSince"));
        clock.advance(Duration.ofDays(4));
        raiseAndDeliver(area, "R-day-4");
        assertThat(notifiers().subscription(area, down.id())).containsEntry("status", "ACTIVE");
        assertThat(notifiers().subscription(area, patchy.id()).get("failingSince"))
                .as("patchy answered 200 on day 4")
                .isNull();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        raiseAndDeliver(area, "R-day-5");
        Map<String, Object> disabled = notifiers().subscription(area, down.id());
        assertThat(disabled).containsEntry("status", "DISABLED");
        assertThat((String) disabled.get("statusReason")).contains("every attempt has failed since " + since, "5 days");
        Map<String, Object> stillActive = notifiers().subscription(area, patchy.id());
        assertThat(stillActive).containsEntry("status", "ACTIVE");
        assertThat(stillActive.get("failingSince"))
                .as("a new spell, a minute old")
                .isNotNull();

        // the attempt that disabled it failed its delivery; what was still scheduled is cancelled when it comes due
        Map<String, Object> last = notifiers().deliveries(area, down.id()).get(0);
        assertThat(last).containsEntry("eventId", "R-day-5/1").containsEntry("status", "FAILED");
        assertThat(lastAttempt(area, down.id(), (String) last.get("id"))).containsEntry("outcome", "ENDPOINT_DISABLED");
        clock.advance(Duration.ofHours(11));
        pipeline().sweep();
        assertThat(notifiers().deliveries(area, down.id()))
                .extracting(d -> d.get("status"))
                .containsExactly("FAILED", "CANCELLED", "CANCELLED");
    }

    private void raiseAndDeliver(String area, String requestId) {
        int before = receiver.all().size();
        brokerage().raise(area, requestId, "100001", "Day School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        receiverAtLeast(before + 2);
    }

    private void receiverAtLeast(int n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (receiver.all().size() < n && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(receiver.all()).hasSizeGreaterThanOrEqualTo(n);
    }

    private static Receiver.Answer[] repeat(Receiver.Answer answer, int times) {
        Receiver.Answer[] all = new Receiver.Answer[times];
        java.util.Arrays.fill(all, answer);
        return all;
    }

    private Map<String, Object> lastAttempt(String area, String subscription, String delivery) {
        List<Map<String, Object>> attempts = Notifiers.attempts(notifiers().delivery(area, subscription, delivery));
        return attempts.get(attempts.size() - 1);
    }

    /** Moves the clock (shared by the sweeper's context) forward to {@code t}. */
    private void moveTo(Instant t) {
        Duration ahead = Duration.between(clock.instant(), t);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }
}
