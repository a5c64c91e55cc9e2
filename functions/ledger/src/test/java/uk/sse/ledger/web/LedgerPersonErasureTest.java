package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.ledger.LedgerSettings;
import uk.sse.testing.Api;
import uk.sse.testing.TableStrings;
import uk.sse.testing.TestErasureKey;

/**
 * An area's admin exports the transfers a school's member asked for and erases their subject from them, through the
 * Lambda handler (a single-phase payment is asked for and resolved at once): afterwards no item of the ledger table (transfers and their events) holds the subject, every account
 * and the invariant check are as they were, and nobody but the area's admin is answered.
 */
@MicronautTest
class LedgerPersonErasureTest extends LedgerLambdaTest {

    static final String AREA = "888";

    @Inject
    Ledgers ledgers;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LedgerSettings settings;

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheAreasAdminExportsAndErasesAndEveryBalanceStays() {
        ledgers.open(AREA, "100001", "prv_hub");
        ledgers.allocate("erasure-fund", AREA + "/100001", 50);
        String school = ledgers.school(AREA, "100001");
        String member = "provider-" + AREA + "-100001";
        assertThat(api.post(
                                "/transfers",
                                school,
                                Ledgers.transfer("erasure-pay", AREA + "/100001", AREA + "/prv_hub", 5, "PAYMENT"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/transfers", school, Ledgers.hold("erasure-hold", AREA + "/100001", AREA + "/prv_hub", 3))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/transfers/erasure-hold/post", school, Map.of()).status())
                .isEqualTo(200);

        for (String who : List.of(
                tokens.bearer(Role.ADVISER, AREA, "la-888"),
                ledgers.broker(AREA),
                school,
                ledgers.commissioner(AREA),
                tokens.service(ServiceScope.LEDGER_HOLDS))) {
            assertThat(api.get("/ledger/people/" + member, who).status()).isEqualTo(403);
            assertThat(api.post("/ledger/people/" + member + "/erasure", who, Map.of())
                            .status())
                    .isEqualTo(403);
        }
        Api.Reply otherArea = api.post("/ledger/people/" + member + "/erasure", ledgers.admin("889"), Map.of());
        assertThat(otherArea.map()).as(otherArea.body()).containsEntry("transfers", 0);
        assertThat(strings()).as("the denials changed nothing").contains(member);

        Api.Reply export = api.get("/ledger/people/" + member, ledgers.admin(AREA));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) export.map().get("transfers"))
                .extracting(t -> t.get("transferId"), t -> t.get("parts"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("erasure-pay", List.of("asked", "resolved")),
                        org.assertj.core.groups.Tuple.tuple("erasure-hold", List.of("asked", "resolved")));

        Map<String, Object> before = ledgers.state(AREA);
        Api.Reply erased = api.post("/ledger/people/" + member + "/erasure", ledgers.admin(AREA), Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.map()).containsEntry("transfers", 2).containsEntry("tombstone", TestErasureKey.of(member));

        assertThat(strings()).as("the member's subject, anywhere in the table").noneMatch(s -> s.contains(member));
        assertThat(ledgers.state(AREA)).as("every account and the check").isEqualTo(before);
        Map<String, Object> hold =
                ledgers.transferAsCommissioner(AREA, "erasure-hold").map();
        assertThat((Map<String, Object>) hold.get("requestedBy"))
                .containsEntry("subject", TestErasureKey.of(member))
                .containsEntry("role", "PROVIDER");
        assertThat(hold).containsEntry("state", "POSTED").containsEntry("postedAmount", 3);
        assertThat((List<?>) api.get("/ledger/people/" + member, ledgers.admin(AREA))
                        .map()
                        .get("transfers"))
                .isEmpty();
        assertThat(api.get("/ledger/people/" + "x".repeat(129), ledgers.admin(AREA))
                        .problemFields())
                .containsExactly("subject");
    }

    /** Every string anywhere in every item of the ledger table, nested ones and event envelopes included. */
    List<String> strings() {
        return TableStrings.of(dynamo, settings.tableName());
    }
}
