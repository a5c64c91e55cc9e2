package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;
import static uk.sse.directory.web.Fixtures.OTHER_AREA;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;

/**
 * The register of areas through the Lambda handler (decision 0082): the registrar defines a partnership over Camden and
 * one Islington school; its admin changes its name and its schools' right to ask; a school is answered with the areas it
 * belongs to; everyone else is refused and nothing changes.
 */
@MicronautTest(environments = "test")
class AreasApiTest extends LambdaTest {

    static final String PARTNERSHIP = "north-london";
    static final String CAMDEN_SCHOOL = "100005";
    static final String ISLINGTON_MEMBER = "100410";
    static final String ISLINGTON_OTHER = "100411";

    @BeforeAll
    void register() {
        fixtures.importSchools();
        Api.Reply more = api.send(Api.auth(
                io.micronaut.http.HttpRequest.POST("/schools/import", """
                "URN","LA (code)","LA (name)","EstablishmentName","TypeOfEstablishment (name)","EstablishmentStatus (name)","PhaseOfEducation (name)","Postcode","Easting","Northing"\r
                "100411","206","Islington","Ambler Primary School","Community school","Open","Primary","N4 2DR","531600","186900"\r
                """)
                        .contentType(io.micronaut.http.MediaType.of("text/csv")),
                registrar()));
        assertThat(more.status()).as(more.body()).isEqualTo(200);
    }

    static Map<String, Object> partnership(String name, boolean schoolsRaise) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "PARTNERSHIP");
        body.put("laCodes", List.of(AREA));
        body.put("urns", List.of(ISLINGTON_MEMBER));
        body.put("schoolsRaiseRequests", schoolsRaise);
        return body;
    }

    String registrar() {
        return fixtures.token(Role.REGISTRAR, null, null);
    }

    @SuppressWarnings("unchecked")
    List<String> areasOf(String urn) {
        Api.Reply school = api.get("/schools/" + urn, fixtures.token(Role.ADVISER, AREA, null));
        assertThat(school.status()).as(school.body()).isEqualTo(200);
        assertThat(school.map()).containsEntry("urn", urn).containsKey("name");
        return (List<String>) school.map().get("areas");
    }

    @Test
    void theRegistrarDefinesAPartnershipItsAdminChangesItAndSchoolsAreAnsweredWithTheirAreas() {
        Api.Reply defined =
                api.put("/areas/" + PARTNERSHIP, registrar(), null, partnership("North London Partnership", false));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(defined.header("ETag")).isEqualTo("\"v1\"");
        assertThat(defined.map())
                .containsEntry("id", PARTNERSHIP)
                .containsEntry("kind", "PARTNERSHIP")
                .containsEntry("laCodes", List.of(AREA))
                .containsEntry("urns", List.of(ISLINGTON_MEMBER))
                .containsEntry("schoolsRaiseRequests", false);
        assertThat(api.get("/areas/" + PARTNERSHIP, fixtures.token(Role.ADVISER, OTHER_AREA, null))
                        .map())
                .containsEntry("name", "North London Partnership");
        assertThat(api.get("/areas", fixtures.token(Role.BROKER, AREA, null)).body())
                .contains(PARTNERSHIP);

        // (the other tests define areas over Camden too, so only these two are asserted)
        assertThat(areasOf(CAMDEN_SCHOOL)).contains(AREA, PARTNERSHIP).doesNotContain(OTHER_AREA);
        assertThat(areasOf(ISLINGTON_MEMBER)).contains(OTHER_AREA, PARTNERSHIP).doesNotContain(AREA);
        assertThat(areasOf(ISLINGTON_OTHER)).contains(OTHER_AREA).doesNotContain(AREA, PARTNERSHIP);

        // its admin lets its schools ask, renames it, and drops the Islington school
        String admin = fixtures.token(Role.ADMIN, PARTNERSHIP, null);
        Map<String, Object> changed = partnership("North London Schools Partnership", true);
        changed.put("urns", List.of());
        assertThat(api.put("/areas/" + PARTNERSHIP, admin, null, changed).status())
                .isEqualTo(409);
        Api.Reply updated = api.put("/areas/" + PARTNERSHIP, admin, "\"v1\"", changed);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"v2\"");
        assertThat(updated.map())
                .containsEntry("schoolsRaiseRequests", true)
                .containsEntry("name", "North London Schools Partnership");
        Api.Reply stale = api.put("/areas/" + PARTNERSHIP, admin, "\"v1\"", changed);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(areasOf(ISLINGTON_MEMBER)).contains(OTHER_AREA).doesNotContain(PARTNERSHIP);

        // the kind is the registrar's to change
        Map<String, Object> asHub = partnership("North London Schools Partnership", true);
        asHub.put("kind", "HUB");
        Api.Reply kind = api.put("/areas/" + PARTNERSHIP, admin, "\"v2\"", asHub);
        assertThat(kind.status()).as(kind.body()).isEqualTo(422);
        assertThat(kind.problemFields()).containsExactly("/kind");
        assertThat(api.put("/areas/" + PARTNERSHIP, registrar(), "\"v2\"", asHub)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void everyoneElseIsRefusedAndNothingChanges() {
        String id = "refused-hub";
        assertThat(api.put("/areas/" + id, registrar(), null, partnership("A hub", false))
                        .status())
                .isEqualTo(201);
        for (String other : List.of(
                fixtures.token(Role.ADVISER, id, null),
                fixtures.token(Role.BROKER, id, null),
                fixtures.token(Role.ASSURER, id, null),
                fixtures.token(Role.COMMISSIONER, id, null),
                fixtures.token(Role.PROVIDER, id, CAMDEN_SCHOOL),
                fixtures.token(Role.ADMIN, AREA, null),
                fixtures.token(Role.ADMIN, OTHER_AREA, null))) {
            Api.Reply refused = api.put("/areas/" + id, other, "\"v1\"", partnership("Taken over", true));
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        // an area's admin does not define a new area; no one does without signing in
        assertThat(api.put(
                                "/areas/new-hub",
                                fixtures.token(Role.ADMIN, "new-hub", null),
                                null,
                                partnership("New", false))
                        .status())
                .isEqualTo(403);
        assertThat(api.put("/areas/" + id, null, "\"v1\"", partnership("Taken over", true))
                        .status())
                .isEqualTo(401);
        Api.Reply unchanged = api.get("/areas/" + id, fixtures.token(Role.ADVISER, AREA, null));
        assertThat(unchanged.map())
                .containsEntry("name", "A hub")
                .containsEntry("version", 1)
                .containsEntry("schoolsRaiseRequests", false);
        assertThat(api.get("/areas/new-hub", fixtures.token(Role.ADVISER, AREA, null))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anLasAdminDefinesTheirLaToNameItAndLetItsSchoolsAskButNotAsAnythingElse() {
        String admin = fixtures.token(Role.ADMIN, OTHER_AREA, null);
        Map<String, Object> islington = new HashMap<>(Map.of(
                "name", "Islington", "kind", "LA", "laCodes", List.of(OTHER_AREA), "schoolsRaiseRequests", true));
        assertThat(api.get("/areas/" + OTHER_AREA, admin).map())
                .containsEntry("kind", "LA")
                .containsEntry("version", 0);
        Api.Reply wider = api.put(
                "/areas/" + OTHER_AREA,
                admin,
                null,
                Map.of("name", "Islington", "kind", "LA", "laCodes", List.of(OTHER_AREA, AREA)));
        assertThat(wider.status()).as(wider.body()).isEqualTo(422);
        assertThat(wider.problemFields()).containsExactly("/kind");
        Api.Reply named = api.put("/areas/" + OTHER_AREA, admin, null, islington);
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        assertThat(named.map()).containsEntry("name", "Islington").containsEntry("schoolsRaiseRequests", true);
        assertThat(api.put(
                                "/areas/" + AREA,
                                admin,
                                null,
                                Map.of("name", "Camden", "kind", "LA", "laCodes", List.of(AREA)))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aBadDefinitionIsRefusedNamingWhatIsWrongAndNothingIsStored() {
        Map<String, Object> trustWithDigitsOnly =
                Map.of("name", "A trust", "kind", "TRUST", "trustCodes", List.of("2044"));
        Api.Reply digits = api.put("/areas/2044", registrar(), null, trustWithDigitsOnly);
        assertThat(digits.status()).as(digits.body()).isEqualTo(422);
        assertThat(digits.body()).contains("letter");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("kind", "TRUST"),
                Map.of("name", "A trust", "kind", "FEDERATION"),
                Map.of("name", "A trust", "kind", "TRUST", "laCodes", List.of("88")),
                Map.of("name", "A trust", "kind", "TRUST", "urns", List.of("not-a-urn")),
                Map.of("name", "A trust", "kind", "TRUST", "colour", "blue"))) {
            Api.Reply refused = api.put("/areas/bad-trust", registrar(), null, bad);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isBetween(400, 422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.problemFields()).as(refused.body()).isNotEmpty();
        }
        Api.Reply badId = api.put("/areas/a_b", registrar(), null, partnership("Spaces", false));
        assertThat(badId.status()).as(badId.body()).isEqualTo(422);
        assertThat(badId.problemFields()).contains("id");
        assertThat(api.get("/areas/bad-trust", fixtures.token(Role.ADVISER, AREA, null))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/areas/2044", fixtures.token(Role.ADVISER, AREA, null))
                        .status())
                .isEqualTo(404);
    }
}
