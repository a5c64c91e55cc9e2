package uk.sse.notifier.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Urgency;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.identity.Role;
import uk.sse.notifier.model.NoticeKind;
import uk.sse.notifier.testing.EmailLambdaTest;
import uk.sse.testing.NotifyStandIn;

/**
 * Reminders, from the passing of time (the settable clock, read by the reminders' real handler as its schedule would
 * invoke it) to the notice in each person's list and the email at the stand-in for GOV.UK Notify: each once, however
 * often the sweep runs and the events come again; none before it is due.
 */
@MicronautTest
class ReminderFlowTest extends EmailLambdaTest {

    static final String AREA = "877";
    static final String URN = "120013";
    static final String PROVIDER = "prv_reminded-trust";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Override
    protected Map<String, String> extra() {
        Map<String, String> p = new HashMap<>(super.extra());
        p.put("sse.notifier.reminders.area-targets." + AREA, "P3D");
        return p;
    }

    @Test
    void eachReminderArrivesOnceWhenItFallsDue() {
        String broker = person("broker-rem", Role.BROKER, AREA, null, "broker.rem@la.example.gov.uk", true);
        String provider = person("lead-rem", Role.PROVIDER, AREA, PROVIDER, "lead@reminded.example.org", true);
        String assurer = person("assurer-rem", Role.ASSURER, AREA, null, "assurer.rem@la.example.gov.uk", true);

        BrokerageRequest engaged = brokerage()
                .raise(AREA, "R-rem-engaged", URN, "Elm Primary", List.of("AB.ATT"), "Attendance", Urgency.HIGH);
        brokerage().proposeAcceptAgree(engaged, "off_rem", PROVIDER);
        BrokerageRequest waiting = brokerage()
                .raise(
                        AREA,
                        "R-rem-waiting",
                        URN,
                        "Elm Primary",
                        List.of("INC.SEND.ASD"),
                        "Provision maps",
                        Urgency.LOW);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        LocalDate wantedBy = LocalDate.now(ZoneOffset.UTC).plusMonths(2); // as BrokerageTable raises them

        assertThat(pipeline().remind())
                .as("nothing is due yet")
                .containsEntry("watched", 2)
                .containsEntry("due", 0);
        clock.advance(Duration.ofDays(2));
        assertThat(pipeline().remind()).as("the area's target is 3 days").containsEntry("due", 0);

        clock.advance(Duration.ofDays(2));
        assertThat(pipeline().remind()).containsEntry("due", 1).containsEntry("made", 1);
        assertThat(pipeline().remind())
                .as("a second sweep makes nothing new")
                .containsEntry("due", 1)
                .containsEntry("made", 0);
        assertThat(reminders("broker.rem@la.example.gov.uk", NoticeKind.REQUEST_WAITING, 1))
                .singleElement()
                .satisfies(e -> assertThat(e.personalisation())
                        .containsEntry(
                                "title", "The request for Elm Primary has waited longer than 3 days to be brokered")
                        .containsEntry("link", "https://sse.example.test/support-requests/" + waiting.id()));

        moveTo(wantedBy.minusDays(3));
        pipeline().remind();
        assertThat(reminders("broker.rem@la.example.gov.uk", NoticeKind.WANTED_BY_NEAR, 1))
                .singleElement()
                .satisfies(e -> assertThat(e.personalisation())
                        .containsEntry(
                                "title", "Elm Primary wants support by " + wantedBy + " and none is agreed yet"));

        moveTo(wantedBy.plusDays(2));
        pipeline().remind();
        String overdue = "Support for Elm Primary was expected complete by " + wantedBy + " and is not";
        assertThat(reminders("broker.rem@la.example.gov.uk", NoticeKind.ENGAGEMENT_OVERDUE, 1))
                .singleElement()
                .satisfies(e -> assertThat(e.personalisation())
                        .containsEntry("title", overdue)
                        .containsEntry("link", "https://sse.example.test/support-requests/" + engaged.id()));
        assertThat(reminders("lead@reminded.example.org", NoticeKind.ENGAGEMENT_OVERDUE, 1))
                .hasSize(1);

        LocalDate review = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(40);
        approveOffer("off_01REMIND", review);
        assertThat(pipeline().remind())
                .as("the review is 40 days away")
                .containsEntry("watched", 3)
                .containsEntry("made", 0);
        moveTo(review.minusDays(30));
        pipeline().remind();
        String reviewDue = "\u201cPhonics catch-up\u201d is due for review by " + review;
        assertThat(reminders("assurer.rem@la.example.gov.uk", NoticeKind.REVIEW_DUE, 1))
                .singleElement()
                .satisfies(e -> assertThat(e.personalisation())
                        .containsEntry("title", reviewDue)
                        .containsEntry("link", "https://sse.example.test/support-offers/off_01REMIND"));
        assertThat(reminders("lead@reminded.example.org", NoticeKind.REVIEW_DUE, 1))
                .hasSize(1);

        pipeline().handle(pipeline().lastBatch());
        clock.advance(Duration.ofDays(1));
        assertThat(pipeline().remind()).containsEntry("made", 0);
        pipeline().sweep();
        List<String> reminderTemplates = List.of(
                        NoticeKind.REQUEST_WAITING,
                        NoticeKind.WANTED_BY_NEAR,
                        NoticeKind.ENGAGEMENT_OVERDUE,
                        NoticeKind.REVIEW_DUE)
                .stream()
                .map(templates::get)
                .toList();
        assertThat(notify.emails())
                .filteredOn(e -> reminderTemplates.contains(e.templateId()))
                .as("each reminder once")
                .extracting(e -> e.to() + " " + e.templateId())
                .doesNotHaveDuplicates()
                .hasSize(6);
        assertThat(notify.refusals()).isEmpty();
        assertThat(titles(api.get("/notices", broker)))
                .contains(
                        overdue,
                        "Elm Primary wants support by " + wantedBy + " and none is agreed yet",
                        "The request for Elm Primary has waited longer than 3 days to be brokered")
                .doesNotHaveDuplicates();
        assertThat(titles(api.get("/notices", provider)))
                .contains(overdue, reviewDue)
                .doesNotHaveDuplicates();
        assertThat(titles(api.get("/notices", assurer))).containsExactly(reviewDue);
    }

    /** Moves the settable clock to the start of {@code day} (UTC). */
    private void moveTo(LocalDate day) {
        clock.advance(Duration.between(
                clock.instant(), day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60)));
    }

    private List<NotifyStandIn.Email> reminders(String to, NoticeKind kind, int expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<NotifyStandIn.Email> found;
        do {
            found = notify.emails().stream()
                    .filter(e -> e.to().equals(to) && e.templateId().equals(templates.get(kind)))
                    .toList();
        } while (found.size() < expected && System.nanoTime() < deadline && pause());
        return found;
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An assurer approves an offer to {@code review}: its event in a real directory table, read from its stream. */
    private void approveOffer(String offerId, LocalDate review) {
        String directory = "directory-" + UUID.randomUUID().toString().substring(0, 8);
        Tables.createIfAbsent(dynamo, Tables.definition(directory, 2));
        try (TableStreamReader stream =
                TableStreamReader.of(Engines.dynamo().endpoint(), directory, StartingPosition.TRIM_HORIZON)) {
            DirectoryEvent.OfferChanged offer = new DirectoryEvent.OfferChanged(
                    Instant.now(),
                    AREA,
                    DirectoryEvent.OfferStep.APPROVED,
                    offerId,
                    3,
                    PROVIDER,
                    "Reminded Trust",
                    "TRUST",
                    "Phonics catch-up",
                    List.of("CT.READ"),
                    List.of("PRIMARY"),
                    List.of("IN_PERSON"),
                    4,
                    "APPROVED",
                    review,
                    new DirectoryEvent.Assurance("APPROVE", "SUBMITTED", "APPROVED", "assurer-1", null));
            EventEnvelope approved =
                    new EventEnvelope(offer.type(), offer.eventId(), offer.occurredAt(), AREA, offer.data());
            dynamo.transactWriteItems(b -> b.transactItems(EventItems.put(
                    directory, "OFFER#" + offerId, "EVENT#0000000003", approved, eventJson.write(approved))));
            assertThat(pipeline().deliver(stream).getBatchItemFailures()).isEmpty();
        }
    }
}
