package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.testing.Api;

/**
 * Who may do what, per {@code LedgerPolicy}, through the Lambda handler: each endpoint's grants and denials. A denial
 * is problem+json and leaves every account and the invariant check as they were.
 */
@MicronautTest
@SuppressWarnings("unchecked")
class LedgerAccessTest extends LedgerLambdaTest {

    static final String AREA = "888";
    static final String OTHER_AREA = "999";
    static final String SCHOOL = "888/100001";
    static final String OTHER_SCHOOL = "888/100002";
    static final String PROVIDER = "888/prv_hub";
    static final String ISSUING = "888/ISSUING";

    @Inject
    Ledgers ledgers;

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
    String brokerage;

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
        brokerage = tokens.service(ServiceScope.LEDGER_HOLDS, ServiceScope.DIRECTORY_READ);
    }

    // ---- reading accounts and statements

    @Test
    void anAccountAndItsStatementAreSeenByItsOwnerAndTheAreasOverseersOnly() {
        for (String who : List.of(school, broker, commissioner, admin)) {
            assertThat(api.get("/accounts/" + SCHOOL, who).status()).isEqualTo(200);
            assertThat(api.get("/accounts/" + SCHOOL + "/entries", who).status())
                    .isEqualTo(200);
        }
        Api.Reply own = api.get("/accounts/" + PROVIDER, provider);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.map()).containsEntry("id", PROVIDER);
        assertThat(api.get("/accounts/" + PROVIDER + "/entries", provider).status())
                .isEqualTo(200);

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
        // the area's advisers see a school's balances (on a visit: can it pay?) but not its statement; others' advisers
        // neither
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
            List<Map<String, Object>> items =
                    (List<Map<String, Object>>) list.map().get("items");
            assertThat(items)
                    .extracting(a -> (String) a.get("id"))
                    .contains(ISSUING, SCHOOL, OTHER_SCHOOL, PROVIDER)
                    .allMatch(id -> id.startsWith(AREA + "/"));
        }
        for (String who :
                List.of(school, provider, adviser, assurer, brokerElsewhere, commissionerElsewhere, adminElsewhere)) {
            denied("listing", 403, () -> api.get("/accounts?area=" + AREA, who));
        }
    }

    // ---- opening accounts

    @Test
    void aProviderOpensItsOwnAccountAndTheAreasCommissionersAndAdminsOpenAny() {
        Api.Reply own = api.post(
                "/accounts", tokens.bearer(Role.PROVIDER, AREA, "prv_new"), Map.of("area", AREA, "owner", "prv_new"));
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
            assertThat(api.get("/accounts/888/100005", commissioner).status())
                    .as(name)
                    .isEqualTo(404);
        });
        // a provider may not open the issuing account, even of its own area
        denied(
                "a provider opening the issuing account",
                403,
                () -> api.post(
                        "/accounts",
                        tokens.bearer(Role.PROVIDER, AREA, "ISSUING"),
                        Map.of("area", AREA, "owner", "ISSUING")));
    }

    // ---- moving credits

    @Test
    void onlyTheAreasCommissionerAllocates() {
        Api.Reply granted =
                api.post("/allocations", commissioner, Map.of("id", id("alloc"), "to", SCHOOL, "amount", 5));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.map()).containsEntry("kind", "ALLOCATION").containsEntry("debit", ISSUING);

        for (String who : List.of(broker, admin, school, provider, adviser, assurer, commissionerElsewhere)) {
            String id = id("alloc");
            denied("allocation", 403, () -> api.post("/allocations", who, Map.of("id", id, "to", SCHOOL, "amount", 5)));
            assertThat(ledgers.transferAsCommissioner(AREA, id).status()).isEqualTo(404);
        }
        // nor by naming ALLOCATION as the kind of an ordinary transfer
        denied(
                "allocation as a transfer",
                403,
                () -> api.post("/transfers", broker, Ledgers.transfer(id("alloc"), ISSUING, SCHOOL, 5, "ALLOCATION")));
    }

    @Test
    void onlyTheAreasCommissionerAdjustsAndSaysWhy() {
        Api.Reply granted = api.post("/transfers", commissioner, adjustment(id("adj"), SCHOOL, ISSUING));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.map()).containsEntry("kind", "ADJUSTMENT").containsEntry("state", "SINGLE_PHASE");
        assertThat((Map<String, Object>) granted.map().get("requestedBy"))
                .containsEntry("role", "COMMISSIONER")
                .containsEntry("area", AREA);
        for (String who :
                List.of(admin, broker, adviser, school, provider, assurer, commissionerElsewhere, adminElsewhere)) {
            denied("adjustment", 403, () -> api.post("/transfers", who, adjustment(id("adj"), SCHOOL, ISSUING)));
        }
        // an admin may not mint by adjusting from the issuing account either
        denied(
                "an admin's adjustment from issuing",
                403,
                () -> api.post("/transfers", admin, adjustment(id("adj"), ISSUING, PROVIDER)));
        Api.Reply noReason = api.post(
                "/transfers", commissioner, Ledgers.transfer(id("adj"), SCHOOL, OTHER_SCHOOL, 1, "ADJUSTMENT"));
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(422);
        assertThat(noReason.problemFields()).containsExactly("/reference");
    }

    @Test
    void noOneMintsCreditsByPayingFromTheIssuingAccount() {
        for (String who : List.of(adviser, broker, commissioner, admin, school)) {
            denied(
                    "a payment from issuing",
                    403,
                    () -> api.post("/transfers", who, Ledgers.transfer(id("mint"), ISSUING, PROVIDER, 50, "PAYMENT")));
            denied(
                    "a hold from issuing",
                    403,
                    () -> api.post("/transfers", who, Ledgers.hold(id("mint"), ISSUING, PROVIDER, 50)));
        }
        // the policy lets a commissioner adjust; the model still refuses issuing credits by a hold
        Map<String, Object> heldAdjustment = adjustment(id("mint"), ISSUING, PROVIDER);
        heldAdjustment.put("pending", true);
        denied(
                "a commissioner's held adjustment from issuing",
                422,
                () -> api.post("/transfers", commissioner, heldAdjustment));
        denied(
                "the service paying from issuing",
                422,
                () -> api.post(
                        "/transfers",
                        brokerage,
                        engagementHold("brk:mint-" + ids.incrementAndGet(), ISSUING, PROVIDER, 50)));
        assertThat(ledgers.assertChecksOut(AREA)).containsEntry("ok", true);
    }

    @Test
    void aPaymentIsMadeByThePayerOnly() {
        long before = ledgers.balance(SCHOOL, commissioner, "balance");
        Api.Reply granted = api.post("/transfers", school, Ledgers.transfer(id("pay"), SCHOOL, PROVIDER, 2, "PAYMENT"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(ledgers.balance(SCHOOL, commissioner, "balance")).isEqualTo(before - 2);
        assertThat((Map<String, Object>) granted.map().get("requestedBy"))
                .containsEntry("role", "PROVIDER")
                .containsEntry("organisation", "100001");
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("the payee", provider);
        refused.put("another school", otherSchool);
        refused.put("an adviser", adviser);
        refused.put("a broker", broker);
        refused.put("a commissioner", commissioner);
        refused.put("an admin", admin);
        refused.put("an assurer", assurer);
        refused.put("the same URN in another area", schoolElsewhere);
        refused.put("another area's adviser", adviserElsewhere);
        refused.put("another area's broker", brokerElsewhere);
        refused.put("another area's commissioner", commissionerElsewhere);
        refused.forEach((name, who) -> denied(
                name,
                403,
                () -> api.post("/transfers", who, Ledgers.transfer(id("pay"), SCHOOL, PROVIDER, 2, "PAYMENT"))));
        // a hold is a payment too
        denied(
                "a payee placing a hold",
                403,
                () -> api.post("/transfers", provider, Ledgers.hold(id("pay"), SCHOOL, PROVIDER, 2)));
        denied(
                "an adviser placing a hold",
                403,
                () -> api.post("/transfers", adviser, Ledgers.hold(id("pay"), SCHOOL, PROVIDER, 2)));
    }

    // ---- resolving holds

    @Test
    void aHoldIsPostedByThePayerOnly() {
        String granted = hold();
        Api.Reply posted = api.post("/transfers/" + granted + "/post", school, Map.of());
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.map()).containsEntry("state", "POSTED").containsEntry("postedAmount", 1);
        assertThat((Map<String, Object>) posted.map().get("resolvedBy"))
                .containsEntry("subject", "provider-888-100001");
        String hold = hold();
        for (String who : List.of(provider, broker, commissioner, admin)) {
            denied(
                    "one who sees it but does not pay",
                    403,
                    () -> api.post("/transfers/" + hold + "/post", who, Map.of()));
        }
        for (String who : List.of(
                adviser,
                otherSchool,
                assurer,
                schoolElsewhere,
                brokerElsewhere,
                commissionerElsewhere,
                adminElsewhere)) {
            denied("a stranger", 404, () -> api.post("/transfers/" + hold + "/post", who, Map.of()));
        }
        assertThat(ledgers.transferAsCommissioner(AREA, hold).map()).containsEntry("state", "PENDING");
    }

    @Test
    void aHoldIsVoidedByEitherPartyOnly() {
        for (String who : List.of(school, provider)) {
            String hold = hold();
            long available = ledgers.balance(SCHOOL, commissioner, "available");
            Api.Reply voided = api.post("/transfers/" + hold + "/void", who, null);
            assertThat(voided.status()).as(voided.body()).isEqualTo(200);
            assertThat(voided.map()).containsEntry("state", "VOIDED");
            assertThat(ledgers.balance(SCHOOL, commissioner, "available")).isEqualTo(available + 1);
        }
        String hold = hold();
        for (String who : List.of(broker, commissioner, admin)) {
            denied("an overseer", 403, () -> api.post("/transfers/" + hold + "/void", who, null));
        }
        for (String who : List.of(
                adviser,
                otherSchool,
                assurer,
                schoolElsewhere,
                adviserElsewhere,
                brokerElsewhere,
                commissionerElsewhere,
                adminElsewhere)) {
            denied("a stranger", 404, () -> api.post("/transfers/" + hold + "/void", who, null));
        }
        assertThat(ledgers.transferAsCommissioner(AREA, hold).map()).containsEntry("state", "PENDING");
    }

    // ---- engagement holds: the brokerage service's alone

    @Test
    void theBrokerageServicePlacesPostsVoidsAndExtendsEngagementHoldsRecordingWhomItActsFor() {
        String id = "brk:req_" + ids.incrementAndGet() + ".P1.v3";
        Api.Reply placed =
                api.send(Api.auth(HttpRequest.POST("/transfers", engagementHold(id, SCHOOL, PROVIDER, 2)), brokerage)
                        .header("Acting-Subject", "adviser-7")
                        .header("Acting-Role", "ADVISER")
                        .header("Acting-Area", AREA));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat((Map<String, Object>) placed.map().get("requestedBy"))
                .containsEntry("role", "SERVICE")
                .containsEntry("subject", "sse-brokerage")
                .containsEntry("onBehalfOf", Map.of("subject", "adviser-7", "role", "ADVISER", "area", AREA));
        Api.Reply extended = api.post("/transfers/" + id + "/extend", brokerage, Map.of("timeoutSeconds", 7200));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        Api.Reply listed = api.get("/holds", brokerage);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.map().get("items").toString()).contains(id);
        assertThat(api.get("/transfers/" + id, brokerage).status()).isEqualTo(200);
        Api.Reply posted = api.post("/transfers/" + id + "/post", brokerage, Map.of("amount", 1));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        String other = "brk:req_" + ids.incrementAndGet() + ".P1.v3";
        assertThat(api.post("/transfers", brokerage, engagementHold(other, SCHOOL, PROVIDER, 1))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/transfers/" + other + "/void", brokerage, null).status())
                .isEqualTo(200);
        ledgers.assertChecksOut(AREA);
    }

    @Test
    void noPersonTouchesAnEngagementHoldAndTheServiceTouchesNothingElse() {
        String id = "brk:req_" + ids.incrementAndGet() + ".P1.v3";
        // a person taking the engagement's id first would block the agreement for ever
        for (String who : List.of(school, adviser, broker, commissioner, admin)) {
            denied(
                    "a person using the brokerage's ids",
                    403,
                    () -> api.post("/transfers", who, Ledgers.hold(id, SCHOOL, PROVIDER, 1)));
        }
        assertThat(api.post("/transfers", brokerage, engagementHold(id, SCHOOL, PROVIDER, 1))
                        .status())
                .isEqualTo(201);
        // the school may not void its engagement's hold mid-delivery, nor anyone else post, void or extend it
        for (String who : List.of(school, provider, broker, commissioner, admin)) {
            denied("posting an engagement hold", 403, () -> api.post("/transfers/" + id + "/post", who, Map.of()));
            denied("voiding an engagement hold", 403, () -> api.post("/transfers/" + id + "/void", who, null));
            denied(
                    "extending an engagement hold",
                    403,
                    () -> api.post("/transfers/" + id + "/extend", who, Map.of("timeoutSeconds", 60)));
        }
        for (String who : List.of(adviser, assurer, otherSchool)) {
            denied(
                    "a stranger voiding an engagement hold",
                    404,
                    () -> api.post("/transfers/" + id + "/void", who, null));
        }
        for (String who : List.of(school, adviser, broker, commissioner, admin, provider, assurer)) {
            denied("a person listing the engagement holds", 403, () -> api.get("/holds", who));
        }
        // the service: no payment but an engagement hold, no allocation, no account, no check, no other hold
        String personal = hold();
        String directoryOnly = tokens.service(ServiceScope.DIRECTORY_READ);
        denied(
                "the service paying outright",
                403,
                () -> api.post(
                        "/transfers",
                        brokerage,
                        Ledgers.transfer("brk:x-" + ids.incrementAndGet(), SCHOOL, PROVIDER, 1, "PAYMENT")));
        denied(
                "the service outside its namespace",
                403,
                () -> api.post(
                        "/transfers", brokerage, engagementHold("x-" + ids.incrementAndGet(), SCHOOL, PROVIDER, 1)));
        denied(
                "the service allocating",
                403,
                () -> api.post("/allocations", brokerage, Map.of("id", id("alloc"), "to", SCHOOL, "amount", 5)));
        denied(
                "the service voiding a person's hold",
                404,
                () -> api.post("/transfers/" + personal + "/void", brokerage, null));
        denied("the service reading an account", 403, () -> api.get("/accounts/" + SCHOOL, brokerage));
        denied("the service listing accounts", 403, () -> api.get("/accounts?area=" + AREA, brokerage));
        denied(
                "the service opening an account",
                403,
                () -> api.post("/accounts", brokerage, Map.of("area", AREA, "owner", "100077")));
        denied("the service checking", 403, () -> api.get("/ledger/check?area=" + AREA, brokerage));
        denied(
                "a service without the ledger's scope",
                403,
                () -> api.post("/transfers/" + id + "/void", directoryOnly, null));
        denied(
                "a service without the ledger's scope placing",
                403,
                () -> api.post(
                        "/transfers",
                        directoryOnly,
                        engagementHold("brk:y-" + ids.incrementAndGet(), SCHOOL, PROVIDER, 1)));
        assertThat(ledgers.transferAsCommissioner(AREA, id).map()).containsEntry("state", "PENDING");
    }

    @Test
    void aTransferIsSeenByThoseWhoSeeEitherOfItsAccounts() {
        String hold = hold();
        for (String who : List.of(school, provider, broker, commissioner, admin)) {
            Api.Reply seen = api.get("/transfers/" + hold, who);
            assertThat(seen.status()).as(seen.body()).isEqualTo(200);
            assertThat(seen.map())
                    .containsEntry("id", hold)
                    .containsEntry("debit", SCHOOL)
                    .containsEntry("credit", PROVIDER);
        }
        for (String who : List.of(
                otherSchool, assurer, schoolElsewhere, brokerElsewhere, commissionerElsewhere, adminElsewhere)) {
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
        Map<String, Object> valid =
                TokenClaims.person(tokens.identity(), "someone", Role.PROVIDER, AREA, "100001", Duration.ofHours(1));
        String unknownRole = token(valid, Map.of("role", "HEADTEACHER"));
        String noRole = token(valid, Map.of("role", ""));
        String forged = school.substring(0, school.length() - 4) + "AAAA";
        // a well-signed token for another pool, another app, or not an access token (point 8 of issue 13)
        String otherIssuer = token(valid, Map.of("iss", "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_other"));
        String otherClient = token(valid, Map.of("client_id", "someone-elses-app"));
        String idToken = token(valid, Map.of("token_use", "id"));
        String noIssuer = token(valid, Map.of("iss", ""));
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
                () -> HttpRequest.POST("/transfers/fund-1/extend", Map.of("timeoutSeconds", 60)),
                () -> HttpRequest.GET("/holds"),
                () -> HttpRequest.GET("/ledger/check?area=" + AREA));
        for (Supplier<MutableHttpRequest<?>> request : requests) {
            for (String bearer : java.util.Arrays.asList(
                    null, unknownRole, noRole, forged, otherIssuer, otherClient, idToken, noIssuer)) {
                String name = request.get().getMethod() + " " + request.get().getUri() + " with "
                        + (bearer == null ? "no token" : bearer);
                denied(name, 401, () -> api.send(Api.auth(request.get(), bearer)));
            }
        }
    }

    // ---- helpers

    /** Decision 0080: each grant is one membership's, whichever hat is worn; no membership lends another its area. */
    @Test
    void aPersonOfSeveralMembershipsActsThroughTheOneThatGrantsAndNoneLendsItsArea() {
        ledgers.open(AREA, "100007");
        String ownAccount = AREA + "/100007";
        String adviserThereCommissionerHere = severalHats(
                new Membership(Role.ADVISER, OTHER_AREA, null), new Membership(Role.COMMISSIONER, AREA, "la-" + AREA));
        assertThat(api.get("/accounts/" + SCHOOL + "/entries", adviserThereCommissionerHere)
                        .status())
                .as("the commissioner's membership, not the hat, grants the statement")
                .isEqualTo(200);
        Api.Reply allocated = api.post(
                "/allocations", adviserThereCommissionerHere, Map.of("id", id("alloc"), "to", ownAccount, "amount", 5));
        assertThat(allocated.status()).as(allocated.body()).isEqualTo(201);

        String adviserHereCommissionerThere = severalHats(
                new Membership(Role.ADVISER, AREA, null),
                new Membership(Role.COMMISSIONER, OTHER_AREA, "la-" + OTHER_AREA));
        denied(
                "an adviser here who commissions there, a statement here",
                404,
                () -> api.get("/accounts/" + SCHOOL + "/entries", adviserHereCommissionerThere));
        denied(
                "an adviser here who commissions there, allocating here",
                403,
                () -> api.post(
                        "/allocations",
                        adviserHereCommissionerThere,
                        Map.of("id", id("alloc"), "to", SCHOOL, "amount", 1)));
        assertThat(api.get("/accounts/" + SCHOOL, adviserHereCommissionerThere).status())
                .as("balances, as the area's adviser")
                .isEqualTo(200);

        String headHereAssurerThere = severalHats(
                new Membership(Role.ASSURER, OTHER_AREA, null), new Membership(Role.PROVIDER, AREA, "100007"));
        Api.Reply statement = api.get("/accounts/" + ownAccount + "/entries", headHereAssurerThere);
        assertThat(statement.status())
                .as("the school's membership, though the hat is the assurer's")
                .isEqualTo(200);
        denied(
                "a head who assures elsewhere, paying from another school",
                403,
                () -> api.post(
                        "/transfers", headHereAssurerThere, Ledgers.hold(id("hold"), OTHER_SCHOOL, PROVIDER, 1)));
        denied(
                "a head who assures elsewhere, that area's school of another URN",
                404,
                () -> api.get("/accounts/999/100001/entries", headHereAssurerThere));
    }

    private String severalHats(Membership... memberships) {
        return tokens.signed(TokenClaims.person(
                tokens.identity(),
                "several-" + List.of(memberships).hashCode(),
                List.of(memberships),
                Duration.ofMinutes(10)));
    }

    /** A hold of 1 credit from the school to the provider, placed by the school. */
    private String hold() {
        String id = id("hold");
        Api.Reply reply = api.post("/transfers", school, Ledgers.hold(id, SCHOOL, PROVIDER, 1));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return id;
    }

    private String id(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    /** A valid person's claims with some replaced (an empty value removes the claim), signed with the test key. */
    private String token(Map<String, Object> valid, Map<String, Object> changes) {
        Map<String, Object> all = new HashMap<>(valid);
        changes.forEach((name, value) -> {
            if ("".equals(value)) {
                all.remove(name);
            } else {
                all.put(name, value);
            }
        });
        return tokens.signed(all);
    }

    private static Map<String, Object> adjustment(String id, String debit, String credit) {
        Map<String, Object> body = Ledgers.transfer(id, debit, credit, 1, "ADJUSTMENT");
        body.put("reference", "correcting an allocation made to the wrong school");
        return body;
    }

    private static Map<String, Object> engagementHold(String id, String debit, String credit, long amount) {
        Map<String, Object> body = Ledgers.hold(id, debit, credit, amount);
        body.put("timeoutSeconds", 3600);
        return body;
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
        assertThat(ledgers.state(OTHER_AREA))
                .as(who + " changed nothing elsewhere")
                .isEqualTo(beforeElsewhere);
    }
}
