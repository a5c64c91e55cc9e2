package uk.sse.notifier.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Urgency;
import uk.sse.directory.model.ProviderType;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.identity.Role;
import uk.sse.notifier.model.NoticeKind;
import uk.sse.notifier.testing.DirectoryOffers;
import uk.sse.notifier.testing.EmailLambdaTest;
import uk.sse.testing.Api;
import uk.sse.testing.NotifyStandIn;

/**
 * Each notice, from the event in a real table's stream to the email arriving at a stand-in for GOV.UK Notify (which
 * checks the JWT Notify's own client signs with the API key) and to the person's notifications: once, however often the
 * records come; only to the people of its audience who have a verified address and want that kind; retried when Notify
 * fails, and still once.
 */
@MicronautTest
class EmailFlowTest extends EmailLambdaTest {

    static final String AREA = "877";
    static final String URN = "120012";
    static final String PROVIDER = "prv_riverside-trust";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void everyoneWhoMustActIsEmailedOnceWithTheirKindsTemplate() {
        String broker = person("broker-a", Role.BROKER, AREA, null, "broker.a@la.example.gov.uk", true);
        String quiet = person("broker-b", Role.BROKER, AREA, null, "broker.b@la.example.gov.uk", true);
        person("broker-c", Role.BROKER, AREA, null, "unverified@example.org", false);
        String adviser = person("adviser-" + AREA, Role.ADVISER, AREA, null, "adviser@la.example.gov.uk", true);
        String school = person("head-" + URN, Role.PROVIDER, AREA, URN, "head@oakfield.example.sch.uk", true);
        String provider = person("lead-" + PROVIDER, Role.PROVIDER, AREA, PROVIDER, "lead@riverside.example.org", true);
        Api.Reply optedOut = api.put("/notices/settings", quiet, null, Map.of("emails", List.of()));
        assertThat(optedOut.status()).as(optedOut.body()).isEqualTo(200);
        assertThat(optedOut.map().get("choices"))
                .isEqualTo(List.of(
                        Map.of("kind", "request-raised", "email", false),
                        Map.of("kind", "school-closed", "email", false),
                        Map.of("kind", "request-waiting", "email", false),
                        Map.of("kind", "wanted-by-near", "email", false),
                        Map.of("kind", "engagement-overdue", "email", false)));

        BrokerageRequest raised = brokerage()
                .raise(
                        AREA,
                        "R-email-1",
                        URN,
                        "Oakfield Primary",
                        List.of("INC.SEND.ASD"),
                        "Provision maps",
                        Urgency.HIGH);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        assertThat(pipeline().handle(pipeline().lastBatch()).getBatchItemFailures())
                .isEmpty();
        NotifyStandIn.Email raisedEmail = only(notify.await("broker.a@la.example.gov.uk", 1, WAIT));
        assertThat(raisedEmail.templateId()).isEqualTo(templates.get(NoticeKind.REQUEST_RAISED));
        assertThat(raisedEmail.personalisation())
                .containsEntry(
                        "title", "Oakfield Primary asked for support (high urgency): it is waiting to be brokered")
                .containsEntry("link", "https://sse.example.test/support-requests/R-email-1");
        assertThat(raisedEmail.reference()).startsWith("msg_");

        BrokerageRequest agreed = brokerage().proposeAcceptAgree(raised, "off_9", PROVIDER);
        pipeline().deliver(brokerage().stream());
        pipeline().handle(pipeline().lastBatch());
        assertThat(only(notify.await("lead@riverside.example.org", 1, WAIT)).templateId())
                .isEqualTo(templates.get(NoticeKind.PROPOSAL_ADDRESSED));
        assertThat(notify.await("adviser@la.example.gov.uk", 2, WAIT))
                .extracting(NotifyStandIn.Email::templateId)
                .containsExactlyInAnyOrder(
                        templates.get(NoticeKind.REQUEST_PROPOSED), templates.get(NoticeKind.REQUEST_AGREED));
        assertThat(only(notify.await("head@oakfield.example.sch.uk", 1, WAIT)).templateId())
                .isEqualTo(templates.get(NoticeKind.AGREEMENT_AWAITED));

        brokerage().startAndComplete(agreed, 2);
        pipeline().deliver(brokerage().stream());
        assertThat(notify.await("head@oakfield.example.sch.uk", 2, WAIT))
                .extracting(NotifyStandIn.Email::templateId)
                .containsExactly(templates.get(NoticeKind.AGREEMENT_AWAITED), templates.get(NoticeKind.RATING_AWAITED));

        BrokerageRequest other = brokerage()
                .raise(AREA, "R-email-2", URN, "Oakfield Primary", List.of("AB.ATT"), "Attendance", Urgency.LOW);
        brokerage().cancel(other, "no longer needed");
        pipeline().deliver(brokerage().stream());
        assertThat(notify.await("adviser@la.example.gov.uk", 3, WAIT).get(2).templateId())
                .isEqualTo(templates.get(NoticeKind.REQUEST_CANCELLED));

        pipeline().handle(pipeline().lastBatch());
        pipeline().sweep();
        assertThat(notify.emails())
                .as("each once")
                .extracting(e -> e.to() + " " + e.templateId() + " " + e.personalisation())
                .doesNotHaveDuplicates()
                .hasSize(8);
        assertThat(notify.emails()).extracting(NotifyStandIn.Email::reference).doesNotHaveDuplicates();
        assertThat(notify.emails())
                .extracting(NotifyStandIn.Email::to)
                .doesNotContain("broker.b@la.example.gov.uk", "unverified@example.org");
        assertThat(notify.refusals())
                .as("Notify accepted every token the client signed")
                .isEmpty();
        assertThat(titles(api.get("/notices", school)))
                .containsExactly(
                        "Support for Oakfield Primary is delivered: rate it",
                        "Support for Oakfield Primary awaits your agreement");
        assertThat(titles(api.get("/notices", quiet)))
                .as("no email, but the notice in the list")
                .hasSize(2);
        assertThat(titles(api.get("/notices", adviser))).hasSize(3);
        assertThat(titles(api.get("/notices", provider))).hasSize(1);
        assertThat(titles(api.get("/notices", broker))).hasSize(2);
    }

    @Test
    void anOfferAwaitingAssuranceIsEmailedToTheAreasAssurers() {
        String directory = "directory-" + UUID.randomUUID().toString().substring(0, 8);
        Tables.createIfAbsent(dynamo, Tables.definition(directory, 2));
        try (TableStreamReader stream =
                TableStreamReader.of(Engines.dynamo().endpoint(), directory, StartingPosition.TRIM_HORIZON)) {
            String assurer = person("assurer-a", Role.ASSURER, "878", null, "assurer@la.example.gov.uk", true);
            EventEnvelope submitted = DirectoryOffers.submitted(
                    "off_01ASSURE",
                    "878",
                    "Riverside Trust",
                    ProviderType.TRUST,
                    "Phonics catch-up",
                    List.of("CT.READ"),
                    8,
                    "provider-878-1");
            dynamo.transactWriteItems(b -> b.transactItems(EventItems.put(
                    directory, "OFFER#off_01ASSURE", "EVENT#0000000002", submitted, eventJson.write(submitted))));
            StreamsEventResponse response = pipeline().deliver(stream);
            assertThat(response.getBatchItemFailures()).isEmpty();
            NotifyStandIn.Email email = only(notify.await("assurer@la.example.gov.uk", 1, WAIT));
            assertThat(email.templateId()).isEqualTo(templates.get(NoticeKind.OFFER_AWAITS_ASSURANCE));
            assertThat(email.personalisation())
                    .containsEntry("title", "\u201cPhonics catch-up\u201d from Riverside Trust awaits assurance")
                    .containsEntry("link", "https://sse.example.test/support-offers/off_01ASSURE");
            assertThat(titles(api.get("/notices", assurer)))
                    .containsExactly("\u201cPhonics catch-up\u201d from Riverside Trust awaits assurance");
        }
    }

    @Test
    void whenNotifyFailsTheEmailIsRetriedByTheSweeperAndArrivesOnce() {
        person("broker-retry", Role.BROKER, "879", null, "retry@la.example.gov.uk", true);
        notify.answerNext(500);
        brokerage()
                .raise(
                        "879",
                        "R-email-retry",
                        URN,
                        "Oakfield Primary",
                        List.of("AB.ATT"),
                        "Attendance",
                        Urgency.URGENT);
        pipeline().deliver(brokerage().stream());
        assertThat(notify.emails()).extracting(NotifyStandIn.Email::to).doesNotContain("retry@la.example.gov.uk");
        clock.advance(Duration.ofSeconds(10));
        pipeline().sweep();
        assertThat(notify.await("retry@la.example.gov.uk", 1, WAIT)).hasSize(1);
        clock.advance(Duration.ofHours(1));
        pipeline().sweep();
        pipeline().handle(pipeline().lastBatch());
        assertThat(notify.emails())
                .filteredOn(e -> e.to().equals("retry@la.example.gov.uk"))
                .hasSize(1);
    }

    @Test
    void notifyRefusesAKeyWhoseSecretIsNotTheServices() {
        NotificationClient wrong = new NotificationClient(notify.wrongKey(), notify.baseUrl());
        assertThatThrownBy(() -> wrong.sendEmail(UUID.randomUUID().toString(), "someone@example.org", Map.of(), null))
                .isInstanceOfSatisfying(
                        NotificationClientException.class,
                        e -> assertThat(e.getHttpResult()).isEqualTo(403));
        assertThat(notify.refusals()).last().asString().contains("signature");
    }

    @Test
    void settingsNameTheirKindsAndRefuseOthers() {
        String adviser = person("adviser-settings", Role.ADVISER, AREA, null, "a.settings@la.example.gov.uk", true);
        Map<String, Object> settings = api.get("/notices/settings", adviser).map();
        assertThat(settings.get("email")).isEqualTo("a.settings@la.example.gov.uk");
        assertThat(settings.get("choices"))
                .isEqualTo(List.of(
                        Map.of("kind", "request-proposed", "email", true),
                        Map.of("kind", "request-agreed", "email", true),
                        Map.of("kind", "request-cancelled", "email", true)));
        assertThat(api.put("/notices/settings", adviser, null, Map.of("emails", List.of("request-agreed", "nonsense")))
                        .problemFields())
                .containsExactly("/emails/1");
        assertThat(api.put("/notices/settings", adviser, null, Map.of("emails", List.of("request-raised")))
                        .problemFields())
                .containsExactly("/emails/0");
        assertThat(api.get("/notices/settings", adviser).map().get("choices"))
                .as("unchanged by refusals")
                .isEqualTo(settings.get("choices"));
        assertThat(api.put("/notices/contact", tokens.service("directory.read"), null, Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(Arrays.stream(NoticeKind.values())
                        .allMatch(k -> !NoticeKind.forRole(Role.COMMISSIONER).contains(k)))
                .isTrue();
    }

    private static NotifyStandIn.Email only(List<NotifyStandIn.Email> emails) {
        assertThat(emails).hasSize(1);
        return emails.getFirst();
    }
}
