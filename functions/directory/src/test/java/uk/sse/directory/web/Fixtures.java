package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;

/** Request bodies and set-up steps the directory tests share. Areas are real LA codes from the sample register. */
@Singleton
public class Fixtures {

    /** Camden and Islington: two neighbouring areas, so cross-area denials can be tested. */
    public static final String AREA = "202";

    public static final String OTHER_AREA = "206";
    /** Schools in Camden (202) and Islington (206) from the sample register. */
    public static final String SCHOOLS_CSV = """
            "URN","LA (code)","LA (name)","EstablishmentName","TypeOfEstablishment (name)","EstablishmentStatus (name)","PhaseOfEducation (name)","Postcode","Easting","Northing"\r
            "100005","202","Camden","Thomas Coram Centre","Local authority nursery school","Open","Nursery","WC1N 2NY","530464","182403"\r
            "100006","202","Camden","Heath School","Pupil referral unit","Open","Not applicable","NW3 1DN","526528","185683"\r
            "100008","202","Camden","Argyle Primary School","Community school","Open","Primary","WC1H 8EL","530138","182770"\r
            "100410","206","Islington","Canonbury Primary School","Community school","Open","Primary","N1 2UT","532054","184522"\r
            """;

    private final Api api;
    private final Tokens tokens;

    public Fixtures(Api api, Tokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    public String token(Role role, String area, String organisation) {
        return tokens.bearer(role, area, organisation);
    }

    public void importSchools() {
        var reply = api.send(Api.auth(
                HttpRequest.POST("/schools/import", SCHOOLS_CSV).contentType(MediaType.of("text/csv")),
                token(Role.REGISTRAR, null, null)));
        assertThat(reply.status()).isEqualTo(200);
    }

    public static Map<String, Object> schoolProvider(String urn, String area) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "SCHOOL");
        body.put("name", "School " + urn);
        body.put("area", area);
        body.put("urn", urn);
        body.put("contact", contact());
        body.put("designations", List.of("SPECIALIST_LEADER_OF_EDUCATION"));
        return body;
    }

    public static Map<String, Object> otherProvider(String type, String name, String area) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("name", name);
        body.put("area", area);
        body.put("contact", contact());
        body.put("location", Map.of("lat", 51.53, "lon", -0.12));
        return body;
    }

    public static Map<String, Object> contact() {
        return new HashMap<>(Map.of("name", "Sam Patel", "email", "sam.patel@example.org", "phone", "020 7946 0000"));
    }

    public static Map<String, Object> offer(String providerId) {
        Map<String, Object> body = new HashMap<>();
        if (providerId != null) {
            body.put("providerId", providerId);
        }
        body.put("title", "Systematic synthetic phonics: getting the lowest 20% reading");
        body.put(
                "description",
                "Half-termly coaching for the reading lead and Year 1 team, with a phonics audit and follow-up.");
        body.put("areasOfSupport", List.of("CT.READ", "EY.CL"));
        body.put("phases", List.of("PRIMARY", "EARLY_YEARS"));
        body.put("deliveryModes", List.of("IN_SCHOOL", "COACHING"));
        body.put("capacityDaysPerTerm", 6.5);
        body.put("priceCredits", 35);
        body.put("dayRatePence", 45000);
        body.put("travelRadiusKm", 25);
        body.put("availableFrom", LocalDate.now().toString());
        body.put("availableUntil", LocalDate.now().plusMonths(9).toString());
        body.put(
                "evidence",
                Map.of(
                        "summary",
                        "Phonics screening check pass rate rose from 61% to 86% in two years.",
                        "links",
                        List.of("https://example.org/case-study")));
        body.put("contact", contact());
        return body;
    }

    /** Registers school {@code urn} as a provider, as itself. */
    public Api.Reply registerSchool(String urn, String area) {
        Api.Reply reply = api.post("/providers", token(Role.PROVIDER, area, urn), schoolProvider(urn, area));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    /** Imports the test register, registers school {@code urn} in {@link #AREA} as a provider, and returns its token. */
    public String registeredProvider(String urn) {
        importSchools();
        registerSchool(urn, AREA);
        return token(Role.PROVIDER, AREA, urn);
    }

    /** A draft offer of provider {@code urn}, created by the provider. */
    public Api.Reply draftOffer(String urn, String area) {
        Api.Reply reply = api.post("/offers", token(Role.PROVIDER, area, urn), offer(null));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    public Api.Reply act(String offerId, String bearer, String action, String reason, LocalDate reviewDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (reviewDate != null) {
            body.put("reviewDate", reviewDate.toString());
        }
        return api.post("/offers/" + offerId + "/assurance", bearer, body);
    }

    /** A draft offer taken through submission and approval. */
    public String approvedOffer(String urn, String area) {
        String id = (String) draftOffer(urn, area).map().get("id");
        assertThat(act(id, token(Role.PROVIDER, area, urn), "SUBMIT", null, null)
                        .status())
                .isEqualTo(200);
        assertThat(act(
                                id,
                                token(Role.ASSURER, area, null),
                                "APPROVE",
                                "meets the standard",
                                LocalDate.now().plusYears(1))
                        .status())
                .isEqualTo(200);
        return id;
    }
}
