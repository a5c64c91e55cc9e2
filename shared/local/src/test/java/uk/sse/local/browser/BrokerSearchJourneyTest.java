package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A broker finds more support than was suggested: from the request's page they search the assured offers, without
 * scripts as a form and with them as they type, and propose one they found.
 */
class BrokerSearchJourneyTest extends Journey {

    @Test
    @SuppressWarnings("unchecked")
    void theBrokerSearchesForMoreSupportFromTheRequestAndProposesWhatTheyFound() {
        Others others = new Others(stack);
        String offer = others.approvedOfferOf(ProviderJourneyTest.PROVIDER);
        String title = (String) ((Map<String, Object>)
                        others.offer(offer, ProviderJourneyTest.PROVIDER).get("content"))
                .get("title");
        List<String> schools = stack.demo().providers().stream()
                .filter(p -> p.type() == uk.sse.directory.model.ProviderType.SCHOOL
                        && p.area().equals(others.area()))
                .map(p -> p.id())
                .filter(id -> !BrokerJourneyTest.TAKEN.contains(id) && !id.equals(stack.demoSchool()))
                .toList();
        String request = others.raise(
                schools.get(schools.size() - 3),
                "Attendance dipped after the autumn half term " + UUID.randomUUID(),
                "AB.ATT",
                2,
                20,
                "MEDIUM",
                LocalDate.now().plusWeeks(10),
                List.of());

        javaScript(false);
        signIn("broker");
        open("/support-requests/" + request);
        assertThat(browser.getTitle()).startsWith("Request for");
        type("find", title);
        press("Search");
        String found = byId("found").getText();
        assertThat(found).contains("found", title);
        check("found-without-scripts");

        javaScript(true);
        open("/support-requests/" + request);
        assertThat(browser.findElements(By.cssSelector("#found li"))).isEmpty();
        byId("find").sendKeys(title);
        waitFor(d -> d.findElement(By.id("found")).getText().contains(title));
        assertThat(browser.getCurrentUrl()).doesNotContain("find=");
        check("found-as-typed");

        go(browser.findElements(By.cssSelector("#found li")).stream()
                .filter(li -> li.getText().contains(title))
                .findFirst()
                .orElseThrow()
                .findElement(By.partialLinkText("Propose")));
        assertThat(heading()).contains(title);
    }
}
