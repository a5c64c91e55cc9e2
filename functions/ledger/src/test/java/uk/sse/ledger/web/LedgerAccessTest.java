package uk.sse.ledger.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, per {@code LedgerPolicy}, through the Lambda handler: each endpoint's grants and denials. A denial
 * is problem+json and leaves every account and the invariant check as they were.
 */
@MicronautTest
class LedgerAccessTest extends LedgerLambdaTest {

    static final String AREA = "888";
    static final String OTHER_AREA = "999";
    static final String SCHOOL = "888/100001";
    static final String OTHER_SCHOOL = "888/100002";
    static final String PROVIDER = "888/prv_hub";
    static final String ISSUING = "888/ISSUING";

    @Inject Ledgers ledgers;
    @Inject JwtTokenGenerator jwt;

    final AtomicInteger ids = new AtomicInteger();

    String school;
    String otherSchool;
    String provider;
    String adviser;
    String broker;
    String commissioner;
    String admin;
    String assurer;
    /** The same school's URN, but acting in another area. */
    String schoolElsewhere;
    String brokerElsewhere;
    String commissionerElsewhere;
    String adminElsewhere;
    String adviserElsewhere;

    @BeforeAll
    void openAndFund() {
        ledgers.open(AREA, "100001", "100002", "prv_hub");
        ledgers.open(OTHER_AREA, "100001");
        ledgers.allocate("fund-1", SCHOOL, 100);
        ledgers.allocate("fund-2", OTHER_SCHOOL, 100);
        ledgers.allocate("fund-3", "999/100001", 100);
        school = ledgers.school(AREA, "100001");
        otherSchool = ledgers.school(AREA, "100002");
        provider = tokens.bearer(Role.PROVIDER, AREA, "prv_hub");
        adviser = tokens.bearer(Role.ADVISER, AREA, "adv-1");
        broker = ledgers.broker(AREA);
        commissioner = ledgers.commissioner(AREA);
        admin = ledgers.admin(AREA);
        assurer = tokens.bearer(Role.ASSURER, AREA, "qa-1");
        schoolElsewhere = ledgers.school(OTHER_AREA, "100001");
        brokerElsewhere = ledgers.broker(OTHER_AREA);
        commissionerElsewhere = ledgers.commissioner(OTHER_AREA);
        adminElsewhere = ledgers.admin(OTHER_AREA);
        adviserElsewhere = tokens.bearer(Role.ADVISER, OTHER_AREA, "adv-2");
    }

    // ---- reading accounts and statements

    @Test
    void anAccountAndItsStatementAreSeenByItsOwnerAndTheAreasOverseersOnly() {
        for (String who : List.of(school, broker, commissioner, admin)) {
            assertThat(api.get("/accounts/" + SCHOOL, who).status()).isEqualTo(200);
            assertThat(api.get("/accounts/" + SCHOOL + "/entries", who).status()).isEqualTo(200);
        }
        Api.Reply own = api.get("/accounts/" + PROVIDER, provider);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.map()).containsEntry("id", PROVIDER);
        assertThat(api.get("/accounts/" + PROVIDER + "/entries", provider).status()).isEqualTo(200);

        Map<String, String> strangers = new java.util.LinkedHashMap<>();
        strangers.put("another school", otherSchool);
        strangers.put("a provider", provider);
        strangers.put("an assurer", assurer);
        strangers.put("the same URN in another area", schoolElsewhere);
        strangers.put("another area's broker", brokerElsewhere);
        strangers.put("another area's commissioner", commissionerElsewhere);
        strangers.put("another area's admin", adminElsewhere);
        strangers.forEach((name, who) -> {
            denied(name, 404, () -> api.get("/accounts/" + SCHOOL, who));
            denied(name, 404, () -> api.get("/accounts/" + SCHOOL + "/entries", who));
        });
        // the area's advisers see a school's balances (on a visit: can it pay?) but not its statement; others' advisers neither
        Api.Reply balances = api.get("/accounts/" + SCHOOL, adviser);
        assertThat(balances.status()).as(balances.body()).isEqualTo(200);
        assertThat(balances.map()).containsKeys("balance", "available");
        denied("an adviser, the statement", 404, () -> api.get("/accounts/" + SCHOOL + "/entries", adviser));
        denied("another area's adviser", 404, () -> api.get("/accounts/" + SCHOOL, adviserElsewhere));
        // a school's account seen by another school looks exactly like one that does not exist
        Api.Reply missing = api.get("/accounts/888/100999", school);
        Api.Reply hidden = api.get("/accounts/" + OTHER_SCHOOL, school);
        assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(404);
        assertThat(hidden.map().get("type")).isEqualTo(missing.map().get("type"));
    }

    @Test
    void anAreasAccountsAreListedForItsBrokersCommissionersAndAdminsOnly() {
        for (String who : List.of(broker, commissioner, admin)) {
            Api.Reply list = api.get("/accounts?area=" + AREA, who);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) list.map().get("items");
            assertThat(items).extracting(a -> (String) a.get("id")).contains(ISSUING, SCHOOL, OTHER_SCHOOL, PROVIDER)
                    .allMatch(id -> id.startsWith(AREA + "/"));
        }
        for (String who : List.of(school, provider, adviser, assurer, brokerElsewhere, commissionerElsewhere, adminElsewhere)) {
            denied("listing", 403, () -> api.get("/accounts?area=" + AREA, who));
        }
    }

    // ---- opening accounts

    @Test
    void aProviderOpensItsOwnAccountAndTheAreasCommissionersAndAdminsOpenAny() {
        Api.Reply own = api.post("/accounts", tokens.bearer(Role.PROVIDER, AREA, "prv_new"), Map.of("area", AREA, "owner", "prv_new"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.map()).containsEntry("id", "888/prv_new").containsEntry("balance", 0);
        Api.Reply byCommissioner = api.post("/accounts", commissioner, Map.of("area", AREA, "owner", "100003"));
        assertThat(byCommissioner.status()).as(byCommissioner.body()).isEqualTo(201);
        Api.Reply byAdmin = api.post("/accounts", admin, Map.of("area", AREA, "owner", "100004"));
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);

        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("a school opening another's", school);
        refused.put("a broker", broker);
        refused.put("an adviser", adviser);
        refused.put("an assurer", assurer);
        refused.put("another area's commissioner", commissionerElsewhere);
        refused.put("another area's admin", adminElsewhere);
        refused.forEach((name, who) -> {
            denied(name, 403, () -> api.post("/accounts", who, Map.of("area", AREA, "owner", "100005")));
            assertThat(api.get("/accounts/888/100005", commissioner).status()).as(name).isEqualTo(404);
        });
        // a provider may not open the issuing account, even of its own area
        denied("a provider opening the issuing account", 403,
                () -> api.post("/accounts", tokens.bearer(Role.PROVIDER, AREA, "ISSUING"), Map.of("area", AREA, "owner", "ISSUING")));
    }

    // ---- moving credits

    @Test
    void onlyTheAreasCommissionerAllocates() {
        Api.Reply granted = api.post("/allocations", commissioner, Map.of("id", id("alloc"), "to", SCHOOL, "amount", 5));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.map()).containsEntry("kind", "ALLOCATION").containsEntry("debit", ISSUING);

        for (String who : List.of(broker, admin, school, provider, adviser, assurer, commissionerElsewhere)) {
            String id = id("alloc");
            denied("allocation", 403, () -> api.post("/allocations", who, Map.of("id", id, "to", SCHOOL, "amount", 5)));
            assertThat(ledgers.transferAsCommissioner(AREA, id).status()).isEqualTo(404);
        }
        // nor by naming ALLOCATION as the kind of an ordinary transfer
        denied("allocation as a transfer", 403,
                () -> api.post("/transfers", broker, Ledgers.transfer(id("alloc"), ISSUING, SCHOOL, 5, "ALLOCATION")));
    }

    @Test
    void onlyTheAreasCommissionersAndAdminsAdjust() {
        for (String who : List.of(commissioner, admin)) {
            Api.Reply granted = api.post("/transfers", who, Ledgers.transfer(id("adj"), SCHOOL, ISSUING, 1, "ADJUSTMENT"));
            assertThat(granted.status()).as(granted.body()).isEqualTo(201);
            assertThat(granted.map()).containsEntry("kind", "ADJUSTMENT").containsEntry("state", "SINGLE_PHASE");
        }
        for (String who : List.of(broker, adviser, school, provider, assurer, commissionerElsewhere, adminElsewhere)) {
            denied("adjustment", 403, () -> api.post("/transfers", who, Ledgers.transfer(id("adj"), SCHOOL, ISSUING, 1, "ADJUSTMENT")));
        }
    }

    @Test
    void aPaymentIsMadeByThePayerOrTheAreasAdvisersBrokersAndCommissioners() {
        for (String who : List.of(school, adviser, broker, commissioner)) {
            long before = ledgers.balance(SCHOOL, commissioner, "balance");
            Api.Reply granted = api.post("/transfers", who, Ledgers.transfer(id("pay"), SCHOOL, PROVIDER, 2, "PAYMENT"));
            assertThat(granted.status()).as(granted.body()).isEqualTo(201);
            assertThat(ledgers.balance(SCHOOL, commissioner, "balance")).isEqualTo(before - 2);
        }
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("the payee", provider);
        refused.put("another school", otherSchool);
        refused.put("an admin", admin);
        refused.put("an assurer", assurer);
        refused.put("the same URN in another area", schoolElsewhere);
        refused.put("another area's adviser", adviserElsewhere);
        refused.put("another area's broker", brokerElsewhere);
        refused.put("another area's commissioner", commissionerElsewhere);
        refused.forEach((name, who) -> denied(name, 403,
                () -> api.post("/transfers", who, Ledgers.transfer(id("pay"), SCHOOL, PROVIDER, 2, "PAYMENT"))));
        // a hold is a payment too
        denied("a payee placing a hold", 403, () -> api.post("/transfers", provider, Ledgers.hold(id("pay"), SCHOOL, PROVIDER, 2)));
    }

    // ---- resolving holds

    @Test
    void aHoldIsPostedByThePayerOrTheAreasBrokersCommissionersAndAdmins() {
        for (String who : List.of(school, broker, commissioner, admin)) {
            String hold = hold();
            Api.Reply posted = api.post("/transfers/" + hold + "/post", who, Map.of());
            assertThat(posted.status()).as(posted.body()).isEqualTo(200);
            assertThat(posted.map()).containsEntry("state", "POSTED").containsEntry("postedAmount", 1);
        }
        String hold = hold();
        denied("the payee", 403, () -> api.post("/transfers/" + hold + "/post", provider, Map.of()));
        // an adviser may not post; it cannot see the hold either, so for it the hold is not there
        denied("an adviser", 404, () -> api.post("/transfers/" + hold + "/post", adviser, Map.of()));
        for (String who : List.of(otherSchool, assurer, schoolElsewhere, brokerElsewhere, commissionerElsewhere, adminElsewhere)) {
            denied("a stranger", 404, () -> api.post("/transfers/" + hold + "/post", who, Map.of()));
        }
        assertThat(ledgers.transferAsCommissioner(AREA, hold).map()).containsEntry("state", "PENDING");
    }

    @Test
    void aHoldIsVoidedByEitherPartyOrTheAreasAdvisersBrokersCommissionersAndAdmins() {
        for (String who : List.of(school, provider, adviser, broker, commissioner, admin)) {
            String hold = hold();
            long available = ledgers.balance(SCHOOL, commissioner, "available");
            Api.Reply voided = api.post("/transfers/" + hold + "/void", who, null);
            assertThat(voided.status()).as(voided.body()).isEqualTo(200);
            assertThat(voided.map()).containsEntry("state", "VOIDED");
            assertThat(ledgers.balance(SCHOOL, commissioner, "available")).isEqualTo(available + 1);
        }
        String hold = hold();
        for (String who : List.of(otherSchool, assurer, schoolElsewhere, adviserElsewhere, brokerElsewhere, commissionerElsewhere, adminElsewhere)) {
            denied("a stranger", 404, () -> api.post("/transfers/" + hold + "/void", who, null));
        }
        assertThat(ledgers.transferAsCommissioner(AREA, hold).map()).containsEntry("state", "PENDING");
    }

    @Test
    void aTransferIsSeenByThoseWhoSeeEitherOfItsAccounts() {
        String hold = hold();
        for (String who : List.of(school, provider, broker, commissioner, admin)) {
            Api.Reply seen = api.get("/transfers/" + hold, who);
            assertThat(seen.status()).as(seen.body()).isEqualTo(200);
            assertThat(seen.map()).containsEntry("id", hold).containsEntry("debit", SCHOOL).containsEntry("credit", PROVIDER);
        }
        for (String who : List.of(otherSchool, assurer, schoolElsewhere, brokerElsewhere, commissionerElsewhere, adminElsewhere)) {
            denied("a stranger", 404, () -> api.get("/transfers/" + hold, who));
        }
    }

    // ---- the check

    @Test
    void onlyTheAreasCommissionersAndAdminsCheckItsLedger() {
        for (String who : List.of(commissioner, admin)) {
            Api.Reply check = api.get("/ledger/check?area=" + AREA, who);
            assertThat(check.status()).as(check.body()).isEqualTo(200);
            assertThat(check.map()).containsEntry("ok", true).containsEntry("area", AREA);
        }
        for (String who : List.of(broker, adviser, school, provider, assurer, commissionerElsewhere, adminElsewhere)) {
            denied("check", 403, () -> api.get("/ledger/check?area=" + AREA, who));
        }
    }

    // ---- no identity

    @Test
    void withoutAUsableTokenEveryEndpointIsA401() {
        String unknownRole = token(Map.of("role", "HEADTEACHER", "area", AREA, "org", "100001"));
        String noRole = token(Map.of("area", AREA, "org", "100001"));
        String forged = school.substring(0, school.length() - 4) + "AAAA";
        List<Supplier<MutableHttpRequest<?>>> requests = List.of(
                () -> HttpRequest.POST("/accounts", Map.of("area", AREA, "owner", "100009")),
                () -> HttpRequest.GET("/accounts?area=" + AREA),
                () -> HttpRequest.GET("/accounts/" + SCHOOL),
                () -> HttpRequest.GET("/accounts/" + SCHOOL + "/entries"),
                () -> HttpRequest.POST("/transfers", Ledgers.transfer(id("anon"), SCHOOL, PROVIDER, 1, "PAYMENT")),
                () -> HttpRequest.POST("/allocations", Map.of("id", id("anon"), "to", SCHOOL, "amount", 1)),
                () -> HttpRequest.GET("/transfers/fund-1"),
                () -> HttpRequest.POST("/transfers/fund-1/post", Map.of()),
                () -> HttpRequest.POST("/transfers/fund-1/void", Map.of()),
                () -> HttpRequest.GET("/ledger/check?area=" + AREA));
        for (Supplier<MutableHttpRequest<?>> request : requests) {
            for (String bearer : java.util.Arrays.asList(null, unknownRole, noRole, forged)) {
                String name = request.get().getMethod() + " " + request.get().getUri() + " with " + (bearer == null ? "no token" : bearer);
                denied(name, 401, () -> api.send(Api.auth(request.get(), bearer)));
            }
        }
    }

    // ---- helpers

    /** A hold of 1 credit from the school to the provider, placed by the broker. */
    private String hold() {
        String id = id("hold");
        Api.Reply reply = api.post("/transfers", broker, Ledgers.hold(id, SCHOOL, PROVIDER, 1));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return id;
    }

    private String id(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    private String token(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "someone");
        all.put("exp", System.currentTimeMillis() / 1000 + 3600);
        return "Bearer " + jwt.generateToken(all).orElseThrow();
    }

    /** The request is refused with {@code status} as problem+json, and nothing in either area changed. */
    private void denied(String who, int status, Supplier<Api.Reply> request) {
        Map<String, Object> before = ledgers.state(AREA);
        Map<String, Object> beforeElsewhere = ledgers.state(OTHER_AREA);
        Api.Reply reply = request.get();
        assertThat(reply.status()).as(who + ": " + reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(who).startsWith("application/problem+json");
        assertThat(reply.map()).as(who).containsEntry("status", reply.status()).containsKeys("type", "title");
        assertThat(ledgers.state(AREA)).as(who + " changed nothing").isEqualTo(before);
        assertThat(ledgers.state(OTHER_AREA)).as(who + " changed nothing elsewhere").isEqualTo(beforeElsewhere);
    }
}
