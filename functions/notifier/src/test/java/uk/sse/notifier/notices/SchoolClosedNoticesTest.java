package uk.sse.notifier.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Urgency;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolEvents;
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
 * A school the register closes, as the directory's import publishes it ({@link SchoolEvents}) and read from a real
 * table's stream by the stream handler, is told to the brokers of each of its open requests (decision 0108), found from
 * the brokerage's events the notifier read before: one notice per request, in the area it was raised in, linking to its
 * page, in their notifications and by email; once however often the records come. A request delivered, another school's
 * request, another area's brokers, the adviser and the school hear nothing of it.
 */
@MicronautTest
class SchoolClosedNoticesTest extends EmailLambdaTest {

    static final String AREA = "874";
    static final String OTHER_AREA = "trust-2099";
    static final String URN = "110121";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theBrokersOfEachOpenRequestOfTheSchoolAreToldOnce() {
        String broker = person("broker-874", Role.BROKER, AREA, null, "broker@la874.example.gov.uk", true);
        String trustBroker =
                person("broker-trust", Role.BROKER, OTHER_AREA, null, "broker@trust2099.example.org", true);
        String elsewhere = person("broker-875", Role.BROKER, "875", null, "broker@la875.example.gov.uk", true);

        brokerage().raise(AREA, "R-closed-1", URN, "Hollybank Primary", List.of("AB.ATT"), "Attendance", Urgency.LOW);
        brokerage()
                .proposeAcceptAgree(
                        brokerage()
                                .raise(
                                        AREA,
                                        "R-closed-2",
                                        URN,
                                        "Hollybank Primary",
                                        List.of("CT.READ"),
                                        "Reading",
                                        Urgency.HIGH),
                        "off_closed",
                        "prv_closed-partner");
        brokerage()
                .startAndComplete(
                        brokerage()
                                .proposeAcceptAgree(
                                        brokerage()
                                                .raise(
                                                        AREA,
                                                        "R-closed-3",
                                                        URN,
                                                        "Hollybank Primary",
                                                        List.of("CT.MATHS"),
                                                        "Maths",
                                                        Urgency.LOW),
                                        "off_done",
                                        "prv_closed-partner"),
                        2);
        brokerage().raise(AREA, "R-closed-4", "110122", "Larch Primary", List.of("AB.ATT"), "Attendance", Urgency.LOW);
        brokerage()
                .raise(OTHER_AREA, "R-closed-5", URN, "Hollybank Primary", List.of("AB.ATT"), "Phonics", Urgency.LOW);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();

        LocalDate closedOn = LocalDate.of(2026, 8, 31);
        DirectoryEvent.SchoolClosed closed = SchoolEvents.closed(
                closedSchool(closedOn), "Closed", "imp_gias-2026-12", Instant.parse("2026-12-07T06:00:00Z"));
        String directory = "directory-" + UUID.randomUUID().toString().substring(0, 8);
        Tables.createIfAbsent(dynamo, Tables.definition(directory, 2));
        try (TableStreamReader stream =
                TableStreamReader.of(Engines.dynamo().endpoint(), directory, StartingPosition.TRIM_HORIZON)) {
            write(directory, closed);
            assertThat(pipeline().deliver(stream).getBatchItemFailures()).isEmpty();
            assertThat(pipeline().handle(pipeline().lastBatch()).getBatchItemFailures())
                    .as("the same records again")
                    .isEmpty();
        }

        String said = "Hollybank Primary closed on 31 August 2026: its request is unchanged; cancel it if the support"
                + " is no longer wanted";
        List<Map<String, Object>> told = closedNotices(broker);
        assertThat(told)
                .as("once for each open request of the school raised in the area; not the delivered one, not another"
                        + " school's")
                .extracting(i -> i.get("link"))
                .containsExactlyInAnyOrder("/support-requests/R-closed-1", "/support-requests/R-closed-2");
        assertThat(told).allSatisfy(i -> assertThat(i.get("title")).isEqualTo(said));
        assertThat(closedNotices(trustBroker))
                .as("the brokers of the other area its request was raised in")
                .singleElement()
                .satisfies(i -> assertThat(i.get("link")).isEqualTo("/support-requests/R-closed-5"));
        assertThat(closedNotices(elsewhere)).as("another area's broker").isEmpty();
        for (String nobody : List.of(
                tokens.bearer(Role.ADVISER, AREA, null),
                tokens.bearer(Role.PROVIDER, AREA, URN),
                tokens.bearer(Role.PROVIDER, AREA, "prv_closed-partner"),
                tokens.bearer(Role.ADMIN, AREA, null))) {
            assertThat(closedNotices(nobody)).isEmpty();
        }

        pipeline().sweep();
        String template = templates.get(NoticeKind.SCHOOL_CLOSED);
        List<NotifyStandIn.Email> emailed = notify.await("broker@la874.example.gov.uk", 6, WAIT).stream()
                .filter(m -> m.templateId().equals(template))
                .toList();
        assertThat(emailed)
                .as("emailed once for each, with the kind's template")
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.personalisation()).containsEntry("title", said));
        assertThat(notify.emails())
                .filteredOn(m -> m.templateId().equals(template))
                .extracting(NotifyStandIn.Email::to)
                .containsOnly("broker@la874.example.gov.uk", "broker@trust2099.example.org");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> closedNotices(String bearer) {
        var inbox = api.get("/notices", bearer);
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) inbox.map().get("items"))
                .stream().filter(i -> "school-closed".equals(i.get("kind"))).toList();
    }

    private void write(String table, DirectoryEvent.SchoolClosed c) {
        EventEnvelope e = new EventEnvelope(c.type(), c.eventId(), c.occurredAt(), c.area(), c.data());
        dynamo.transactWriteItems(b -> b.transactItems(EventItems.put(
                table, "SCHOOL#" + c.urn(), "EVENT#" + c.importId() + "#closed", e, eventJson.write(e))));
    }

    private static School closedSchool(LocalDate closedOn) {
        return new School(
                URN,
                "Hollybank Primary",
                AREA,
                "Northshire",
                "Community school",
                "Closed",
                "Primary",
                null,
                null,
                null,
                null,
                null,
                null,
                "Hollybank",
                "NS1 1AA",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                closedOn);
    }
}
