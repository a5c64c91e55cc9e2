package uk.sse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.application.OfferStore;
import uk.sse.directory.application.ProviderStore;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.identity.Role;
import uk.sse.local.demo.DemoLedger;
import uk.sse.testing.Polling;

/** What {@code ./run} serves, called over HTTP as a newcomer would with the printed tokens. */
class LocalSystemTest {

    static LocalSystem stack;
    static final HttpClient http = HttpClient.newHttpClient();
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(60);

    @BeforeAll
    static void start() {
        stack = LocalSystem.start(new String[0], Map.of("micronaut.server.port", -1));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aSampleSchoolIsServedByUrn() throws Exception {
        var reply = get("/schools/100000", stack.token(Role.ADVISER));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(json(reply)).containsEntry("name", "The Aldgate School").containsEntry("laCode", "201");
        assertThat(stack.register().created()).isEqualTo(2647);
    }

    @Test
    void theDemoAreasApprovedOffersAreListedForAdvisers() throws Exception {
        String area = stack.demo().demoArea();
        LocalDate today = LocalDate.now();
        List<Object> listed = new ArrayList<>();
        String cursor = null;
        do {
            var page = json(get(
                    "/offers?area=" + area + "&limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    stack.token(Role.ADVISER)));
            @SuppressWarnings("unchecked")
            var items = (List<Map<String, Object>>) page.get("items");
            assertThat(items)
                    .allSatisfy(o ->
                            assertThat(o).containsEntry("status", "APPROVED").containsEntry("area", area));
            items.forEach(o -> listed.add(o.get("id")));
            cursor = (String) page.get("next");
        } while (cursor != null);
        List<String> expected = stack.demo().offers().stream()
                .filter(o -> o.area().equals(area) && o.visibleToAdvisers(today))
                .map(Offer::id)
                .toList();
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theAssuranceQueueHoldsTheDemoAreasSubmittedOffers() throws Exception {
        var queue = json(get("/assurance/queue?limit=100", stack.token(Role.ASSURER)));
        long submitted = stack.demo().offers().stream()
                .filter(o -> o.area().equals(stack.demo().demoArea())
                        && o.status().name().equals("SUBMITTED"))
                .count();
        assertThat((List<?>) queue.get("items")).hasSize((int) submitted);
    }

    @Test
    void loadingTheDemoAgainChangesNothing() throws Exception {
        int before = ((List<?>)
                        json(get("/offers?providerId=" + stack.demoSchool() + "&limit=100", stack.token(Role.PROVIDER)))
                                .get("items"))
                .size();
        stack.demo()
                .load(
                        stack.context().getBean(ProviderStore.class),
                        stack.context().getBean(OfferStore.class));
        int after = ((List<?>)
                        json(get("/offers?providerId=" + stack.demoSchool() + "&limit=100", stack.token(Role.PROVIDER)))
                                .get("items"))
                .size();
        assertThat(before).isPositive();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theDemoSchoolSeesItsCreditsAndTheCommissionersCheckIsClean() throws Exception {
        String area = stack.demo().demoArea();
        var account = json(get("/accounts/" + area + "/" + stack.demoSchool(), stack.token(Role.PROVIDER)));
        assertThat(((Number) account.get("creditsPosted")).longValue())
                .isEqualTo(DemoLedger.TERM_ALLOCATION + DemoLedger.EXTRA_FOR_CONCERN);
        var statement =
                json(get("/accounts/" + area + "/" + stack.demoSchool() + "/entries", stack.token(Role.PROVIDER)));
        assertThat((List<?>) statement.get("items")).isNotEmpty();
        var check = json(get("/ledger/check?area=" + area, stack.token(Role.COMMISSIONER)));
        // the demo ledger's two open holds, and the hold of each agreed demo request
        assertThat(check)
                .containsEntry("ok", true)
                .containsEntry("pendingHolds", 2 + stack.brokerage().byStatus().getOrDefault("AGREED", 0));
        assertThat(((Number) check.get("creditsAllocated")).longValue())
                .isEqualTo(stack.credits().allocated());
        assertThat(get("/ledger/check?area=" + area, stack.token(Role.PROVIDER)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theDemoSchoolPaysAndHoldsWholeCreditsOverHttp() throws Exception {
        String area = stack.demo().demoArea();
        String school = area + "/" + stack.demoSchool();
        String provider = stack.demo().providers().stream()
                .filter(p -> p.area().equals(area) && p.type() != uk.sse.directory.model.ProviderType.SCHOOL)
                .map(p -> area + "/" + p.id())
                .findFirst()
                .orElseThrow();
        var paid = post(
                "/transfers",
                stack.token(Role.PROVIDER),
                "{\"id\":\"local-pay-1\",\"debit\":\"" + school + "\",\"credit\":\"" + provider
                        + "\",\"amount\":5,\"kind\":\"PAYMENT\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        String hold = "{\"id\":\"local-hold-1\",\"debit\":\"" + school + "\",\"credit\":\"" + provider
                + "\",\"amount\":3,\"kind\":\"PAYMENT\",\"pending\":true}";
        var byBroker = post("/transfers", stack.token(Role.BROKER), hold);
        assertThat(byBroker.statusCode())
                .as("a broker never pays from a school's account: " + byBroker.body())
                .isEqualTo(403);
        var held = post("/transfers", stack.token(Role.PROVIDER), hold);
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        var posted = post("/transfers/local-hold-1/post", stack.token(Role.PROVIDER), "{\"amount\":2}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        var halfCredit = post(
                "/transfers",
                stack.token(Role.PROVIDER),
                "{\"id\":\"local-pay-2\",\"debit\":\"" + school + "\",\"credit\":\"" + provider
                        + "\",\"amount\":2.5,\"kind\":\"PAYMENT\"}");
        assertThat(halfCredit.statusCode()).as(halfCredit.body()).isEqualTo(422);
        assertThat(json(get("/transfers/local-hold-1", stack.token(Role.PROVIDER))))
                .containsEntry("postedAmount", 2);
    }

    @Test
    void theApiDescriptionAndSwaggerUiAreServedWithoutAToken() throws Exception {
        assertThat(get("/swagger/directory.yml", null).body()).contains("openapi: 3");
        assertThat(get("/swagger/ledger.yml", null).body())
                .contains("openapi: 3")
                .contains("/ledger/check");
        assertThat(get("/swagger/brokerage.yml", null).body())
                .contains("openapi: 3")
                .contains("/requests/{id}/proposals");
        assertThat(get("/swagger-ui/res/swagger-ui-bundle.js", null).statusCode())
                .isEqualTo(200);
        var ui = get("/swagger-ui/index.html", null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body())
                .contains("swagger-ui")
                .contains("/swagger/directory.yml")
                .contains("/swagger/ledger.yml")
                .contains("/swagger/brokerage.yml");
    }

    @Test
    void everyRoleHasAWorkingTokenAndNoTokenIsA401() throws Exception {
        for (Role role : Role.values()) {
            assertThat(get("/taxonomy", stack.token(role)).statusCode())
                    .as(role.name())
                    .isEqualTo(200);
        }
        var denied = get("/taxonomy", null);
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRegistrarUploadsARegisterFileToTheLocalBucketAndItsJobRuns() throws Exception {
        String registrar = stack.token(Role.REGISTRAR);
        var asked = http.send(
                HttpRequest.newBuilder(URI.create(stack.url() + "/schools/imports"))
                        .header("Authorization", "Bearer " + registrar)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"two.csv\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        Map<String, Object> answer = stack.context()
                .getBean(JsonMapper.class)
                .readValue(asked.body(), Argument.mapOf(String.class, Object.class));
        String id = (String) ((Map<String, Object>) answer.get("job")).get("id");
        String url = (String) ((Map<String, Object>) answer.get("upload")).get("url");
        // the sample's header and first school as they are (the register is read, not changed), and a bad row
        String sample = new String(LocalSystem.sample(), java.nio.charset.StandardCharsets.ISO_8859_1);
        String[] lines = sample.split("\r\n", 3);
        byte[] file = (lines[0] + "\r\n" + lines[1] + "\r\n" + lines[1].replaceFirst("\"100000\"", "\"12x\"") + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var put = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        Map<String, Object> job = Polling.until(
                () -> json(get("/schools/imports/" + id, registrar)),
                j -> List.of("SUCCEEDED", "FAILED").contains(j.get("status")),
                WAIT);
        assertThat(job).containsEntry("status", "SUCCEEDED");
        assertThat((Map<String, Object>) job.get("counts"))
                .containsEntry("read", 2)
                .containsEntry("unchanged", 1)
                .containsEntry("rejected", 1);
        assertThat(get("/schools/imports/" + id, stack.token(Role.ADMIN)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theStreamFillsTheSearchIndicesAndNewOffersFollowWithinSeconds() throws Exception {
        int offers = stack.demo().offers().size();
        assertThat(Polling.until(() -> count("offers"), n -> n == offers, WAIT)).isEqualTo(offers);
        assertThat(Polling.until(() -> count("schools"), n -> n == 2647, WAIT)).isEqualTo(2647);

        Map<String, Object> offer = Map.of(
                "title",
                "Reading fluency coaching for Year 2",
                "description",
                "Six coaching sessions.",
                "areasOfSupport",
                List.of("CT.READ"),
                "phases",
                List.of("PRIMARY"),
                "deliveryModes",
                List.of("COACHING"),
                "capacityDaysPerTerm",
                3,
                "priceCredits",
                18,
                "contact",
                Map.of("name", "Reading lead", "email", "reading@example.org"));
        var created = http.send(
                HttpRequest.newBuilder(URI.create(stack.url() + "/offers"))
                        .header("Authorization", "Bearer " + stack.token(Role.PROVIDER))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                stack.context().getBean(JsonMapper.class).writeValueAsString(offer)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = (String) stack.context()
                .getBean(JsonMapper.class)
                .readValue(created.body(), Argument.mapOf(String.class, Object.class))
                .get("id");
        long written = System.nanoTime();
        int status = Polling.until(
                () -> http.send(
                                HttpRequest.newBuilder(
                                                URI.create(stack.openSearch().endpoint() + "/offers/_doc/" + id))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode(),
                code -> code == 200,
                WAIT);
        System.out.printf("write to indexed: %d ms%n", (System.nanoTime() - written) / 1_000_000);
        assertThat(status).as("the new offer reached the index").isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdviserSearchesNearTheSchoolBeingVisited() throws Exception {
        int offers = stack.demo().offers().size();
        Polling.until(() -> count("offers"), n -> n >= offers, WAIT);
        Polling.until(() -> count("schools"), n -> n == 2647, WAIT);
        var found = json(get(
                "/search/offers?q=reading&near=" + stack.demoSchool() + "&radiusKm=150", stack.token(Role.ADVISER)));
        var hits = (List<Map<String, Object>>) found.get("hits");
        assertThat(((Number) found.get("total")).intValue()).isPositive();
        assertThat(hits)
                .isNotEmpty()
                .allSatisfy(
                        h -> assertThat(h).containsEntry("status", "APPROVED").containsKey("distanceKm"));
        assertThat((List<Object>) found.get("facets")).isNotEmpty();
        var schools = get("/schools/search?q=" + stack.demoSchool(), stack.token(Role.ADVISER));
        assertThat(schools.statusCode()).isEqualTo(200);
        assertThat(schools.body()).contains("\"urn\":\"" + stack.demoSchool() + "\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrokerWorksTheDemoQueueAndARequestRaisedOverHttpIsAgreedWithItsCreditsHeld() throws Exception {
        var queue = json(get("/requests", stack.token(Role.BROKER)));
        List<Map<String, Object>> items = (List<Map<String, Object>>) queue.get("items");
        assertThat(items)
                .hasSizeGreaterThanOrEqualTo(stack.brokerage().requests()
                        - stack.brokerage().byStatus().getOrDefault("EVALUATED", 0));
        assertThat(items.get(0)).containsEntry("urgency", "URGENT");

        String area = stack.demo().demoArea();
        var register = stack.context().getBean(uk.sse.directory.application.SchoolStore.class);
        String school = stack.demo().providers().stream()
                .filter(p -> p.area().equals(area) && p.type() == ProviderType.SCHOOL)
                .map(Provider::id)
                .skip(11) // past the schools the demo brokerage raised for
                .filter(urn ->
                        register.find(urn).map(s -> "Primary".equals(s.phase())).orElse(false))
                .findFirst()
                .orElseThrow();
        String need = "{\"urn\":\"" + school
                + "\",\"areasOfSupport\":[\"CT\"],\"need\":\"curriculum sequencing in foundation subjects\","
                + "\"urgency\":\"MEDIUM\",\"daysWanted\":2,\"wantedBy\":\""
                + LocalDate.now().plusWeeks(4) + "\",\"credits\":10}";
        HttpResponse<String> raised = http.send(
                HttpRequest.newBuilder(URI.create(stack.url() + "/requests"))
                        .header("Authorization", "Bearer " + stack.token(Role.ADVISER))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "local-visit-1")
                        .POST(HttpRequest.BodyPublishers.ofString(need))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        Map<String, Object> request = stack.context()
                .getBean(JsonMapper.class)
                .readValue(raised.body(), Argument.mapOf(String.class, Object.class));
        String id = (String) request.get("id");
        List<Map<String, Object>> suggestions = (List<Map<String, Object>>) request.get("suggestions");
        assertThat(suggestions).as("search suggests offers near the school").isNotEmpty();
        assertThat(suggestions)
                .extracting(o -> o.get("providerId"))
                .as("never the school's own offers")
                .doesNotContain(school);
        Map<String, Object> pick = suggestions.get(0);

        HttpResponse<String> proposed = post(
                "/requests/" + id + "/proposals",
                stack.token(Role.BROKER),
                "{\"version\":1,\"offers\":[{\"offerId\":\"" + pick.get("offerId") + "\",\"days\":2,\"credits\":10}]}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        String provider = (String) pick.get("providerId");
        assertThat(post(
                                "/requests/" + id + "/proposals/P1/accept",
                                stack.token(Role.PROVIDER, provider),
                                "{\"version\":2}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> agreed =
                post("/requests/" + id + "/proposals/P1/agree", stack.token(Role.ADVISER), "{\"version\":3}");
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
        String holdId = (String) ((Map<String, Object>) json(agreed).get("engagement")).get("holdId");
        assertThat(holdId)
                .as("engagement holds live in the brokerage's namespace")
                .startsWith("brk:" + id + ".P1.");
        assertThat(json(get("/transfers/" + holdId, stack.token(Role.COMMISSIONER))))
                .containsEntry("state", "PENDING")
                .containsEntry("amount", 10);
    }

    private static int count(String alias) throws IOException, InterruptedException {
        var reply = http.send(
                HttpRequest.newBuilder(URI.create(stack.openSearch().endpoint() + "/" + alias + "/_count"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return reply.statusCode() != 200
                ? -1
                : ((Number) stack.context()
                                .getBean(JsonMapper.class)
                                .readValue(reply.body(), Argument.mapOf(String.class, Object.class))
                                .get("count"))
                        .intValue();
    }

    @Test
    void theDemoAreasOffersAwaitingAssuranceArriveSignedAtTheLocalReceiver() throws Exception {
        long submitted = stack.demo().offers().stream()
                .filter(o -> o.area().equals(stack.demo().demoArea())
                        && o.status().name().equals("SUBMITTED"))
                .count();
        assertThat(submitted).isPositive();
        // the demo brokerage's requests are notified too: every transition of the evaluated one, from created to
        // evaluated
        long brokerage = stack.brokerage().requests();
        List<LocalReceiver.Arrival> arrivals = Polling.until(
                () -> stack.notifications().receiver().arrivals(),
                a -> json(a, "directory.offer.submitted") >= submitted
                        && json(a, "brokerage.request.created") >= brokerage
                        && json(a, "brokerage.engagement.evaluated") >= 2,
                WAIT);
        assertThat(json(arrivals, "directory.offer.submitted")).isGreaterThanOrEqualTo(submitted);
        assertThat(json(arrivals, "brokerage.request.created")).isGreaterThanOrEqualTo(brokerage);
        assertThat(json(arrivals, "brokerage.engagement.evaluated"))
                .as("the school's rating, then the adviser's")
                .isEqualTo(2);
        assertThat(arrivals)
                .filteredOn(a -> a.path().equals("/json"))
                .allSatisfy(a -> assertThat(a.summary()).matches("directory\\.offer\\.submitted|brokerage\\..+"));
        assertThat(arrivals)
                .as("every signature checks out")
                .allSatisfy(a -> assertThat(a.signature())
                        .isEqualTo(uk.sse.notifier.model.WebhookSignatures.Verification.VALID));
        assertThat(arrivals)
                .filteredOn(a -> a.path().equals("/slack"))
                .as("Slack messages trickle in, one a second")
                .isNotEmpty();
        assertThat(stack.notifications().fed())
                .contains("sse-brokerage", "sse-directory", "sse-ledger", "sse-notifier");
        var page = http.send(
                HttpRequest.newBuilder(URI.create(stack.receiverUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Webhooks received", "VALID", "directory.offer.submitted");
        var subscriptions = json(get("/subscriptions", stack.token(Role.BROKER)));
        assertThat((List<?>) subscriptions.get("items")).hasSize(3);
    }

    /** How many JSON deliveries of events of {@code type} arrived. */
    private static long json(List<LocalReceiver.Arrival> arrivals, String type) {
        return arrivals.stream()
                .filter(a -> a.path().equals("/json") && a.summary().equals(type))
                .count();
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(stack.url() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> reply) throws IOException {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return stack.context()
                .getBean(JsonMapper.class)
                .readValue(reply.body(), Argument.mapOf(String.class, Object.class));
    }
}
