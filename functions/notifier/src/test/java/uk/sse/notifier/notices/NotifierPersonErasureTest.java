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
import uk.sse.notifier.testing.EmailLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.testing.Api;
import uk.sse.testing.TableStrings;
import uk.sse.testing.TestErasureKey;

/**
 * An area's admin exports what the notifier holds about an adviser (their contact, the notices for them alone, the
 * emails sent to them, the request it remembers they raised, a webhook body naming them) and erases it, through the
 * Lambda handler: afterwards no item of the table holds their subject or email address, while a person of another
 * area keeps theirs. Nobody else may do either.
 */
@MicronautTest
class NotifierPersonErasureTest extends EmailLambdaTest {

    static final String AREA = "877";
    static final String URN = "120012";
    static final String PROVIDER = "prv_riverside-trust";
    static final String SUBJECT = "adviser-" + AREA; // the raiser the test's brokerage table writes
    static final String EMAIL = "adviser@la.example.gov.uk";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheAreasAdminExportsAndErasesAndNothingOfThePersonIsLeft() {
        String adviser = person(SUBJECT, Role.ADVISER, AREA, null, EMAIL, true);
        String elsewhere = person("broker-878", Role.BROKER, "878", null, "broker@other.example.gov.uk", true);
        Notifiers.Made hook =
                notifiers().subscribe(AREA, receiver.url("/erase/json"), "json", List.of("brokerage.request.created"));
        BrokerageRequest raised = brokerage()
                .raise(
                        AREA,
                        "R-erase-1",
                        URN,
                        "Oakfield Primary",
                        List.of("INC.SEND.ASD"),
                        "Provision maps",
                        Urgency.HIGH);
        brokerage().proposeAcceptAgree(raised, "off_9", PROVIDER);
        pipeline().deliver(brokerage().stream());
        pipeline().handle(pipeline().lastBatch());
        assertThat(notify.await(EMAIL, 2, WAIT)).hasSize(2);
        assertThat(notifiers().deliveries(AREA, hook.id())).isNotEmpty();
        assertThat(TableStrings.of(dynamo, settings.tableName()))
                .anyMatch(v -> v.contains(SUBJECT))
                .anyMatch(v -> v.contains(EMAIL));

        String admin = notifiers().admin(AREA);
        List<String> others = List.of(
                adviser,
                elsewhere,
                notifiers().broker(AREA),
                tokens.bearer(Role.COMMISSIONER, AREA, "la-" + AREA),
                tokens.bearer(Role.ASSURER, AREA, "qa"),
                tokens.bearer(Role.PROVIDER, AREA, PROVIDER),
                tokens.service("ledger.holds"));
        for (String who : others) {
            assertThat(api.get("/notices/people/" + SUBJECT, who).status()).isEqualTo(403);
            assertThat(api.post("/notices/people/" + SUBJECT + "/erasure", who, Map.of())
                            .status())
                    .isEqualTo(403);
        }
        Api.Reply otherArea =
                api.post("/notices/people/" + SUBJECT + "/erasure", notifiers().admin("878"), Map.of());
        assertThat(otherArea.status()).as(otherArea.body()).isEqualTo(200);
        assertThat(otherArea.map()).containsEntry("deleted", 0).containsEntry("rewritten", 0);
        Api.Reply bad = api.get("/notices/people/" + "x".repeat(129), admin);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.problemFields()).containsExactly("subject");

        Api.Reply export = api.get("/notices/people/" + SUBJECT, admin);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        List<Map<String, Object>> items =
                (List<Map<String, Object>>) export.map().get("items");
        assertThat(items).extracting(i -> i.get("entity")).contains("CONTACT", "NOTICE", "DELIVERY", "RAISER");
        assertThat(items)
                .filteredOn(i -> "CONTACT".equals(i.get("entity")))
                .singleElement()
                .satisfies(i -> assertThat((List<String>) i.get("texts")).contains("email: " + EMAIL));

        Api.Reply erased = api.post("/notices/people/" + SUBJECT + "/erasure", admin, Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.map()).containsEntry("tombstone", TestErasureKey.of(SUBJECT));
        assertThat((Integer) erased.map().get("deleted"))
                .as("contact, notices, emails")
                .isGreaterThanOrEqualTo(4);
        assertThat((Integer) erased.map().get("rewritten"))
                .as("the raiser and the webhook body")
                .isGreaterThanOrEqualTo(2);

        List<String> left = TableStrings.of(dynamo, settings.tableName());
        assertThat(left)
                .noneMatch(v -> v.contains(SUBJECT))
                .noneMatch(v -> v.contains(EMAIL))
                .noneMatch(v -> v.contains("Provision maps"));
        assertThat(left)
                .as("another area's person keeps theirs")
                .anyMatch(v -> v.equals("broker@other.example.gov.uk"));
        assertThat(left).as("the remembered raiser").contains(TestErasureKey.of(SUBJECT));
        Api.Reply again = api.post("/notices/people/" + SUBJECT + "/erasure", admin, Map.of());
        assertThat(again.map())
                .as("a second erasure finds nothing")
                .containsEntry("deleted", 0)
                .containsEntry("rewritten", 0);
    }
}
