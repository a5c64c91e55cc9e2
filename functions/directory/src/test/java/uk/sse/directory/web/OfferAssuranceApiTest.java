package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;
import static uk.sse.directory.web.Fixtures.OTHER_AREA;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.SettableClock;

@MicronautTest(environments = "test")
class OfferAssuranceApiTest extends LambdaTest {

    static final String URN = "100008";

    @Inject
    SettableClock clock;

    String provider;
    String assurer;
    String adviser;

    @BeforeAll
    void register() {
        fixtures.importSchools();
        fixtures.registerSchool(URN, AREA);
        provider = fixtures.token(Role.PROVIDER, AREA, URN);
        assurer = fixtures.token(Role.ASSURER, AREA, null);
        adviser = fixtures.token(Role.ADVISER, AREA, null);
    }

    @Test
    void aDraftTakesItsProvidersDetailsAndIsSeenOnlyByItsProviderAndReviewers() {
        var created = fixtures.draftOffer(URN, AREA);
        String id = (String) created.map().get("id");
        assertThat(created.map())
                .containsEntry("status", "DRAFT")
                .containsEntry("providerId", URN)
                .containsEntry("area", AREA)
                .containsEntry("version", 1);
        assertThat(created.header("ETag")).isEqualTo("\"v1\"");
        assertThat(created.header("Location")).isEqualTo("/offers/" + id);
        @SuppressWarnings("unchecked")
        var content = (Map<String, Object>) created.map().get("content");
        assertThat(content).containsKey("location");

        assertThat(api.get("/offers/" + id, provider).status()).isEqualTo(200);
        assertThat(api.get("/offers/" + id, assurer).status()).isEqualTo(200);
        assertThat(api.get("/offers/" + id, fixtures.token(Role.ADMIN, AREA, null))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/offers/" + id, adviser).status()).isEqualTo(404);
        assertThat(api.get("/offers/" + id, fixtures.token(Role.BROKER, AREA, null))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/offers/" + id, fixtures.token(Role.ASSURER, OTHER_AREA, null))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/offers/" + id, fixtures.token(Role.PROVIDER, AREA, "100005"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyTheProviderOrAnAdminOfItsAreaPublishesItsOffers() {
        assertThat(api.post("/offers", fixtures.token(Role.PROVIDER, AREA, "100005"), Fixtures.offer(URN))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/offers", fixtures.token(Role.ADVISER, AREA, null), Fixtures.offer(URN))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/offers", fixtures.token(Role.ADMIN, OTHER_AREA, null), Fixtures.offer(URN))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/offers", fixtures.token(Role.ADMIN, AREA, null), Fixtures.offer(URN))
                        .status())
                .isEqualTo(201);
        var unknown = api.post("/offers", fixtures.token(Role.ADMIN, AREA, null), Fixtures.offer("prv_nobody"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problemFields()).containsExactly("/providerId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWholeAssuranceWorkflowIsRecorded() {
        String id = (String) fixtures.draftOffer(URN, AREA).map().get("id");

        assertThat(fixtures.act(id, provider, "SUBMIT", null, null).map())
                .containsEntry("status", "SUBMITTED")
                .containsEntry("allowedActions", List.of("WITHDRAW"));
        // each caller reads the moves that are theirs to make now: the area's assurer decides; others of the area,
        // nothing
        assertThat(api.get("/offers/" + id, assurer).map().get("allowedActions"))
                .isEqualTo(List.of("APPROVE", "REJECT", "REQUEST_CHANGES"));
        assertThat(api.get("/offers/" + id, fixtures.token(Role.ADMIN, AREA, null))
                        .map()
                        .get("allowedActions"))
                .isEqualTo(List.of("WITHDRAW"));
        assertThat(api.get("/offers/" + id, fixtures.token(Role.PROVIDER, AREA, "100005"))
                        .status())
                .isEqualTo(404);
        var changes = fixtures.act(id, assurer, "REQUEST_CHANGES", "Add evidence from a second school", null);
        assertThat(changes.map()).containsEntry("status", "CHANGES_REQUESTED");
        var edited = api.put("/offers/" + id, provider, changes.header("ETag"), Fixtures.offer(null));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.map()).containsEntry("status", "CHANGES_REQUESTED");
        assertThat(fixtures.act(id, provider, "SUBMIT", null, null).map()).containsEntry("status", "SUBMITTED");

        LocalDate review = LocalDate.now(clock).plusMonths(12);
        var approved = fixtures.act(id, assurer, "APPROVE", "Strong evidence of impact", review);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.map()).containsEntry("status", "APPROVED").containsEntry("reviewDate", review.toString());

        var seen = api.get("/offers/" + id, adviser);
        assertThat(seen.status()).isEqualTo(200);
        assertThat((List<Object>) seen.map().get("history"))
                .as("advisers do not see assurance reasons")
                .isEmpty();

        @SuppressWarnings("unchecked")
        var history = (List<Map<String, Object>>)
                api.get("/offers/" + id, assurer).map().get("history");
        assertThat(history)
                .extracting(h -> h.get("action"))
                .containsExactly("SUBMIT", "REQUEST_CHANGES", "EDIT", "SUBMIT", "APPROVE");
        assertThat(history.get(1))
                .containsEntry("reason", "Add evidence from a second school")
                .containsEntry("from", "SUBMITTED")
                .containsEntry("to", "CHANGES_REQUESTED");
        assertThat(history).allSatisfy(h -> assertThat(h).containsKeys("at", "by", "version"));

        var versions = api.get("/offers/" + id + "/versions", provider);
        assertThat(versions.list()).hasSize(6);
        assertThat(api.get("/offers/" + id + "/versions", adviser).status()).isEqualTo(403);

        var suspended = fixtures.act(id, assurer, "SUSPEND", "Safeguarding concern under review", null);
        assertThat(suspended.map()).containsEntry("status", "SUSPENDED");
        assertThat(api.get("/offers/" + id, adviser).status()).isEqualTo(404);
        assertThat(fixtures.act(id, assurer, "APPROVE", "Concern resolved", review)
                        .map())
                .containsEntry("status", "APPROVED");

        var withdrawn = fixtures.act(id, provider, "WITHDRAW", null, null);
        assertThat(withdrawn.map()).containsEntry("status", "WITHDRAWN");
        assertThat(api.get("/offers/" + id, adviser).status()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusedTransitionsNameWhatIsAllowed() {
        String id = (String) fixtures.draftOffer(URN, AREA).map().get("id");
        var approveDraft =
                fixtures.act(id, assurer, "APPROVE", null, LocalDate.now(clock).plusMonths(6));
        assertThat(approveDraft.status()).isEqualTo(409);
        assertThat(approveDraft.contentType()).startsWith("application/problem+json");
        assertThat((List<Object>) approveDraft.map().get("allowed")).containsExactly("SUBMIT", "EDIT", "WITHDRAW");

        fixtures.act(id, provider, "SUBMIT", null, null);
        assertThat(fixtures.act(id, provider, "SUBMIT", null, null).status()).isEqualTo(409);
        var noReason = fixtures.act(id, assurer, "REJECT", " ", null);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.problemFields()).containsExactly("/reason");
        var noDate = fixtures.act(id, assurer, "APPROVE", null, null);
        assertThat(noDate.problemFields()).containsExactly("/reviewDate");
        var pastDate =
                fixtures.act(id, assurer, "APPROVE", null, LocalDate.now(clock).minusDays(1));
        assertThat(pastDate.problemFields()).containsExactly("/reviewDate");
        var farDate =
                fixtures.act(id, assurer, "APPROVE", null, LocalDate.now(clock).plusYears(4));
        assertThat(farDate.problemFields()).containsExactly("/reviewDate");
        var underReview = api.put("/offers/" + id, provider, "\"v2\"", Fixtures.offer(null));
        assertThat(underReview.status()).isEqualTo(409);

        assertThat(fixtures.act(
                                id,
                                provider,
                                "APPROVE",
                                null,
                                LocalDate.now(clock).plusMonths(6))
                        .status())
                .isEqualTo(403);
        assertThat(fixtures.act(id, fixtures.token(Role.ASSURER, OTHER_AREA, null), "REJECT", "no", null)
                        .status())
                .isEqualTo(404);
        assertThat(fixtures.act(id, fixtures.token(Role.ADMIN, AREA, null), "REJECT", "no", null)
                        .status())
                .isEqualTo(403);
        // an assurer who belongs to the provider never decides on its offers
        assertThat(fixtures.act(
                                id,
                                fixtures.token(Role.ASSURER, AREA, URN),
                                "APPROVE",
                                "ours, and good",
                                LocalDate.now(clock).plusMonths(6))
                        .status())
                .isEqualTo(403);

        var rejected = fixtures.act(id, assurer, "REJECT", "No evidence of impact", null);
        assertThat(rejected.map()).containsEntry("status", "REJECTED");
        assertThat(fixtures.act(id, assurer, "SUSPEND", "x", null).status()).isEqualTo(409);
        var edited = api.put("/offers/" + id, provider, rejected.header("ETag"), Fixtures.offer(null));
        assertThat(edited.map())
                .as("a rejected offer reworked starts again as a draft")
                .containsEntry("status", "DRAFT");
    }

    @Test
    void editingAnApprovedOfferSendsItBackForAssurance() {
        String id = fixtures.approvedOffer(URN, AREA);
        var current = api.get("/offers/" + id, provider);
        var body = Fixtures.offer(null);
        body.put("priceCredits", 20);
        var edited = api.put("/offers/" + id, provider, current.header("ETag"), body);
        assertThat(edited.map()).containsEntry("status", "SUBMITTED");
        assertThat(api.get("/offers/" + id, adviser).status()).isEqualTo(404);
        @SuppressWarnings("unchecked")
        var queue = (List<Map<String, Object>>)
                api.get("/assurance/queue", assurer).map().get("items");
        assertThat(queue).extracting(o -> o.get("id")).contains(id);
    }

    @Test
    void staleEditsAreRefusedWith412() {
        String id = (String) fixtures.draftOffer(URN, AREA).map().get("id");
        assertThat(api.put("/offers/" + id, provider, null, Fixtures.offer(null))
                        .status())
                .isEqualTo(428);
        assertThat(api.put("/offers/" + id, provider, "\"v1\"", Fixtures.offer(null))
                        .status())
                .isEqualTo(200);
        var stale = api.put("/offers/" + id, provider, "\"v1\"", Fixtures.offer(null));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"v2\"");
        assertThat(fixtures.act(id, provider, "SUBMIT", null, null).status()).isEqualTo(200);
        var staleDecision = api.send(Api.auth(
                io.micronaut.http.HttpRequest.POST(
                                "/offers/" + id + "/assurance", Map.of("action", "REJECT", "reason", "late"))
                        .header("If-Match", "\"v2\""),
                assurer));
        assertThat(staleDecision.status()).isEqualTo(412);
    }

    @Test
    void anApprovalLapsesOnItsReviewDate() {
        String id = (String) fixtures.draftOffer(URN, AREA).map().get("id");
        fixtures.act(id, provider, "SUBMIT", null, null);
        fixtures.act(id, assurer, "APPROVE", "ok", LocalDate.now(clock).plusDays(2));
        assertThat(api.get("/offers/" + id, adviser).status()).isEqualTo(200);
        assertThat(listedForAdvisers()).contains(id);
        clock.advance(Duration.ofDays(3));
        try {
            assertThat(api.get("/offers/" + id, adviser).status()).isEqualTo(404);
            assertThat(listedForAdvisers()).doesNotContain(id);
            assertThat(api.get("/offers/" + id, provider).map()).containsEntry("status", "APPROVED");
        } finally {
            clock.advance(Duration.ofDays(-3));
        }
    }

    @Test
    void theAssuranceQueueIsForTheAreasReviewers() {
        String id = (String) fixtures.draftOffer(URN, AREA).map().get("id");
        fixtures.act(id, provider, "SUBMIT", null, null);
        @SuppressWarnings("unchecked")
        var queue = (List<Map<String, Object>>)
                api.get("/assurance/queue", assurer).map().get("items");
        assertThat(queue).extracting(o -> o.get("id")).contains(id);
        assertThat(queue)
                .allSatisfy(
                        o -> assertThat(o).containsEntry("status", "SUBMITTED").containsEntry("area", AREA));
        assertThat(ids(api.get("/assurance/queue", fixtures.token(Role.ASSURER, OTHER_AREA, null))))
                .doesNotContain(id);
        assertThat(api.get("/assurance/queue?area=" + AREA, fixtures.token(Role.ASSURER, OTHER_AREA, null))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/assurance/queue", adviser).status()).isEqualTo(403);
        assertThat(api.get("/offers?area=" + AREA + "&status=DRAFT", adviser).status())
                .isEqualTo(403);
    }

    @Test
    void aProviderListsItsOwnOffersInEveryStateOthersSeeOnlyTheApproved() {
        String approved = fixtures.approvedOffer(URN, AREA);
        String draft = (String) fixtures.draftOffer(URN, AREA).map().get("id");
        assertThat(ids(api.get("/offers?providerId=" + URN + "&limit=100", provider)))
                .contains(approved, draft);
        assertThat(ids(api.get("/offers?providerId=" + URN + "&limit=100", adviser)))
                .contains(approved)
                .doesNotContain(draft);
    }

    @Test
    void pagesFollowTheirCursor() {
        for (int i = 0; i < 3; i++) {
            fixtures.approvedOffer(URN, AREA);
        }
        var first = api.get("/offers?area=" + AREA + "&limit=2", adviser);
        assertThat(ids(first)).hasSize(2);
        String next = (String) first.map().get("next");
        assertThat(next).isNotNull();
        var second = api.get("/offers?area=" + AREA + "&limit=2&cursor=" + next, adviser);
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
        var bad = api.get("/offers?area=" + AREA + "&cursor=garbage!", adviser);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.problemFields()).containsExactly("cursor");
    }

    private List<Object> listedForAdvisers() {
        return ids(api.get("/offers?area=" + AREA + "&limit=100", adviser));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) reply.map().get("items"))
                .stream().map(o -> o.get("id")).toList();
    }
}
