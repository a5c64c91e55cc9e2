package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A commissioner sets the area's credit scheme (decision 0083): a form sent without its answers is refused with an
 * error summary naming each, and nothing is saved; a good one is saved, said so, and shown as it now stands.
 */
class CreditSchemeJourneyTest extends Journey {

    @Test
    void theCommissionerSetsTheCreditsEachSchoolIsGivenEachTerm() {
        signIn("commissioner");
        follow("Credits each term");
        assertThat(heading()).isEqualTo("Credits each term");
        check("credit-scheme");

        type("creditsPerTerm", "");
        press("Save the credit scheme");
        assertThat(errors())
                .containsExactly(
                        Map.entry("creditsPerTerm", "Enter the credits each school is given each term, or 0 for none"),
                        Map.entry(
                                "unspentExpires",
                                "Choose what happens to credits a school has not spent at the end of the school year"));
        check("credit-scheme-refused");

        // 0 and "keep": the local run's job gives every minute, and other journeys count the demo LA's schools' credits
        type("creditsPerTerm", "0");
        choose("unspentExpires", "false");
        press("Save the credit scheme");
        waitFor(d -> d.getCurrentUrl().endsWith("/credit-scheme?saved=1"));
        assertThat(byId("done").getText()).startsWith("The credit scheme is saved");
        assertThat(byId("creditsPerTerm").getAttribute("value")).isEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("input[name=unspentExpires][value=false]"))
                        .isSelected())
                .isTrue();
        check("credit-scheme-saved");
    }
}
