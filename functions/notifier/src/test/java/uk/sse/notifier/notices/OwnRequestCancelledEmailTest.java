package uk.sse.notifier.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.identity.Role;
import uk.sse.notifier.model.NoticeKind;
import uk.sse.notifier.testing.EmailLambdaTest;
import uk.sse.testing.NotifyStandIn;

/**
 * A school's own request a broker cancels is emailed to its staff with the kind's template (decision 0108), a kind the
 * school may choose on its settings; the staff of another school of the area, the provider and the area's adviser are
 * emailed nothing of it.
 */
@MicronautTest
class OwnRequestCancelledEmailTest extends EmailLambdaTest {

    static final String AREA = "878";
    static final String URN = "120099";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theSchoolIsEmailedWhenABrokerCancelsTheRequestItRaised() {
        String head = person("head-" + URN, Role.PROVIDER, AREA, URN, "head@ashgrove.example.sch.uk", true);
        person("head-120098", Role.PROVIDER, AREA, "120098", "head@larkrise.example.sch.uk", true);
        person("lead-partner", Role.PROVIDER, AREA, "prv_ashgrove-partner", "lead@partner.example.org", true);
        person("adviser-" + AREA, Role.ADVISER, AREA, null, "adviser@la878.example.gov.uk", true);
        assertThat(api.get("/notices/settings", head).map().get("choices"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains(Map.of("kind", "request-cancelled", "email", true));

        BrokerageRequest own = brokerage()
                .raiseAsSchool(
                        AREA, "R-own-email", URN, "Ashgrove Primary", List.of("AB.ATT"), "Attendance", Urgency.LOW);
        brokerage().cancel(own, "raised twice");
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        pipeline().handle(pipeline().lastBatch());
        pipeline().sweep();

        List<NotifyStandIn.Email> emailed = notify.await("head@ashgrove.example.sch.uk", 1, WAIT);
        assertThat(emailed).singleElement().satisfies(m -> {
            assertThat(m.templateId()).isEqualTo(templates.get(NoticeKind.REQUEST_CANCELLED));
            assertThat(m.personalisation())
                    .containsEntry("title", "The request Ashgrove Primary raised was cancelled: raised twice")
                    .containsEntry("link", "https://sse.example.test/support-requests/R-own-email");
        });
        assertThat(notify.emails())
                .as("nobody else is emailed of the cancel")
                .filteredOn(m -> m.templateId().equals(templates.get(NoticeKind.REQUEST_CANCELLED)))
                .extracting(NotifyStandIn.Email::to)
                .containsExactly("head@ashgrove.example.sch.uk");
    }
}
