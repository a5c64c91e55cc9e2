package uk.sse.local.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.identity.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An assurer verifies a designation a provider claims (decision 0033): a provider of the demo area newly claims a
 * designation; the assurer finds it among the designations to verify on "Offers to review", by the provider's name,
 * opens it, verifies it, and the claim leaves the list and is verified in the directory.
 */
class DesignationClaimJourneyTest extends Journey {

    @Test
    @SuppressWarnings("unchecked")
    void theAssurerVerifiesADesignationAProviderClaims() {
        Others others = new Others(stack);
        String area = stack.demo().demoArea();
        List<Provider> candidates = stack.demo().providers().stream()
                .filter(p -> p.area().equals(area) && p.type() != ProviderType.SCHOOL && !AssurerJourneyTest.TAKEN.contains(p.id())).toList();
        Provider provider = candidates.get(candidates.size() - 1); // the assurer's journey takes the first with an approved offer
        Designation claimed = Arrays.stream(Designation.values()).filter(d -> !provider.designations().contains(d)).findFirst().orElseThrow();
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
        others.send("PUT", "/providers/" + provider.id(), token, body, Map.of("If-Match", "\"v" + now.get("version") + "\""), 200);

        signIn("assurer");
        follow("Offers to review");
        WebElement row = browser.findElements(By.cssSelector("#claims > li")).stream().filter(li -> li.getText().contains(provider.name()))
                .findFirst().orElseThrow(() -> new AssertionError("the new claim is not waiting to be verified"));
        assertThat(row.getText()).doesNotContain(provider.id(), claimed.name());
        check("claims");

        go(row.findElement(By.tagName("a")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(provider.name()).doesNotContain(provider.id());
        check("claim");
        press("Verify this designation");
        assertThat(byId("done").getText()).contains("The designation is verified");
        assertThat(browser.findElements(By.cssSelector("#claims > li"))).noneMatch(li -> li.getText().contains(provider.name()));
        check("claim-verified");
        Map<String, Object> after = others.send("GET", "/providers/" + provider.id(), token, null, Map.of(), 200);
        assertThat((List<String>) after.get("verifiedDesignations")).contains(claimed.name());
    }
}
