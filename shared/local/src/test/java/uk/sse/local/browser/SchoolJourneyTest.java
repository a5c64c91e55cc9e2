package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Staff of a school: their request with the support a broker proposed and the provider accepted, named (never by id);
 * they check what it costs and agree it (the credits are held); once it is delivered they rate it, and their statement
 * shows the payment with who it went to and what it was for. Another school's request is not theirs to see.
 */
class SchoolJourneyTest extends Journey {

    static final String SCHOOL = "149099";
    static final String SCHOOL_NAME = "Lancaster University School of Mathematics";
    static final String PROVIDER = "prv_la-888-attendance";

    @Test
    @SuppressWarnings("unchecked")
    void theSchoolAgreesTheSupportProposedAndRatesItOnceDelivered() {
        Others others = new Others(stack);
        String offer = others.approvedOfferOf(PROVIDER);
        Map<String, Object> offered = others.offer(offer, PROVIDER);
        String title = (String) ((Map<String, Object>) offered.get("content")).get("title");
        String providerName = (String) offered.get("providerName");
        String need = "Persistent absence in Year 10 is 21%; the pastoral lead needs a plan "
                + UUID.randomUUID().toString().substring(0, 8);
        String request = others.raise(SCHOOL, need, "AB.ATT", 2, 10);
        others.propose(request, offer, 2, 10);
        others.accept(request, PROVIDER);
        String elsewhere = others.raise("119190", "Another school's need " + UUID.randomUUID(), "AB.ATT", 1, 5);
        long before = others.available(SCHOOL);

        signIn("school-" + SCHOOL);
        check("home");
        press("Your school's requests");
        assertThat(heading()).isEqualTo("Your school's requests");
        check("requests");
        go(requestWith(need).findElement(By.tagName("a")));
        assertThat(heading()).isEqualTo(SCHOOL_NAME);
        assertThat(text()).contains(need, title, providerName, "Accepted by the provider", "2 days for 10 credits");
        check("request");

        press("Agree this support");
        assertThat(heading()).isEqualTo("Check before you agree this support");
        assertThat(text()).contains(title, providerName, "10 credits", before + " credits");
        check("agree");
        press("Agree and hold the credits");
        assertThat(byId("done").getText()).contains("You agreed the support");
        assertThat(text()).contains("Agreed support", "Agreed");
        assertThat(others.available(SCHOOL)).isEqualTo(before - 10);
        check("agreed");

        others.startAndComplete(request, 2);
        browser.navigate().refresh();
        press("Rate the support");
        assertThat(heading()).isEqualTo("How good was the support?");
        check("rate");
        press("Save the rating");
        assertThat(errors()).containsOnlyKeys("score");
        assertThat(fieldError("score")).isEqualTo("Select a rating from 1 to 5");
        check("rate-errors");
        choose("score", "4");
        type("notes", "Practical sessions; the pastoral team now runs the plan.");
        press("Save the rating");
        assertThat(byId("done").getText()).contains("your rating is saved");
        assertThat(text()).contains("4 out of 5", "Practical sessions");
        check("rated");

        follow("Credits");
        assertThat(text())
                .contains("Support for " + SCHOOL_NAME + ": " + title, providerName, "Credits allocated by the area");
        check("credits");

        open("/support-requests/" + elsewhere);
        assertThat(heading()).isEqualTo("Page not found");
        check("not-found");
    }

    WebElement requestWith(String need) {
        return browser.findElements(By.cssSelector(".sse-results > li")).stream()
                .filter(li -> li.getText().contains(need))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request with need " + need));
    }
}
