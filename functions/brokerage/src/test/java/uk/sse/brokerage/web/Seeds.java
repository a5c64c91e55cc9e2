package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.Polling;
import uk.sse.testing.Tokens;

/**
 * The register, directory and credits a brokerage scenario needs, set up through the directory's and the ledger's
 * own APIs, as their users would: schools from the real sample register in Lancashire (888) and Blackburn (889).
 */
final class Seeds {

    static final String AREA = "888";
    static final String OTHER_AREA = "889";
    /** Lea Community Primary School, Preston: the school being visited. */
    static final String SCHOOL = "119155";
    /** Crawshawbooth Primary School: another school of the area. */
    static final String SECOND_SCHOOL = "119313";
    /** St Laurence CE Primary, Chorley: a school that gives support. */
    static final String PROVIDER_SCHOOL = "119465";
    /** Audley Junior School, Blackburn: in the other area. */
    static final String OTHER_AREA_SCHOOL = "119115";
    /** Northern Primary School, Bacup: in the area, but closed (in this seed, not in the sample register). */
    static final String CLOSED_SCHOOL = "119190";
    /** A maths hub that registered itself. */
    static final String HUB = "lancs-maths-hub";

    static final String SCHOOLS_CSV = """
            "URN","LA (code)","LA (name)","EstablishmentName","TypeOfEstablishment (name)","EstablishmentStatus (name)","PhaseOfEducation (name)","Postcode","Easting","Northing","CloseDate"\r
            "119090","888","Lancashire","Newtown Nursery School","Local authority nursery school","Open","Nursery","BB8 0HP","389098","439933",""\r
            "119115","889","Blackburn with Darwen","Audley Junior School","Community school","Open","Primary","BB1 1SE","369441","427364",""\r
            "119155","888","Lancashire","Lea Community Primary School","Community school","Open","Primary","PR2 1PD","350055","430245",""\r
            "119190","888","Lancashire","Northern Primary School","Community school","Closed","Primary","OL13 8PH","386935","424634","31-08-2024"\r
            "119313","888","Lancashire","Crawshawbooth Primary School","Community school","Open","Primary","BB4 8AN","381266","425632",""\r
            "119465","888","Lancashire","Chorley, the Parish of St Laurence Church of England Primary School","Voluntary aided school","Open","Primary","PR7 1RB","358289","418172",""\r
            """;

    private final World world;
    private final Tokens tokens;

    Seeds(World world, Tokens tokens) {
        this.world = world;
        this.tokens = tokens;
    }

    String token(Role role, String area, String org) {
        return tokens.bearer(role, area, org);
    }

    String adviser() {
        return token(Role.ADVISER, AREA, "la-" + AREA);
    }

    String broker() {
        return token(Role.BROKER, AREA, "la-" + AREA);
    }

    String school(String urn) {
        return token(Role.PROVIDER, AREA, urn);
    }

    String commissioner() {
        return token(Role.COMMISSIONER, AREA, "la-" + AREA);
    }

    /** The brokerage's own token, as it calls the ledger and the directory. */
    String brokerageService() {
        return tokens.service(ServiceScope.LEDGER_HOLDS, ServiceScope.DIRECTORY_READ);
    }

    LambdaInstance directory() {
        return world.directory.lambda();
    }

    LambdaInstance ledger() {
        return world.ledger.lambda();
    }

    /** Defines an area in the directory's register of areas, as the registrar (decision 0082), where the brokerage reads it. */
    void defineArea(String id, Map<String, Object> definition) {
        ok(directory().send("PUT", "/areas/" + id, token(Role.REGISTRAR, null, null), definition), 201);
    }

    /** The register, the two providers, and credit accounts for the schools and providers. */
    Seeds registerAndOpenAccounts() {
        var imported = directory()
                .handle(
                        "POST",
                        "/schools/import",
                        Map.of("authorization", token(Role.REGISTRAR, null, null), "content-type", "text/csv"),
                        SCHOOLS_CSV);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(200);
        Map<String, Object> school = provider("SCHOOL", "St Laurence CE Primary", PROVIDER_SCHOOL);
        ok(directory().post("/providers", school(PROVIDER_SCHOOL), school), 201);
        Map<String, Object> hub = provider("HUB", "Lancashire Maths Hub", null);
        hub.put("location", Map.of("lat", 53.76, "lon", -2.70));
        ok(directory().post("/providers", token(Role.PROVIDER, AREA, HUB), hub), 201);
        for (String owner : List.of("ISSUING", SCHOOL, SECOND_SCHOOL, PROVIDER_SCHOOL, HUB)) {
            ok(ledger().post("/accounts", commissioner(), Map.of("area", AREA, "owner", owner)), 201);
        }
        return this;
    }

    private static Map<String, Object> provider(String type, String name, String urn) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("name", name);
        body.put("area", AREA);
        if (urn != null) {
            body.put("urn", urn);
        }
        body.put("contact", Map.of("name", "Sam Patel", "email", "sam.patel@example.org", "phone", "01772 000000"));
        return body;
    }

    /** An offer of {@code providerOrg}'s, submitted and approved by the area's assurer: what advisers and brokers see. */
    String approvedOffer(String providerOrg, String title, List<String> areas, long price) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put(
                "description",
                "Half-termly coaching for the subject lead and class teachers, with an audit and follow-up.");
        body.put("areasOfSupport", areas);
        body.put("phases", List.of("PRIMARY"));
        body.put("deliveryModes", List.of("IN_SCHOOL", "COACHING"));
        body.put("capacityDaysPerTerm", 6);
        body.put("priceCredits", price);
        body.put("travelRadiusKm", 40);
        body.put("contact", Map.of("name", "Sam Patel", "email", "sam.patel@example.org"));
        String provider = token(Role.PROVIDER, AREA, providerOrg);
        String id = (String)
                ok(directory().post("/offers", provider, body), 201).map().get("id");
        ok(directory().post("/offers/" + id + "/assurance", provider, Map.of("action", "SUBMIT")), 200);
        ok(
                directory()
                        .post(
                                "/offers/" + id + "/assurance",
                                token(Role.ASSURER, AREA, null),
                                Map.of(
                                        "action",
                                        "APPROVE",
                                        "reason",
                                        "meets the standard",
                                        "reviewDate",
                                        LocalDate.now().plusYears(1).toString())),
                200);
        return id;
    }

    void allocate(String owner, long credits) {
        ok(
                ledger().post(
                                "/allocations",
                                commissioner(),
                                Map.of(
                                        "id",
                                        "alloc-" + owner + "-" + System.nanoTime(),
                                        "to",
                                        AREA + "/" + owner,
                                        "amount",
                                        credits)),
                201);
    }

    /** An account's figures: {@code balance}, {@code available}, ... */
    long account(String owner, String field) {
        Api.Reply reply = ok(ledger().get("/accounts/" + AREA + "/" + owner, commissioner()), 200);
        return ((Number) reply.map().get(field)).longValue();
    }

    /** A transfer as the commissioner sees it, or its status if it cannot be read. */
    Api.Reply transfer(String id) {
        return ledger().get("/transfers/" + id, commissioner());
    }

    void assertLedgerChecksOut() {
        Api.Reply check = ok(ledger().get("/ledger/check?area=" + AREA, commissioner()), 200);
        assertThat(check.map().get("violations")).as(check.body()).isEqualTo(List.of());
    }

    /** Waits until search finds the offer (the indexer has caught up with the directory's stream). */
    void awaitSearchable(String offerId) throws Exception {
        Api.Reply found = Polling.until(
                () -> directory().get("/search/offers?size=50&near=" + SCHOOL, adviser()),
                r -> r.status() == 200 && r.body().contains(offerId),
                Duration.ofSeconds(30));
        assertThat(found.body()).as("offer " + offerId + " in search").contains(offerId);
    }

    static Api.Reply ok(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply;
    }
}
