package uk.sse.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;
import uk.sse.web.session.ChangingRoleTest;
import uk.sse.web.session.Session;
import uk.sse.web.session.SessionCookies;

/**
 * The area admin's settings pages (decision 0086) through the web's Lambda handler, against a stand-in directory that
 * keeps areas as the real one answers them and records every change asked of it: the admin sees their area by names,
 * changes it (If-Match the version read), sees their mistakes and the API's refusals against the field, and a stale
 * form is refused. Everyone else gets "Page not found" and nothing is asked of the directory.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaSettingsTest implements TestPropertyProvider {

    static final String TRUST = "trust-ribble";

    /** A change the directory was asked for: the area, the If-Match sent (null if none), the body. */
    record Put(String area, String ifMatch, Map<String, Object> body) {}

    private final Map<String, Map<String, Object>> areas = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Put> puts = new ConcurrentLinkedQueue<>();
    private HttpServer stand;

    @Inject
    Api api;

    @Inject
    Tokens tokens;

    @Inject
    SessionCookies cookies;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        try {
            stand = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        stand.createContext("/", this::answer);
        stand.start();
        return Map.of(
                "sse.web.api-url",
                "http://127.0.0.1:" + stand.getAddress().getPort(),
                "sse.web.areas-fresh-for",
                "0s",
                "micronaut.http.client.follow-redirects",
                "false");
    }

    @BeforeEach
    void theDirectoryAsItWas() {
        puts.clear();
        areas.clear();
        areas.put(
                TRUST,
                area(
                        TRUST,
                        "Ribble Learning Trust",
                        "TRUST",
                        List.of("889"),
                        List.of("2044"),
                        List.of("119788", "999001"),
                        false,
                        3));
        areas.put("888", area("888", "Lancashire", "LA", List.of("888"), List.of(), List.of(), true, 0));
    }

    static Map<String, Object> area(
            String id,
            String name,
            String kind,
            List<String> las,
            List<String> trusts,
            List<String> urns,
            boolean asks,
            long version) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("name", name);
        a.put("kind", kind);
        a.put("laCodes", las);
        a.put("trustCodes", trusts);
        a.put("urns", urns);
        a.put("schoolsRaiseRequests", asks);
        a.put("version", version);
        return a;
    }

    @SuppressWarnings("unchecked")
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        int status = 200;
        Object body;
        if (method.equals("GET") && path.equals("/areas")) {
            body = List.copyOf(areas.values());
        } else if (path.startsWith("/areas/")) {
            String id = path.substring("/areas/".length());
            Map<String, Object> current = areas.get(id);
            if (current == null) {
                status = 404;
                body = Map.of("title", "Not Found", "status", 404);
            } else if (method.equals("GET")) {
                body = current;
            } else {
                Map<String, Object> sent =
                        json.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
                String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
                puts.add(new Put(id, ifMatch, sent));
                long version = ((Number) current.get("version")).longValue();
                if (id.equals("trust-refusing")) {
                    status = 403;
                    body = Map.of(
                            "title", "Forbidden", "status", 403, "detail", "only the registrar defines a new area");
                } else if (version > 0 && !("\"v" + version + "\"").equals(ifMatch)) {
                    status = 412;
                    body = Map.of("title", "Precondition Failed", "status", 412);
                } else if (((List<String>) sent.get("urns")).contains("999999")) {
                    status = 422;
                    body = Map.of(
                            "title",
                            "Unprocessable Entity",
                            "status",
                            422,
                            "errors",
                            List.of(Map.of("field", "/urns/1", "message", "is not a school of the register")));
                } else {
                    Map<String, Object> next = area(
                            id,
                            (String) sent.get("name"),
                            (String) sent.get("kind"),
                            (List<String>) sent.get("laCodes"),
                            (List<String>) sent.get("trustCodes"),
                            (List<String>) sent.get("urns"),
                            (Boolean) sent.get("schoolsRaiseRequests"),
                            version + 1);
                    areas.put(id, next);
                    body = next;
                }
            }
        } else if (path.startsWith("/ledger/credit-schemes/")) {
            body = Map.of("creditsPerTerm", 12, "unspentExpires", true, "version", 2);
        } else if (path.startsWith("/schools/") && !path.endsWith("999001")) {
            String urn = path.substring("/schools/".length());
            body = Map.of("urn", urn, "name", "Ribble Primary " + urn, "laCode", "888");
        } else {
            status = 404;
            body = Map.of("title", "Not Found", "status", 404);
        }
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    void stopTheStandIn() {
        stand.stop(0);
    }

    String sessionOf(Membership... memberships) {
        String token = tokens.signed(
                        TokenClaims.person(tokens.identity(), "admin", List.of(memberships), Duration.ofMinutes(10)))
                .substring("Bearer ".length());
        Session session =
                cookies.start(token, "Ada Admin", Instant.now().plusSeconds(600).getEpochSecond());
        return cookies.cookie(session).getName() + "=" + cookies.cookie(session).getValue();
    }

    Api.Reply page(String path, String cookie) {
        return api.send(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE).header("Cookie", cookie));
    }

    /** Sends the change form with these fields, with the CSRF token of the page it was read from. */
    Api.Reply change(String[] csrf, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("csrfToken=" + csrf[1]);
        fields.forEach(
                (k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return api.send(HttpRequest.POST("/area-settings/change", body.toString())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE)
                .header("Cookie", csrf[0]));
    }

    static Map<String, String> form(String name, String las, String trusts, String urns, String asks, String version) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("laCodes", las);
        f.put("trustCodes", trusts);
        f.put("urns", urns);
        if (asks != null) {
            f.put("schoolsRaiseRequests", asks);
        }
        f.put("version", version);
        return f;
    }

    @Test
    void theTrustsAdminSeesItsSettingsByNameAndChangesThemWithTheVersionTheyRead() {
        String admin = sessionOf(new Membership(Role.ADMIN, TRUST, null));
        assertThat(page("/", admin).body()).contains("href=\"/area-settings\"", "Area settings");

        Api.Reply summary = page("/area-settings", admin);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body())
                .contains(
                        "Ribble Learning Trust",
                        "Multi-academy trust",
                        "local authority 889",
                        "Trust 2044",
                        "Ribble Primary 119788",
                        "A school not in the register (URN 999001)",
                        "No, only advisers raise requests",
                        "12 credits each term for each school; unspent credits expire at the end of the school year")
                .doesNotContain(">trust-ribble<");

        Api.Reply form = page("/area-settings/change", admin);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("value=\"Ribble Learning Trust\"", "name=\"version\" value=\"3\"", "119788\n999001")
                .containsPattern("value=\"false\"[^>]*checked");
        String[] csrf = ChangingRoleTest.withCsrf(admin, form);
        Api.Reply saved =
                change(csrf, form("Ribble Schools Trust", "889", "2044", "119788\r\n119790, 119788", "true", "3"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/area-settings?saved=1");
        Put put = puts.stream().reduce((a, b) -> b).orElseThrow();
        assertThat(put.area()).isEqualTo(TRUST);
        assertThat(put.ifMatch()).isEqualTo("\"v3\"");
        assertThat(put.body())
                .containsEntry("name", "Ribble Schools Trust")
                .containsEntry("kind", "TRUST")
                .containsEntry("laCodes", List.of("889"))
                .containsEntry("trustCodes", List.of("2044"))
                .containsEntry("urns", List.of("119788", "119790"))
                .containsEntry("schoolsRaiseRequests", true);

        Api.Reply after = page("/area-settings?saved=1", admin);
        assertThat(after.body())
                .contains("The area's settings are saved", "Ribble Schools Trust", "Ribble Primary 119790")
                .containsPattern(
                        "Schools may ask for support themselves</dt>\\s*<dd class=\"govuk-summary-list__value\">Yes<");
        assertThat(page("/", admin).body())
                .as("the header's role follows the register within its freshness")
                .contains("Ribble Schools Trust");

        Api.Reply stale = change(csrf, form("Ribble Trust", "889", "2044", "119788", "false", "3"));
        assertThat(stale.status()).isEqualTo(422);
        assertThat(stale.body())
                .contains("Someone else changed the area's settings while you were editing them", "href=\"#name\"");
        assertThat(areas.get(TRUST)).containsEntry("name", "Ribble Schools Trust");
    }

    @Test
    void mistakesAndTheDirectorysRefusalsAreShownAgainstTheirFieldsAndNothingIsChanged() {
        String admin = sessionOf(new Membership(Role.ADMIN, TRUST, null));
        String[] csrf = ChangingRoleTest.withCsrf(admin, page("/area-settings/change", admin));

        Api.Reply mistakes = change(csrf, form(" ", "88", "TR2044", "12", null, "3"));
        assertThat(mistakes.status()).isEqualTo(422);
        assertThat(mistakes.body())
                .contains(
                        "There is a problem",
                        "Enter the area's name",
                        "href=\"#name\"",
                        "Enter each local authority as its 3-digit code",
                        "href=\"#laCodes\"",
                        "Enter each trust as its GIAS trust code",
                        "Enter each school as its URN",
                        "href=\"#urns\"",
                        "Choose whether the area's schools may ask for support themselves",
                        "href=\"#schoolsRaiseRequests\"",
                        "govuk-textarea--error");
        assertThat(change(csrf, form("Ribble", "", "", "", "true", "3")).body())
                .contains("Enter at least one local authority, trust or school");
        assertThat(puts)
                .as("nothing asked of the directory for a form with mistakes")
                .isEmpty();

        Api.Reply refused = change(csrf, form("Ribble Learning Trust", "", "", "119788\n999999", "true", "3"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Schools: is not a school of the register", "href=\"#urns\"", "119788\n999999");
        assertThat(areas.get(TRUST)).containsEntry("version", 3L).containsEntry("name", "Ribble Learning Trust");
    }

    @Test
    void anLasAdminDefinesTheirLaOnlyToNameItAndLetItsSchoolsAsk() {
        String admin = sessionOf(new Membership(Role.ADMIN, "888", null));
        Api.Reply form = page("/area-settings/change", admin);
        assertThat(form.body())
                .contains("every school in Lancashire, and no others")
                .doesNotContain("id=\"urns\"");
        Api.Reply saved = change(
                ChangingRoleTest.withCsrf(admin, form),
                form("Lancashire County Council", "999", "1", "100000", "false", "0"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        Put put = puts.stream().reduce((a, b) -> b).orElseThrow();
        assertThat(put.area()).as("their own area, never another").isEqualTo("888");
        assertThat(put.ifMatch()).as("an LA's area not yet defined is defined").isNull();
        assertThat(put.body())
                .containsEntry("laCodes", List.of("888"))
                .containsEntry("urns", List.of())
                .containsEntry("trustCodes", List.of())
                .containsEntry("schoolsRaiseRequests", false);
        assertThat(puts).noneMatch(p -> p.area().equals(TRUST));
    }

    @Test
    void noOneButTheAreasAdminReachesThePagesAndTheDirectorysRefusalIsPageNotFound() {
        String admin = sessionOf(new Membership(Role.ADMIN, TRUST, null));
        String[] adminsCsrf = ChangingRoleTest.withCsrf(admin, page("/area-settings/change", admin));
        for (Membership other : List.of(
                new Membership(Role.ADVISER, TRUST, null),
                new Membership(Role.COMMISSIONER, TRUST, null),
                new Membership(Role.BROKER, TRUST, null),
                new Membership(Role.ASSURER, "888", null),
                new Membership(Role.REGISTRAR, null, null))) {
            String session = sessionOf(other);
            assertThat(page("/area-settings", session).status())
                    .as(other.written())
                    .isEqualTo(404);
            assertThat(page("/area-settings/change", session).status())
                    .as(other.written())
                    .isEqualTo(404);
            assertThat(page("/", session).body()).as(other.written()).doesNotContain("/area-settings");
            String[] csrf = ChangingRoleTest.withCsrf(session, page("/", session));
            assertThat(change(csrf, form("Taken over", "", "", "119788", "true", "3"))
                            .status())
                    .as(other.written())
                    .isEqualTo(404);
        }
        assertThat(change(new String[] {adminsCsrf[0], "forged"}, form("Taken over", "", "", "119788", "true", "3"))
                        .status())
                .as("without the form's CSRF token")
                .isEqualTo(403);
        assertThat(puts).isEmpty();

        areas.put(
                "trust-refusing",
                area("trust-refusing", "Refusing Trust", "TRUST", List.of(), List.of(), List.of("119788"), false, 1));
        String refusedAdmin = sessionOf(new Membership(Role.ADMIN, "trust-refusing", null));
        String[] csrf = ChangingRoleTest.withCsrf(refusedAdmin, page("/area-settings/change", refusedAdmin));
        assertThat(change(csrf, form("Refusing Trust", "", "", "119788", "true", "1"))
                        .status())
                .isEqualTo(404);
        assertThat(areas.get("trust-refusing")).containsEntry("schoolsRaiseRequests", false);
        assertThat(page("/area-settings", sessionOf(new Membership(Role.ADMIN, "trust-unknown", null)))
                        .status())
                .as("an admin of an area not in the register")
                .isEqualTo(404);
    }
}
