package uk.sse.ledger.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.metrics.Metrics;
import uk.sse.kernel.time.SchoolPeriod;
import uk.sse.ledger.application.GiveEntitlements;
import uk.sse.ledger.web.LedgerLambdaTest;
import uk.sse.ledger.web.Ledgers;
import uk.sse.testing.Api;

/**
 * An area's credit scheme through the ledger's Lambda handler: its commissioner sets it, its brokers and admins read it,
 * everyone else is refused and nothing changes; bad input is named and changes nothing; no one makes a scheme's
 * transfer through the API; and the scheduled handler gives each member school its term's entitlement once.
 */
@MicronautTest(environments = "test")
class CreditSchemeApiTest extends LedgerLambdaTest {

    static final String PATH = "/ledger/credit-schemes/931";

    @Inject
    Ledgers ledgers;

    @Inject
    ApplicationContext context;

    private final List<String> metricLines = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void theCommissionerSetsItTheAreasOverseersReadItAndEveryoneElseIsRefused() {
        String commissioner = ledgers.commissioner("931");
        assertThat(api.get(PATH, commissioner).map())
                .containsEntry("creditsPerTerm", 0)
                .containsEntry("version", 0);

        Api.Reply set = api.put(PATH, commissioner, null, body(20, true));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.map())
                .containsEntry("creditsPerTerm", 20)
                .containsEntry("unspentExpires", true)
                .containsEntry("version", 1);
        for (String reader : List.of(commissioner, ledgers.broker("931"), ledgers.admin("931"))) {
            assertThat(api.get(PATH, reader).map())
                    .containsEntry("creditsPerTerm", 20)
                    .containsEntry("version", 1);
        }

        List<String> refusedReading = List.of(
                tokens.bearer(Role.ADVISER, "931", "la-931"),
                ledgers.school("931", "100001"),
                tokens.bearer(Role.ASSURER, "931", "la-931"),
                ledgers.commissioner("932"),
                ledgers.broker("932"));
        for (String stranger : refusedReading) {
            assertThat(api.get(PATH, stranger).status()).isEqualTo(403);
        }
        List<String> refusedSetting = new java.util.ArrayList<>(refusedReading);
        refusedSetting.add(ledgers.admin("931"));
        refusedSetting.add(ledgers.broker("931"));
        for (String stranger : refusedSetting) {
            assertThat(api.put(PATH, stranger, null, body(500, false)).status()).isEqualTo(403);
        }
        assertThat(api.get(PATH, null).status()).isEqualTo(401);
        assertThat(api.get(PATH, commissioner).map())
                .containsEntry("creditsPerTerm", 20)
                .containsEntry("version", 1);

        Api.Reply changed = api.put(PATH, commissioner, null, withVersion(body(15, false), 1));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.map())
                .containsEntry("creditsPerTerm", 15)
                .containsEntry("unspentExpires", false)
                .containsEntry("version", 2);
        Api.Reply stale = api.put(PATH, commissioner, null, withVersion(body(99, false), 1));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(api.get(PATH, commissioner).map())
                .containsEntry("creditsPerTerm", 15)
                .containsEntry("version", 2);
    }

    @Test
    void badInputIsNamedAndChangesNothing() {
        String commissioner = ledgers.commissioner("933");
        assertThat(api.put("/ledger/credit-schemes/933", commissioner, null, body(3, false))
                        .status())
                .isEqualTo(200);
        List<Object[]> bad = List.of(
                new Object[] {"{\"creditsPerTerm\":-1,\"unspentExpires\":true}", "creditsPerTerm"},
                new Object[] {"{\"creditsPerTerm\":1001,\"unspentExpires\":true}", "creditsPerTerm"},
                new Object[] {"{\"creditsPerTerm\":2.5,\"unspentExpires\":true}", "creditsPerTerm"},
                new Object[] {"{\"creditsPerTerm\":\"3\",\"unspentExpires\":true}", "creditsPerTerm"},
                new Object[] {"{\"creditsPerTerm\":3,\"unspentExpires\":\"yes\"}", "unspentExpires"},
                new Object[] {"{\"creditsPerTerm\":3}", "unspentExpires"},
                new Object[] {"{\"creditsPerTerm\":3,\"unspentExpires\":true,\"perTerm\":4}", "perTerm"},
                new Object[] {"[]", ""});
        for (Object[] b : bad) {
            Api.Reply reply = api.send(Api.auth(
                    HttpRequest.PUT("/ledger/credit-schemes/933", (String) b[0]).contentType("application/json"),
                    commissioner));
            assertThat(reply.status()).as((String) b[0] + " " + reply.body()).isIn(400, 422);
            assertThat(reply.body()).as((String) b[0]).contains((String) b[1]);
        }
        Api.Reply longArea = api.put("/ledger/credit-schemes/" + "a".repeat(65), commissioner, null, body(3, false));
        assertThat(longArea.status()).isIn(400, 422);
        assertThat(longArea.body()).contains("area");
        assertThat(api.get("/ledger/credit-schemes/933", commissioner).map())
                .containsEntry("creditsPerTerm", 3)
                .containsEntry("version", 1);
    }

    @Test
    void noOneMakesASchemesTransferThroughTheApi() {
        ledgers.open("934", "100001");
        String term =
                SchoolPeriod.termOf(LocalDate.now(GiveEntitlements.SCHOOL_TIME)).key();
        Api.Reply allocation = api.post(
                "/allocations",
                ledgers.commissioner("934"),
                Map.of("id", "entitle.934." + term + ".100001", "to", "934/100001", "amount", 5));
        assertThat(allocation.status()).as(allocation.body()).isEqualTo(403);
        Api.Reply adjustment = api.post(
                "/transfers",
                ledgers.commissioner("934"),
                Ledgers.transfer("expire.934.year-2025.100001", "934/100001", "934/ISSUING", 1, "ADJUSTMENT"));
        assertThat(adjustment.status()).as(adjustment.body()).isEqualTo(403);
        assertThat(ledgers.balance("934/100001", ledgers.commissioner("934"), "balance"))
                .isZero();
    }

    @Test
    void theScheduledHandlerGivesEachMemberSchoolItsTermsEntitlementOnce() throws Exception {
        ledgers.open("935", "100001", "100002", "la-team");
        ledgers.allocate("a-935", "935/100001", 4);
        assertThat(api.put("/ledger/credit-schemes/935", ledgers.commissioner("935"), null, body(18, true))
                        .status())
                .isEqualTo(200);

        Map<String, Object> first = run();
        Map<String, Object> second = run();
        assertThat((Integer) first.get("given")).isGreaterThanOrEqualTo(2);
        assertThat(second).containsEntry("given", 0).containsEntry("failed", 0);
        assertThat(metricLines)
                .as("each completed run says so: the missed-term alarm's metric")
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("\"" + GiveEntitlementsOnSchedule.COMPLETED + "\":1"));

        String commissioner = ledgers.commissioner("935");
        assertThat(ledgers.balance("935/100001", commissioner, "balance")).isEqualTo(4 + 18);
        assertThat(ledgers.balance("935/100002", commissioner, "balance")).isEqualTo(18);
        assertThat(ledgers.balance("935/la-team", commissioner, "balance"))
                .as("a provider, not a member school")
                .isZero();
        SchoolPeriod term = SchoolPeriod.termOf(LocalDate.now(GiveEntitlements.SCHOOL_TIME));
        Api.Reply given = ledgers.transferAsCommissioner("935", "entitle.935." + term.key() + ".100002");
        assertThat(given.status()).isEqualTo(200);
        assertThat(given.map())
                .containsEntry("kind", "ALLOCATION")
                .containsEntry("amount", 18)
                .containsEntry(
                        "reference", "Entitlement for the " + term.label().toLowerCase(java.util.Locale.ROOT));
        @SuppressWarnings("unchecked")
        Map<String, Object> by = (Map<String, Object>) given.map().get("requestedBy");
        assertThat(by).containsEntry("role", "SERVICE").containsEntry("subject", "ledger-schemes");
        @SuppressWarnings("unchecked")
        Map<String, Object> forWhom = (Map<String, Object>) by.get("onBehalfOf");
        assertThat(forWhom).containsEntry("role", "COMMISSIONER").containsEntry("area", "935");
        ledgers.assertChecksOut("935");
    }

    private Map<String, Object> run() {
        Map<String, Object> properties = new HashMap<>();
        for (String key : getProperties().keySet()) {
            properties.put(key, context.getRequiredProperty(key, String.class));
        }
        try (GiveEntitlementsOnSchedule handler = new GiveEntitlementsOnSchedule(
                ApplicationContext.builder().environments("test").properties(properties))) {
            handler.metrics = new Metrics(
                    java.time.Clock.systemUTC(), context.getBean(io.micronaut.json.JsonMapper.class), metricLines::add);
            return handler.handleRequest(new ScheduledEvent(), null);
        }
    }

    private static Map<String, Object> body(int creditsPerTerm, boolean unspentExpires) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creditsPerTerm", creditsPerTerm);
        body.put("unspentExpires", unspentExpires);
        return body;
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, long version) {
        body.put("version", version);
        return body;
    }
}
