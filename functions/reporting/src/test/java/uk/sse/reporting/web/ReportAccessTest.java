package uk.sse.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.reporting.scenario.Scenario;
import uk.sse.reporting.scenario.ScenarioReports;
import uk.sse.reporting.support.ReportTable;
import uk.sse.reporting.support.ReportingLambdaTest;
import uk.sse.testing.Api;

/**
 * Reports are for the commissioners and admins of an area, and only of their own: another area's figures are not found
 * (404, naming {@code area}), other roles are refused (403), the unauthenticated are 401. Each area's reports hold
 * nothing of the other's.
 */
@MicronautTest(environments = "test", transactional = false)
class ReportAccessTest extends ReportingLambdaTest {

    static final List<String> ENDPOINTS = List.of(
            "/reports/days",
            "/reports/schools",
            "/reports/providers",
            "/reports/credits",
            "/reports/balances",
            "/reports/service-levels",
            "/reports/waiting",
            "/reports/impact");

    @BeforeAll
    void projectTheScenario() {
        project(Scenario.played().records(), 100);
    }

    static String uri(String path) {
        return Scenario.uri(path);
    }

    @Test
    void theOtherAreasCommissionerSeesOnlyItsOwnFigures() {
        String far = commissioner(Scenario.OTHER_AREA);
        Api.Reply days = get(uri("/reports/days"), far);
        assertThat(days.status()).isEqualTo(200);
        assertThat(days.map()).containsEntry("area", "999");
        assertThat(ReportTable.ofJson(days.map(), ScenarioReports.columnsOf("/reports/days"))
                        .rows())
                .containsExactly(
                        List.of("2026-09", "CT.ENG", "English", "CT", "Curriculum and teaching", "1", "2", "0", "0"),
                        List.of("2026-10", "CT.ENG", "English", "CT", "Curriculum and teaching", "0", "0", "2", "0"));
        Api.Reply schools = get(uri("/reports/schools"), far);
        assertThat(ReportTable.ofJson(schools.map(), ScenarioReports.columnsOf("/reports/schools"))
                        .rows())
                .extracting(row -> row.get(0))
                .containsExactly("200001");
        for (String path : ScenarioReports.EXPECTED.keySet()) {
            String farBody = get(uri(path), far).body();
            assertThat(farBody)
                    .as(path)
                    .doesNotContain(
                            "100001",
                            "100002",
                            "100003",
                            "100004",
                            "100005",
                            "100006",
                            "P-LA-SEND",
                            "P-CONS",
                            "P-HUB",
                            "\"R7\"",
                            "\"R8\"");
            String ownBody = get(uri(path), commissioner(Scenario.AREA)).body();
            assertThat(ownBody).as(path).doesNotContain("200001", "P-FAR", "Far Trust", "R99", "CT.ENG");
        }
    }

    @Test
    void anAdminOfTheAreaSeesWhatItsCommissionerSees() {
        for (String path : ScenarioReports.EXPECTED.keySet()) {
            Api.Reply asAdmin = get(uri(path), admin(Scenario.AREA));
            assertThat(asAdmin.status()).as(path).isEqualTo(200);
            assertThat(asAdmin.body())
                    .as(path)
                    .isEqualTo(get(uri(path), commissioner(Scenario.AREA)).body());
        }
    }

    @Test
    void namingItsOwnAreaIsTheSameAsNamingNone() {
        assertThat(get(uri("/reports/credits?area=888"), commissioner("888")).body())
                .isEqualTo(get(uri("/reports/credits"), commissioner("888")).body());
    }

    @Test
    void anotherAreaIsNotFoundForCommissionersAndAdminsAlike() {
        for (String endpoint : ENDPOINTS) {
            for (String bearer : List.of(commissioner("888"), admin("888"))) {
                Api.Reply reply = get(uri(endpoint + "?area=999"), bearer);
                assertThat(reply.status()).as(endpoint).isEqualTo(404);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.problemFields()).as(endpoint).containsExactly("area");
                assertThat(reply.body()).doesNotContain("CT.ENG", "200001");
            }
            // an area nobody has reported in is no different from one somebody has
            assertThat(get(uri(endpoint + "?area=777"), commissioner("888")).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void otherRolesAreRefusedEverywhere() {
        for (Role role : List.of(Role.ADVISER, Role.BROKER, Role.PROVIDER, Role.ASSURER)) {
            String bearer = tokens.bearer(role, "888", role == Role.PROVIDER ? "100001" : null);
            for (String endpoint : ENDPOINTS) {
                Api.Reply reply = get(uri(endpoint), bearer);
                assertThat(reply.status()).as(role + " " + endpoint).isEqualTo(403);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.body()).doesNotContain("rows");
            }
        }
    }

    /** Every ✗ of the reporting table in docs/architecture.md's role × endpoint matrix, on every report. */
    @Test
    void everyDeniedCellOfTheAccessMatrixIsRefused() {
        java.util.Map<String, String> callers = java.util.Map.of(
                "ADVISER",
                tokens.bearer(Role.ADVISER, "888", null),
                "BROKER",
                tokens.bearer(Role.BROKER, "888", null),
                "school",
                tokens.bearer(Role.PROVIDER, "888", "100001"),
                "provider",
                tokens.bearer(Role.PROVIDER, "888", "P-HUB"),
                "ASSURER",
                tokens.bearer(Role.ASSURER, "888", null),
                "service",
                tokens.service(
                        uk.sse.kernel.identity.ServiceScope.LEDGER_HOLDS,
                        uk.sse.kernel.identity.ServiceScope.DIRECTORY_READ));
        List<uk.sse.testing.AccessMatrix.Denial> denials = uk.sse.testing.AccessMatrix.denials("reporting");
        assertThat(denials)
                .extracting(uk.sse.testing.AccessMatrix.Denial::column)
                .containsExactlyInAnyOrderElementsOf(callers.keySet());
        for (uk.sse.testing.AccessMatrix.Denial denial : denials) {
            assertThat(denial.endpoint()).isEqualTo("`GET /reports/...` (every report)");
            for (String endpoint : ENDPOINTS) {
                Api.Reply reply = get(uri(endpoint), callers.get(denial.column()));
                assertThat(reply.status()).as(denial + " " + endpoint).isEqualTo(403);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
        }
    }

    /** Decision 0080: each area's reports through the membership of that area, whichever hat is worn; none lent across. */
    @Test
    void aPersonOfSeveralMembershipsSeesTheReportsOfEachAreaTheyCommissionInAndNoOther() {
        var adviserHereCommissionerThere = uk.sse.kernel.identity.TokenClaims.person(
                tokens.identity(),
                "two-hats",
                List.of(
                        new uk.sse.kernel.identity.Membership(Role.ADVISER, "888", null),
                        new uk.sse.kernel.identity.Membership(
                                Role.COMMISSIONER, Scenario.OTHER_AREA, "la-" + Scenario.OTHER_AREA)),
                java.time.Duration.ofMinutes(10));
        String twoHats = tokens.signed(adviserHereCommissionerThere);
        Api.Reply unnamed = get(uri("/reports/days"), twoHats);
        assertThat(unnamed.status()).as("no area asked: the commissioner's").isEqualTo(200);
        assertThat(unnamed.map()).containsEntry("area", Scenario.OTHER_AREA);
        assertThat(unnamed.body())
                .isEqualTo(get(uri("/reports/days"), commissioner(Scenario.OTHER_AREA))
                        .body());
        Api.Reply here = get(uri("/reports/days?area=888"), twoHats);
        assertThat(here.status())
                .as("an adviser of 888 is no commissioner of it")
                .isEqualTo(404);
        assertThat(here.body()).doesNotContain("rows");
        String adviserAndAssurer = tokens.signed(uk.sse.kernel.identity.TokenClaims.person(
                tokens.identity(),
                "no-reports",
                List.of(
                        new uk.sse.kernel.identity.Membership(Role.ADVISER, "888", null),
                        new uk.sse.kernel.identity.Membership(Role.ASSURER, "888", null)),
                java.time.Duration.ofMinutes(10)));
        assertThat(get(uri("/reports/days?area=888"), adviserAndAssurer).status())
                .isEqualTo(403);
    }

    @Test
    void aCommissionerWithoutAnAreaIsRefused() {
        Api.Reply reply = get(uri("/reports/days"), tokens.bearer(Role.COMMISSIONER, null, "la"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void withoutAValidTokenNothingIsAnswered() {
        for (String bearer : new String[] {null, "Bearer not-a-token", "Basic dXNlcjpwYXNz"}) {
            Api.Reply reply = get(uri("/reports/days"), bearer);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        String unknownRole = "Bearer "
                + context.getBean(io.micronaut.security.token.jwt.generator.JwtTokenGenerator.class)
                        .generateToken(withRole(
                                uk.sse.kernel.identity.TokenClaims.person(
                                        context.getBean(uk.sse.kernel.identity.IdentitySettings.class),
                                        "someone",
                                        uk.sse.kernel.identity.Role.COMMISSIONER,
                                        "888",
                                        null,
                                        java.time.Duration.ofMinutes(10)),
                                "EMPEROR"))
                        .orElseThrow();
        assertThat(get(uri("/reports/days"), unknownRole).status()).isEqualTo(401);
    }

    private static Map<String, Object> withRole(Map<String, Object> claims, String role) {
        claims.put("role", role);
        return claims;
    }
}
