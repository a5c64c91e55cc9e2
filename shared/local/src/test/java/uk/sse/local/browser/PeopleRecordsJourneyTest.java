package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;

/**
 * An area's admin answers a person who asked what the service holds about them and to be erased: finds them by their
 * user ID, sees the request they raised with what they wrote, downloads it as JSON, confirms past the warning, and the
 * request no longer shows their words. The person is an adviser made for this journey, so other journeys keep theirs.
 */
class PeopleRecordsJourneyTest extends Journey {

    @Test
    void theAdminFindsAPersonsRecordsDownloadsThemAndErasesThem() throws Exception {
        Others others = new Others(stack);
        String key = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        String token = stack.token(key, List.of(new Membership(Role.ADVISER, others.area(), null)), "Journey Adviser");
        String need = "Year 2 phonics catch-up, asked for by " + key;
        String id = (String) others.send(
                        "POST",
                        "/requests",
                        token,
                        Map.of(
                                "urn",
                                stack.demoSchool(),
                                "areasOfSupport",
                                List.of("CT.READ"),
                                "need",
                                need,
                                "urgency",
                                "MEDIUM",
                                "daysWanted",
                                2,
                                "deliveryModes",
                                List.of("IN_SCHOOL"),
                                "wantedBy",
                                LocalDate.now().plusWeeks(6).toString(),
                                "credits",
                                10),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                        201)
                .get("id");
        String subject = "demo-" + key;
        // the same person is the contact a provider names on its offer: found by their email
        String email = key + "@example.org";
        String providerId = "prv_" + key.substring("journey-".length());
        String provider = stack.token(
                key + "-provider",
                List.of(new Membership(Role.PROVIDER, others.area(), providerId)),
                "Journey Provider");
        Map<String, Object> contact = Map.of("name", "Jo Journey", "email", email, "phone", "020 7946 0999");
        others.send(
                "POST",
                "/providers",
                provider,
                Map.of(
                        "type",
                        "HUB",
                        "name",
                        "Journey Hub " + key,
                        "area",
                        others.area(),
                        "contact",
                        contact,
                        "location",
                        Map.of("lat", 51.53, "lon", -0.12)),
                Map.of(),
                201);
        String offerId = (String) others.send(
                        "POST",
                        "/offers",
                        provider,
                        Map.ofEntries(
                                Map.entry("title", "Phonics coaching for Year 2"),
                                Map.entry("description", "Half-termly coaching for the reading lead."),
                                Map.entry("areasOfSupport", List.of("CT.READ")),
                                Map.entry("phases", List.of("PRIMARY")),
                                Map.entry("deliveryModes", List.of("IN_SCHOOL")),
                                Map.entry("capacityDaysPerTerm", 4),
                                Map.entry("priceCredits", 20),
                                Map.entry("travelRadiusKm", 25),
                                Map.entry("contact", contact)),
                        Map.of(),
                        201)
                .get("id");

        signIn("admin");
        follow("People's records");
        assertThat(heading()).isEqualTo("A person's records");
        check("people-records");
        type("subject", "not a user id");
        press("Find their records");
        assertThat(errors()).containsKeys("subject");
        check("people-records-errors");

        type("subject", subject);
        type("email", email);
        press("Find their records");
        assertThat(byId("requests").getText()).contains(need);
        assertThat(byId("offers").getText()).contains("Phonics coaching for Year 2", "Jo Journey", email);
        assertThat(byId("providers").getText()).contains("Journey Hub " + key, email);
        assertThat(text())
                .as("the notifier's part: this adviser never signed in, so it holds nothing of theirs in the area")
                .contains("Notifications and emails");
        assertThat(text()).contains("Credit transfers they asked for or resolved", "None in your area.");
        check("people-records-found");

        String export = browser.findElement(By.partialLinkText("Download their records"))
                .getAttribute("href");
        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<String> json = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(export))
                                .header("Cookie", cookies)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(json.body())
                .contains(
                        "\"subject\":\"" + subject + "\"",
                        id,
                        need,
                        "\"transfers\":[]",
                        "\"directory\":",
                        offerId,
                        "Jo Journey",
                        "\"notifier\":");

        press("Erase their records");
        assertThat(heading()).isEqualTo("Erase this person's records");
        assertThat(browser.findElement(By.cssSelector(".govuk-warning-text")).getText())
                .contains("You cannot undo this");
        check("person-erase");
        press("Erase their records");
        assertThat(heading()).isEqualTo("The person's records are erased");
        assertThat(byId("tombstone").getText()).startsWith("erased-");
        assertThat(byId("erased").getText())
                .contains(
                        "Requests 1",
                        "Credit transfers 0",
                        "Offers 1",
                        "Providers 1",
                        "Notifications and emails deleted 0");
        check("person-erased");

        Map<String, Object> request =
                others.send("GET", "/requests/" + id, stack.token(Role.BROKER), null, Map.of(), 200);
        assertThat(request).containsEntry("need", "[erased]").containsEntry("raisedBy", byIdText("tombstone"));
        Map<String, Object> offer = others.send("GET", "/offers/" + offerId, provider, null, Map.of(), 200);
        assertThat(((Map<?, ?>) offer.get("content")).get("contact"))
                .isEqualTo(Map.of("name", "[erased]", "email", "[erased]", "phone", "[erased]"));
    }

    private String byIdText(String id) {
        return byId(id).getText();
    }
}
