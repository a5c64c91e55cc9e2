package uk.sse.notifier.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.DesignationEvents;
import uk.sse.directory.model.DesignationRefusal;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.identity.Role;
import uk.sse.notifier.model.NoticeKind;
import uk.sse.notifier.testing.EmailLambdaTest;
import uk.sse.testing.Api;
import uk.sse.testing.NotifyStandIn;

/**
 * An assurer's decisions on a provider's designations, built by the directory's own model ({@link DesignationEvents})
 * and read from a real table's stream by the stream handler, reach the provider's members (decision 0088): in their
 * notifications, with the refusal's reason and a link to their profile, and by email with the kind's template; once,
 * however often the records come; nobody else, not the assurers, another provider or the area's admin, hears of them.
 */
@MicronautTest
class DesignationNoticesTest extends EmailLambdaTest {

    static final String AREA = "871";
    static final String PROVIDER = "prv_castle-maths";
    static final String REASON = "Castle Maths is not on the NCETM's list of maths hubs";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theProvidersMembersAloneHearOfARefusalWithItsReasonAndOfAVerification() {
        String lead = person("lead-castle", Role.PROVIDER, AREA, PROVIDER, "lead@castle.example.org", true);
        String other = person("lead-other", Role.PROVIDER, AREA, "prv_other-hub", "lead@other.example.org", true);
        String assurer = person("assurer-871", Role.ASSURER, AREA, "la-871", "qa@la.example.gov.uk", true);
        String admin = person("admin-871", Role.ADMIN, AREA, null, "admin@la.example.gov.uk", true);

        Instant at = Instant.parse("2026-12-07T09:00:00Z");
        Provider claimed = new Provider(
                PROVIDER,
                ProviderType.HUB,
                "Castle Maths",
                AREA,
                null,
                null,
                null,
                List.of(Designation.MATHS_HUB, Designation.ENGLISH_HUB),
                List.of(),
                null,
                null,
                1,
                at,
                at);
        Provider refused = claimed.nextWithDesignations(
                List.of(Designation.ENGLISH_HUB),
                List.of(),
                List.of(new DesignationRefusal(Designation.MATHS_HUB, REASON, "assurer-871", at.plusSeconds(60))),
                at.plusSeconds(60));
        Provider verified = refused.nextWithDesignations(
                refused.designations(),
                List.of(Designation.ENGLISH_HUB),
                refused.refusedDesignations(),
                at.plusSeconds(120));

        String directory = "directory-" + UUID.randomUUID().toString().substring(0, 8);
        Tables.createIfAbsent(dynamo, Tables.definition(directory, 2));
        try (TableStreamReader stream =
                TableStreamReader.of(Engines.dynamo().endpoint(), directory, StartingPosition.TRIM_HORIZON)) {
            write(directory, DesignationEvents.refused(refused, Designation.MATHS_HUB));
            write(
                    directory,
                    DesignationEvents.verified(refused, verified, "assurer-871").orElseThrow());
            StreamsEventResponse response = pipeline().deliver(stream);
            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(pipeline().handle(pipeline().lastBatch()).getBatchItemFailures())
                    .as("the same records again")
                    .isEmpty();

            List<NotifyStandIn.Email> emails = notify.await("lead@castle.example.org", 2, WAIT);
            assertThat(emails)
                    .extracting(NotifyStandIn.Email::templateId)
                    .as("sent side by side, in either order")
                    .containsExactlyInAnyOrder(
                            templates.get(NoticeKind.DESIGNATION_REFUSED),
                            templates.get(NoticeKind.DESIGNATION_VERIFIED));
            String refusal = "An assurer refused your claim to the designation \u201cMaths hub\u201d: " + REASON;
            assertThat(emails)
                    .filteredOn(m -> m.templateId().equals(templates.get(NoticeKind.DESIGNATION_REFUSED)))
                    .singleElement()
                    .extracting(NotifyStandIn.Email::personalisation)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("title", refusal)
                    .containsEntry("link", "https://sse.example.test/profile#refused");

            Api.Reply inbox = api.get("/notices", lead);
            assertThat(titles(inbox))
                    .containsExactly(
                            "An assurer verified your designation \u201cEnglish hub\u201d: your offers show it",
                            refusal);
            assertThat(inbox.map().get("unread")).isEqualTo(2);

            pipeline().sweep();
            assertThat(notify.emails())
                    .as("once each, to the provider's member alone")
                    .extracting(NotifyStandIn.Email::to)
                    .containsExactly("lead@castle.example.org", "lead@castle.example.org");
            for (String nobody : List.of(other, assurer, admin, tokens.bearer(Role.PROVIDER, "872", "prv_castle"))) {
                assertThat(titles(api.get("/notices", nobody))).isEmpty();
            }
        }
    }

    @Test
    void aVerificationThatWithdrawsOneAndVerifiesAnotherSaysBoth() {
        EventEnvelope e = envelope(new DirectoryEvent.DesignationsVerified(
                Instant.parse("2026-12-07T09:00:00Z"),
                AREA,
                "prv_both",
                4,
                "Both Hub",
                List.of("ENGLISH_HUB", "RESEARCH_SCHOOL"),
                List.of("MATHS_HUB"),
                "assurer-871"));
        assertThat(uk.sse.notifier.model.Notices.of(e, (String) null))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.title())
                            .isEqualTo("An assurer verified your designations \u201cEnglish hub\u201d and"
                                    + " \u201cResearch school\u201d: your offers show it; and withdrew the verification"
                                    + " of your designation \u201cMaths hub\u201d: your offers no longer show it");
                    assertThat(n.audience().key()).isEqualTo("ORG#prv_both");
                    assertThat(n.link()).isEqualTo("/profile");
                });
    }

    private void write(String table, DirectoryEvent.DesignationDecision d) {
        EventEnvelope e = envelope(d);
        dynamo.transactWriteItems(b -> b.transactItems(EventItems.put(
                table,
                "PROVIDER#" + d.providerId(),
                String.format("EVENT#%010d", d.version()),
                e,
                eventJson.write(e))));
    }

    private static EventEnvelope envelope(DirectoryEvent d) {
        return new EventEnvelope(d.type(), d.eventId(), d.occurredAt(), d.area(), d.data());
    }
}
