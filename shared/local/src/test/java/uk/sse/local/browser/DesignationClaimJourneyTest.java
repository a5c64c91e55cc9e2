package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.identity.Role;

/**
 * An assurer verifies a designation a provider claims (decision 0033): a provider of the demo area newly claims a
 * designation; the assurer finds it among the designations to verify on "Offers to review", by the provider's name,
 * opens it, verifies it, and the claim leaves the list and is verified in the directory. Another claim the assurer refuses,
 * first without a reason (the error), then with one; it leaves the list, and the provider is told why in its
 * notifications and follows the notice to its profile, which says so too.
 */
class DesignationClaimJourneyTest extends Journey {

    static final String REASON =
            "The awarding body's published list does not name you. Send us the link to it when it does.";

    @Test
    @SuppressWarnings("unchecked")
    void theAssurerVerifiesADesignationAProviderClaims() {
        Others others = new Others(stack);
        Provider provider = verified();
        Designation claimed = Arrays.stream(Designation.values())
                .filter(d -> !provider.designations().contains(d))
                .findFirst()
                .orElseThrow();
        String token = claim(others, provider, claimed);

        signIn("assurer");
        follow("Offers to review");
        WebElement row = browser.findElements(By.cssSelector("#claims > li")).stream()
                .filter(li -> li.getText().contains(provider.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the new claim is not waiting to be verified"));
        assertThat(row.getText()).doesNotContain(provider.id(), claimed.name());
        check("claims");

        go(row.findElement(By.tagName("a")));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains(provider.name())
                .doesNotContain(provider.id());
        check("claim");
        press("Verify this designation");
        assertThat(byId("done").getText()).contains("The designation is verified");
        assertThat(browser.findElements(By.cssSelector("#claims > li")))
                .noneMatch(li -> li.getText().contains(provider.name()));
        check("claim-verified");
        Map<String, Object> after = others.send("GET", "/providers/" + provider.id(), token, null, Map.of(), 200);
        assertThat((List<String>) after.get("verifiedDesignations")).contains(claimed.name());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAssurerRefusesAClaimWithAReasonAndTheProviderReadsWhy() {
        Others others = new Others(stack);
        String area = stack.demo().demoArea();
        // a provider someone can sign in as (the demo's one of each kind), not the provider's own journey's; a refusal
        // leaves
        // its offers as they are, so the assurer's journey may share it
        Provider provider = stack.demo().providers().stream()
                .filter(p -> p.area().equals(area)
                        && p.type() != ProviderType.SCHOOL
                        && !AssurerJourneyTest.TAKEN.contains(p.id()))
                .filter(p -> !p.id().equals(verified().id()))
                .filter(p -> stack.context()
                        .getBean(uk.sse.local.LocalSystem.Handle.class)
                        .people()
                        .find("provider-" + p.id())
                        .isPresent())
                .findFirst()
                .orElseThrow();
        Designation claimed = Arrays.stream(Designation.values())
                .filter(d -> !provider.designations().contains(d))
                .reduce((first, second) -> second)
                .orElseThrow(); // the last it does not hold: the other test claims the first
        String token = claim(others, provider, claimed);
        String label = uk.sse.web.pages.Labels.designation(claimed.name());

        signIn("assurer");
        follow("Offers to review");
        WebElement row = browser.findElements(By.cssSelector("#claims > li")).stream()
                .filter(li ->
                        li.getText().contains(provider.name()) && li.getText().contains(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the new claim is not waiting to be checked"));
        go(row.findElement(By.tagName("a")));
        press("Refuse this claim");
        assertThat(byId("reason").getAttribute("class")).contains("govuk-textarea--error");
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter why you are refusing this claim");
        check("claim-refuse-errors");
        type("reason", REASON);
        press("Refuse this claim");
        assertThat(byId("done").getText()).contains("The claim is refused");
        assertThat(browser.findElements(By.cssSelector("#claims > li")))
                .noneMatch(li ->
                        li.getText().contains(provider.name()) && li.getText().contains(label));
        check("claim-refused");
        Map<String, Object> after = others.send("GET", "/providers/" + provider.id(), token, null, Map.of(), 200);
        assertThat((List<String>) after.get("designations")).doesNotContain(claimed.name());
        List<Map<String, Object>> refused = (List<Map<String, Object>>) after.get("refusedDesignations");
        assertThat(refused)
                .anySatisfy(r -> assertThat(r)
                        .containsEntry("designation", claimed.name())
                        .containsKeys("refusedBy", "refusedAt"));

        // the provider is told, with the reason, in its notifications (decision 0088), and follows the notice to its
        // profile, which says the claim was refused, and why
        signIn("provider-" + provider.id());
        WebElement notice = awaitNotice(
                "/profile#refused",
                "An assurer refused your claim to the designation \u201c" + label + "\u201d: " + REASON);
        assertThat(notice.findElement(By.xpath("ancestor::li")).getText()).startsWith("New");
        check("provider-notified");
        go(notice);
        assertThat(heading()).isEqualTo(provider.name());
        assertThat(byId("refused").isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains(label)
                .contains("The awarding body's published list does not name you");
        check("profile-refused");
    }

    /** The provider whose claim is verified: the last of the area's other providers (the assurer's journey takes the first with an approved offer). */
    private Provider verified() {
        String area = stack.demo().demoArea();
        List<Provider> candidates = stack.demo().providers().stream()
                .filter(p -> p.area().equals(area)
                        && p.type() != ProviderType.SCHOOL
                        && !AssurerJourneyTest.TAKEN.contains(p.id()))
                .toList();
        return candidates.get(candidates.size() - 1);
    }

    /** The provider claims one more designation, through the directory's API as the provider itself; its token. */
    @SuppressWarnings("unchecked")
    private String claim(Others others, Provider provider, Designation claimed) {
        String token = stack.token(Role.PROVIDER, provider.id());
        Map<String, Object> now = others.send("GET", "/providers/" + provider.id(), token, null, Map.of(), 200);
        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("type", "name", "area", "urn", "website", "description")) {
            if (now.get(field) != null) {
                body.put(field, now.get(field));
            }
        }
        body.put("contact", now.get("contact"));
        if (now.get("location") != null) {
            Map<String, Object> at = (Map<String, Object>) now.get("location");
            body.put("location", Map.of("lat", at.get("lat"), "lon", at.get("lon")));
        }
        List<String> designations = new ArrayList<>((List<String>) now.get("designations"));
        designations.add(claimed.name());
        body.put("designations", designations);
        others.send(
                "PUT",
                "/providers/" + provider.id(),
                token,
                body,
                Map.of("If-Match", "\"v" + now.get("version") + "\""),
                200);
        return token;
    }
}
