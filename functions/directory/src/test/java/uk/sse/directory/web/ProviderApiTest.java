package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;
import static uk.sse.directory.web.Fixtures.OTHER_AREA;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;

@MicronautTest(environments = "test")
class ProviderApiTest extends LambdaTest {

    @BeforeAll
    void register() {
        fixtures.importSchools();
    }

    @Test
    void aSchoolRegistersItselfByUrnAndTakesItsLocationFromTheRegister() {
        var reply = fixtures.registerSchool("100008", AREA);
        assertThat(reply.map())
                .containsEntry("id", "100008")
                .containsEntry("type", "SCHOOL")
                .containsEntry("version", 1);
        assertThat(reply.header("ETag")).isEqualTo("\"v1\"");
        assertThat(reply.header("Location")).isEqualTo("/providers/100008");
        @SuppressWarnings("unchecked")
        var location = (Map<String, Object>) reply.map().get("location");
        assertThat((Double) location.get("lat")).isBetween(51.52, 51.53);

        var read = api.get("/providers/100008", fixtures.token(Role.ADVISER, OTHER_AREA, null));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.map()).containsEntry("name", "School 100008");

        var retry = api.post(
                "/providers", fixtures.token(Role.PROVIDER, AREA, "100008"), Fixtures.schoolProvider("100008", AREA));
        assertThat(retry.status())
                .as("the same registration again is a retry, answered with what it made")
                .isEqualTo(200);
        assertThat(retry.map()).containsEntry("id", "100008").containsEntry("version", 1);
        var different = Fixtures.schoolProvider("100008", AREA);
        different.put("name", "Someone else's idea of this school");
        assertThat(api.post("/providers", fixtures.token(Role.PROVIDER, AREA, "100008"), different)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aSchoolMustBeInTheRegister() {
        var reply = api.post(
                "/providers", fixtures.token(Role.PROVIDER, AREA, "999999"), Fixtures.schoolProvider("999999", AREA));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemFields()).containsExactly("/urn");
        assertThat(api.get("/providers/999999", fixtures.token(Role.ADMIN, AREA, null))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAdminRegistersOtherProvidersInTheirAreaOnly() {
        var hub = api.post(
                "/providers",
                fixtures.token(Role.ADMIN, AREA, null),
                Fixtures.otherProvider("HUB", "North London Maths Hub", AREA));
        assertThat(hub.status()).as(hub.body()).isEqualTo(201);
        assertThat((String) hub.map().get("id")).startsWith("prv_");

        var elsewhere = api.post(
                "/providers",
                fixtures.token(Role.ADMIN, OTHER_AREA, null),
                Fixtures.otherProvider("CHARITY", "Reading Together", AREA));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSchoolIsRegisteredOnlyInItsOwnLasAreaSoNoAdminReHomesAnotherAreasSchool() {
        // an admin of Islington registering a Camden school as Islington's: refused, naming the area it belongs to
        var rehomed = api.post(
                "/providers",
                fixtures.token(Role.ADMIN, OTHER_AREA, null),
                Fixtures.schoolProvider("100005", OTHER_AREA));
        assertThat(rehomed.status()).as(rehomed.body()).isEqualTo(422);
        assertThat(rehomed.problemFields()).containsExactly("/area");
        // nor as Camden's, which is not their area
        assertThat(api.post(
                                "/providers",
                                fixtures.token(Role.ADMIN, OTHER_AREA, null),
                                Fixtures.schoolProvider("100005", AREA))
                        .status())
                .isEqualTo(403);
        var school = api.get("/providers/100005", fixtures.token(Role.ADMIN, AREA, null));
        if (school.status() == 200) { // registered by another test, as itself: still in its own area
            assertThat(school.map()).containsEntry("area", AREA);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void designationsAreClaimsUntilAnAssurerOfTheAreaVerifiesThemAndOnlyVerifiedOnesReachOffers() {
        String own = fixtures.token(Role.PROVIDER, AREA, "prv_claims");
        var body = Fixtures.otherProvider("HUB", "Claims Hub", AREA);
        body.put("designations", java.util.List.of("NATIONAL_LEADER_OF_EDUCATION", "MATHS_HUB"));
        var registered = api.post("/providers", own, body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.map()).containsEntry("verifiedDesignations", java.util.List.of());
        String offerId = (String) fixtures.draftOffer("prv_claims", AREA).map().get("id");
        assertThat((java.util.List<String>)
                        api.get("/offers/" + offerId, own).map().get("designations"))
                .as("a claim is not shown")
                .isEmpty();

        var verify = Map.of("verified", java.util.List.of("MATHS_HUB"));
        // the provider itself, an assurer of another area, an assurer of the provider's own organisation, an admin:
        // refused
        for (String who : java.util.List.of(
                own,
                fixtures.token(Role.ASSURER, OTHER_AREA, null),
                fixtures.token(Role.ASSURER, AREA, "prv_claims"),
                fixtures.token(Role.ADMIN, AREA, null))) {
            assertThat(api.put("/providers/prv_claims/designations", who, "\"v1\"", verify)
                            .status())
                    .isEqualTo(403);
        }
        String assurer = fixtures.token(Role.ASSURER, AREA, "la-assurance");
        // each caller's allowedActions say what they may do: the provider revises; only the area's other assurers
        // verify
        assertThat(registered.map()).containsEntry("allowedActions", java.util.List.of("REVISE"));
        assertThat(api.get("/providers/prv_claims", assurer).map())
                .containsEntry("allowedActions", java.util.List.of("VERIFY_DESIGNATIONS", "REFUSE_DESIGNATIONS"));
        assertThat(api.get("/providers/prv_claims", fixtures.token(Role.ASSURER, AREA, "prv_claims"))
                        .map())
                .as("an assurer of the provider itself")
                .containsEntry("allowedActions", java.util.List.of());
        assertThat(api.get("/providers/prv_claims", fixtures.token(Role.ASSURER, OTHER_AREA, null))
                        .map())
                .containsEntry("allowedActions", java.util.List.of());
        var unclaimed = api.put(
                "/providers/prv_claims/designations",
                assurer,
                "\"v1\"",
                Map.of("verified", java.util.List.of("MUSIC_HUB")));
        assertThat(unclaimed.status()).isEqualTo(422);
        assertThat(unclaimed.problemFields()).containsExactly("/verified/0");
        var verified = api.put("/providers/prv_claims/designations", assurer, "\"v1\"", verify);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.map()).containsEntry("verifiedDesignations", java.util.List.of("MATHS_HUB"));
        assertThat(verified.map())
                .as("a claim is still unverified")
                .containsEntry("allowedActions", java.util.List.of("VERIFY_DESIGNATIONS", "REFUSE_DESIGNATIONS"));
        assertThat((java.util.List<String>)
                        api.get("/offers/" + offerId, own).map().get("designations"))
                .containsExactly("MATHS_HUB");

        // withdrawing the claim withdraws its verification, from the provider and its offers
        body.put("designations", java.util.List.of("NATIONAL_LEADER_OF_EDUCATION"));
        var revised = api.put("/providers/prv_claims", own, "\"v2\"", body);
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.map()).containsEntry("verifiedDesignations", java.util.List.of());
        assertThat((java.util.List<String>)
                        api.get("/offers/" + offerId, own).map().get("designations"))
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssurerOfTheAreaRefusesAClaimWithAReasonAndTheProviderMayClaimItAgain() {
        String own = fixtures.token(Role.PROVIDER, AREA, "prv_refused");
        var body = Fixtures.otherProvider("HUB", "Refused Claims Hub", AREA);
        body.put("designations", java.util.List.of("TEACHING_SCHOOL_HUB", "MATHS_HUB"));
        assertThat(api.post("/providers", own, body).status()).isEqualTo(201);
        String assurer = fixtures.token(Role.ASSURER, AREA, "la-assurance");
        var refusal =
                Map.of("designation", "TEACHING_SCHOOL_HUB", "reason", "Not on the DfE's list of teaching school hubs");

        // the provider itself, another area's assurer, an assurer of the provider, an admin, a broker: refused, nothing
        // changes
        for (String who : java.util.List.of(
                own,
                fixtures.token(Role.ASSURER, OTHER_AREA, null),
                fixtures.token(Role.ASSURER, AREA, "prv_refused"),
                fixtures.token(Role.ADMIN, AREA, null),
                fixtures.token(Role.BROKER, AREA, null))) {
            assertThat(refuse(who, "\"v1\"", refusal).status()).isEqualTo(403);
        }
        assertThat(refuse(assurer, null, refusal).status())
                .as("If-Match is required")
                .isEqualTo(428);
        var noReason = refuse(assurer, "\"v1\"", Map.of("designation", "TEACHING_SCHOOL_HUB", "reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.body()).contains("reason");
        var unclaimed = refuse(assurer, "\"v1\"", Map.of("designation", "MUSIC_HUB", "reason", "Not a music hub"));
        assertThat(unclaimed.status()).isEqualTo(422);
        assertThat(unclaimed.problemFields()).containsExactly("/designation");
        var unknown = refuse(assurer, "\"v1\"", Map.of("designation", "NOT_A_DESIGNATION", "reason", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(api.get("/providers/prv_refused", assurer).map())
                .containsEntry("version", 1)
                .containsEntry("designations", java.util.List.of("TEACHING_SCHOOL_HUB", "MATHS_HUB"));

        var refused = refuse(assurer, "\"v1\"", refusal);
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.header("ETag")).isEqualTo("\"v2\"");
        assertThat(refused.map())
                .as("the refused claim is no longer claimed")
                .containsEntry("designations", java.util.List.of("MATHS_HUB"));
        var kept = (java.util.List<Map<String, Object>>)
                api.get("/providers/prv_refused", own).map().get("refusedDesignations");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0))
                .containsEntry("designation", "TEACHING_SCHOOL_HUB")
                .containsEntry("reason", "Not on the DfE's list of teaching school hubs")
                .containsEntry("refusedBy", "assurer-" + AREA + "-la-assurance")
                .containsKey("refusedAt");
        assertThat(refuse(assurer, "\"v1\"", refusal).status())
                .as("an old version")
                .isEqualTo(412);
        assertThat(refuse(assurer, "\"v2\"", refusal).status())
                .as("a refused claim is no longer there to refuse")
                .isEqualTo(422);

        // a verified claim is not refused; once every claim is decided the assurer has nothing left to do
        assertThat(api.put(
                                "/providers/prv_refused/designations",
                                assurer,
                                "\"v2\"",
                                Map.of("verified", java.util.List.of("MATHS_HUB")))
                        .status())
                .isEqualTo(200);
        var verified = refuse(assurer, "\"v3\"", Map.of("designation", "MATHS_HUB", "reason", "Changed my mind"));
        assertThat(verified.status()).isEqualTo(422);
        assertThat(api.get("/providers/prv_refused", assurer).map())
                .containsEntry("allowedActions", java.util.List.of());

        // the provider claims it again with a better case: the refusal is dropped and the claim waits for an assurer
        // again
        body.put("designations", java.util.List.of("TEACHING_SCHOOL_HUB", "MATHS_HUB"));
        body.put("description", "Designated a teaching school hub in 2025: see the DfE's list");
        var again = api.put("/providers/prv_refused", own, "\"v3\"", body);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.map())
                .containsEntry("refusedDesignations", java.util.List.of())
                .containsEntry("verifiedDesignations", java.util.List.of("MATHS_HUB"));
        assertThat(api.get("/providers/prv_refused", assurer).map())
                .containsEntry("allowedActions", java.util.List.of("VERIFY_DESIGNATIONS", "REFUSE_DESIGNATIONS"));
    }

    private uk.sse.testing.Api.Reply refuse(String bearer, String ifMatch, Object body) {
        var request = uk.sse.testing.Api.auth(
                io.micronaut.http.HttpRequest.POST("/providers/prv_refused/designations/refusals", body), bearer);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    @Test
    void aProviderRegistersOnlyItsOwnOrganisation() {
        var other = api.post(
                "/providers", fixtures.token(Role.PROVIDER, AREA, "100006"), Fixtures.schoolProvider("100005", AREA));
        assertThat(other.status()).isEqualTo(403);

        var own = api.post(
                "/providers",
                fixtures.token(Role.PROVIDER, AREA, "prv_consultancy"),
                Fixtures.otherProvider("CONSULTANT", "Clear Leadership Ltd", AREA));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.map()).containsEntry("id", "prv_consultancy");

        for (Role role : new Role[] {Role.ADVISER, Role.BROKER, Role.ASSURER, Role.COMMISSIONER}) {
            var denied = api.post(
                    "/providers",
                    fixtures.token(role, AREA, "prv_x"),
                    Fixtures.otherProvider("TRUST", "A Trust", AREA));
            assertThat(denied.status()).as(role.name()).isEqualTo(403);
        }
    }

    @Test
    void updatesNeedTheCurrentETagAndTheRightCaller() {
        fixtures.registerSchool("100005", AREA);
        String own = fixtures.token(Role.PROVIDER, AREA, "100005");
        var body = Fixtures.schoolProvider("100005", AREA);
        body.put("name", "Thomas Coram Centre (teaching nursery)");

        assertThat(api.put("/providers/100005", own, null, body).status()).isEqualTo(428);
        assertThat(api.put("/providers/100005", fixtures.token(Role.PROVIDER, AREA, "100006"), "\"v1\"", body)
                        .status())
                .isEqualTo(403);
        assertThat(api.put("/providers/100005", fixtures.token(Role.ADMIN, OTHER_AREA, null), "\"v1\"", body)
                        .status())
                .isEqualTo(403);

        var updated = api.put("/providers/100005", own, "\"v1\"", body);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"v2\"");

        var stale = api.put("/providers/100005", own, "\"v1\"", body);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"v2\"");

        body.put("area", OTHER_AREA);
        var moved = api.put("/providers/100005", fixtures.token(Role.ADMIN, AREA, null), "\"v2\"", body);
        assertThat(moved.status()).isEqualTo(422);
        assertThat(moved.problemFields()).containsExactly("/area");
    }

    @Test
    void aRenameReachesTheProvidersOffers() {
        fixtures.registerSchool("100006", AREA);
        String offerId = (String) fixtures.draftOffer("100006", AREA).map().get("id");
        var body = Fixtures.schoolProvider("100006", AREA);
        body.put("name", "Heath School Outreach");
        assertThat(api.put("/providers/100006", fixtures.token(Role.PROVIDER, AREA, "100006"), "\"v1\"", body)
                        .status())
                .isEqualTo(200);

        var offer = api.get("/offers/" + offerId, fixtures.token(Role.PROVIDER, AREA, "100006"));
        assertThat(offer.map())
                .containsEntry("providerName", "Heath School Outreach")
                .containsEntry("version", 2);
    }

    @Test
    void listsAnAreasProvidersByName() {
        api.post(
                "/providers",
                fixtures.token(Role.ADMIN, OTHER_AREA, null),
                Fixtures.otherProvider("TRUST", "Zenith Learning Trust", OTHER_AREA));
        api.post(
                "/providers",
                fixtures.token(Role.ADMIN, OTHER_AREA, null),
                Fixtures.otherProvider("CHARITY", "Access Reading", OTHER_AREA));
        var list = api.get("/providers?area=" + OTHER_AREA, fixtures.token(Role.BROKER, OTHER_AREA, null));
        assertThat(list.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        var items = (java.util.List<Map<String, Object>>) list.map().get("items");
        assertThat(items).extracting(i -> i.get("name")).containsExactly("Access Reading", "Zenith Learning Trust");
    }

    @Test
    void everyCallNeedsAValidToken() {
        assertThat(api.get("/providers/100008", null).status()).isEqualTo(401);
        assertThat(api.get("/providers/100008", "Bearer not.a.token").status()).isEqualTo(401);
        var noRole = api.get("/providers/100008", "Bearer " + "x");
        assertThat(noRole.status()).isEqualTo(401);
        assertThat(noRole.contentType()).startsWith("application/problem+json");
    }
}
