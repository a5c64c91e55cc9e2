package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.testing.Api;

/**
 * The areas of the brokerage's trust tests: trust 2044, whose academies sit in three LAs, defined by its GIAS trust
 * code and overlapping Lancashire's LA area, defined through the directory's API; its register imported into the real directory; people with several
 * memberships; and the listings the tests count requests by.
 */
abstract class TrustAreas extends BrokerageLambdaTest {

    static final String TRUST = "trust-2044";
    static final String LANCASHIRE = "888";
    /** Academies of trust 2044 in Lancashire, Blackburn with Darwen and Blackpool. */
    static final String ACADEMY_LANCASHIRE = "140001";

    static final String ACADEMY_BLACKBURN = "140002";
    static final String ACADEMY_BLACKPOOL = "140003";
    /** A Lancashire school in no trust, and one in another trust. */
    static final String MAINTAINED = "119155";

    static final String OTHER_TRUSTS = "140009";

    static final String REGISTER = """
            "URN","LA (code)","LA (name)","EstablishmentName","TypeOfEstablishment (name)","EstablishmentStatus (name)","PhaseOfEducation (name)","Postcode","Easting","Northing","Trusts (code)","Trusts (name)"\r
            "119155","888","Lancashire","Lea Community Primary School","Community school","Open","Primary","PR2 1PD","350055","430245","",""\r
            "140001","888","Lancashire","Ribble Academy","Academy converter","Open","Primary","PR1 1AA","354000","429000","2044","Northern Lights Academy Trust"\r
            "140002","889","Blackburn with Darwen","Darwen Academy","Academy converter","Open","Primary","BB1 1SE","369441","427364","2044","Northern Lights Academy Trust"\r
            "140003","890","Blackpool","Seaside Academy","Academy sponsor led","Open","Primary","FY1 1AA","331000","436000","2044","Northern Lights Academy Trust"\r
            "140009","888","Lancashire","Pendle Academy","Academy converter","Open","Primary","BB9 7AA","385000","440000","3001","Pendle Schools Trust"\r
            """;

    @BeforeAll
    void register() {
        var answer = seeds.directory()
                .handle(
                        "POST",
                        "/schools/import",
                        Map.of("authorization", seeds.token(Role.REGISTRAR, null, null), "content-type", "text/csv"),
                        REGISTER);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        seeds.defineArea(TRUST, trustArea());
    }

    /** The trust's area as the registrar defines it through the directory's API (decision 0085). */
    Map<String, Object> trustArea() {
        return Map.of("name", "Northern Lights Academy Trust", "kind", "TRUST", "trustCodes", List.of("2044"));
    }

    /** A person's bearer token with these memberships. */
    String person(String name, Membership... memberships) {
        return tokens.signed(TokenClaims.person(tokens.identity(), name, List.of(memberships), Duration.ofHours(1)));
    }

    static Membership as(Role role, String area) {
        return new Membership(role, area, area.equals(TRUST) ? "TR2044" : "la-" + area);
    }

    /** How many requests the LA's and the trust's areas hold. */
    int everywhere() {
        return listed(seeds.token(Role.ADVISER, LANCASHIRE, "la-888"), "area").size()
                + listed(seeds.token(Role.ADVISER, TRUST, "TR2044"), "area").size();
    }

    static String id(Api.Reply raised) {
        return (String) Seeds.ok(raised, 201).map().get("id");
    }

    @SuppressWarnings("unchecked")
    List<Object> listed(String bearer, String listing) {
        Api.Reply reply = api.get("/requests?listing=" + listing + "&limit=100", bearer);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) reply.map().get("items"))
                .stream().map(r -> r.get("id")).toList();
    }
}
