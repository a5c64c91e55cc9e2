package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;

/**
 * The role × area-kind matrix of docs/architecture.md ("By area kind"): for an area of each kind (an LA's, a trust's by
 * its GIAS code, a partnership of an LA and a listed school, a hub of listed schools), each row's grant and its denial,
 * through the brokerage's and the directory's Lambda handlers, with the areas kept in the directory's register and read
 * from it by the brokerage (decision 0085). Each kind's schools: one member, one outside.
 */
@MicronautTest(environments = "test")
class AreaKindsMatrixTest extends BrokerageLambdaTest {

    static final String REGISTER = """
            "URN","LA (code)","LA (name)","EstablishmentName","TypeOfEstablishment (name)","EstablishmentStatus (name)","PhaseOfEducation (name)","Postcode","Easting","Northing","Trusts (code)","Trusts (name)"\r
            "119155","888","Lancashire","Lea Community Primary School","Community school","Open","Primary","PR2 1PD","350055","430245","",""\r
            "140001","888","Lancashire","Ribble Academy","Academy converter","Open","Primary","PR1 1AA","354000","429000","2044","Northern Lights Academy Trust"\r
            "140002","889","Blackburn with Darwen","Darwen Academy","Academy converter","Open","Primary","BB1 1SE","369441","427364","2044","Northern Lights Academy Trust"\r
            "140003","890","Blackpool","Seaside Academy","Academy sponsor led","Open","Primary","FY1 1AA","331000","436000","",""\r
            "140009","888","Lancashire","Pendle Academy","Academy converter","Open","Primary","BB9 7AA","385000","440000","3001","Pendle Schools Trust"\r
            """;

    /** An area of one kind: its definition, a school it includes, one it does not. */
    record Kind(String area, String kind, Map<String, Object> rules, String member, String outside) {
        @Override
        public String toString() {
            return kind + " " + area;
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("888", "LA", Map.of("laCodes", List.of("888")), "119155", "140002"),
                new Kind("trust-2044", "TRUST", Map.of("trustCodes", List.of("2044")), "140002", "140009"),
                new Kind(
                        "partnership-fylde",
                        "PARTNERSHIP",
                        Map.of("laCodes", List.of("890"), "urns", List.of("140009")),
                        "140003",
                        "140002"),
                new Kind("hub-maths", "HUB", Map.of("urns", List.of("140001")), "140001", "119155"));
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(super.getProperties());
        // a raise waits for the directory's search, whose first query on a loaded machine can take longer than 10 s
        p.put("micronaut.http.client.read-timeout", "60s");
        return p;
    }

    @BeforeAll
    void registerAndDefineTheAreas() {
        var answer = seeds.directory()
                .handle(
                        "POST",
                        "/schools/import",
                        Map.of("authorization", seeds.token(Role.REGISTRAR, null, null), "content-type", "text/csv"),
                        REGISTER);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        kinds().forEach(k -> seeds.defineArea(k.area(), definition(k, k.kind() + " " + k.area(), false)));
    }

    static Map<String, Object> definition(Kind k, String name, boolean schoolsAsk) {
        Map<String, Object> d = new LinkedHashMap<>(k.rules());
        d.put("name", name);
        d.put("kind", k.kind());
        d.put("schoolsRaiseRequests", schoolsAsk);
        return d;
    }

    /** The area as the directory answers it, read by its admin. */
    Api.Reply area(String id) {
        return seeds.directory().get("/areas/" + id, seeds.token(Role.ADMIN, id, null));
    }

    Api.Reply change(String bearer, String id, Map<String, Object> definition) {
        long version = ((Number) area(id).map().get("version")).longValue();
        return seeds.directory()
                .send("PUT", "/areas/" + id, bearer, definition, Map.of("If-Match", "\"v" + version + "\""));
    }

    String other(Kind k) {
        return kinds().filter(o -> !o.area().equals(k.area()))
                .findFirst()
                .orElseThrow()
                .area();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachRoleActsInAnAreaOfThisKindOnlyWhereTheRowSays(Kind k) {
        // ADVISER: raises for a member school (into this area's queue); refused for a school outside it
        String adviser = seeds.token(Role.ADVISER, k.area(), null);
        Api.Reply raised = raise(
                adviser,
                need(k.member(), List.of("CT.MATHS"), 4),
                UUID.randomUUID().toString());
        assertThat(raised.status()).as(k + " adviser, member: " + raised.body()).isEqualTo(201);
        assertThat(raised.map()).containsEntry("area", k.area());
        String id = (String) raised.map().get("id");
        Api.Reply outside = raise(
                adviser,
                need(k.outside(), List.of("CT.MATHS"), 4),
                UUID.randomUUID().toString());
        assertThat(outside.status())
                .as(k + " adviser, outside: " + outside.body())
                .isEqualTo(422);
        assertThat(outside.problemFields()).containsExactly("/urn");

        // BROKER: reads the area's request; another area's broker finds none, even where the school is theirs too
        assertThat(read(seeds.token(Role.BROKER, k.area(), null), id).status())
                .as(k + " broker")
                .isEqualTo(200);
        assertThat(read(seeds.token(Role.BROKER, other(k), null), id).status())
                .as(k + " another area's broker")
                .isEqualTo(404);

        // ASSURER, COMMISSIONER, ADMIN: raise nothing, in any kind of area
        for (Role none : List.of(Role.ASSURER, Role.COMMISSIONER, Role.ADMIN)) {
            Api.Reply refused = raise(
                    seeds.token(none, k.area(), null),
                    need(k.member(), List.of("CT.MATHS"), 4),
                    UUID.randomUUID().toString());
            assertThat(refused.status()).as(k + " " + none).isEqualTo(403);
        }

        // school: refused while the area does not let its schools ask
        String school = seeds.token(Role.PROVIDER, k.area(), k.member());
        Api.Reply notYet = raise(
                school,
                need(k.member(), List.of("CT.MATHS"), 4),
                UUID.randomUUID().toString());
        assertThat(notYet.status()).as(k + " school, off: " + notYet.body()).isEqualTo(403);

        // ADMIN: changes their own area's definition (the switch), not another's, and not its kind
        String admin = seeds.token(Role.ADMIN, k.area(), null);
        Api.Reply across = change(
                admin,
                other(k),
                definition(
                        kinds().filter(o -> o.area().equals(other(k)))
                                .findFirst()
                                .orElseThrow(),
                        "Taken",
                        true));
        assertThat(across.status()).as(k + " admin, another area").isEqualTo(403);
        Map<String, Object> rekinded = definition(k, k.kind() + " " + k.area(), true);
        rekinded.put("kind", k.kind().equals("HUB") ? "PARTNERSHIP" : "HUB");
        Api.Reply kindChanged = change(admin, k.area(), rekinded);
        assertThat(kindChanged.status()).as(k + " admin, kind").isEqualTo(422);
        assertThat(kindChanged.problemFields()).containsExactly("/kind");
        Api.Reply on = change(admin, k.area(), definition(k, k.kind() + " " + k.area(), true));
        assertThat(on.status()).as(k + " admin, own: " + on.body()).isEqualTo(200);

        // school: asks for itself once the area lets it (read from the register), into this area's queue; never for
        // another
        Api.Reply asked = raise(
                school,
                need(k.member(), List.of("CT.MATHS"), 4),
                UUID.randomUUID().toString());
        assertThat(asked.status()).as(k + " school, on: " + asked.body()).isEqualTo(201);
        assertThat(asked.map()).containsEntry("area", k.area()).containsEntry("raisedBySchool", true);
        assertThat(raise(
                                school,
                                need(k.outside(), List.of("CT.MATHS"), 4),
                                UUID.randomUUID().toString())
                        .status())
                .as(k + " school, another school")
                .isEqualTo(403);

        assertThat(change(admin, k.area(), definition(k, k.kind() + " " + k.area(), false))
                        .status())
                .isEqualTo(200);
        assertThat(raise(
                                school,
                                need(k.member(), List.of("CT.MATHS"), 4),
                                UUID.randomUUID().toString())
                        .status())
                .as(k + " school, off again")
                .isEqualTo(403);
    }
}
