package uk.sse.local.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person of several memberships (decision 0080): the demo's trust adviser, who also assures offers in the demo LA,
 * sees in the page's header which role they act in, by its names, and changes it; what they are offered follows.
 */
class ChangingRoleJourneyTest extends Journey {

    @Test
    void theTrustsAdviserWhoIsAlsoTheLasAssurerChangesRoleAndSeesTheAssurersWork() {
        signIn("trust-adviser");
        String who = browser.findElement(By.cssSelector(".sse-account__who")).getText();
        assertThat(who).contains("Demo Trust Adviser", "Adviser, Ribble Learning Trust", "Change role");
        assertThat(browser.findElement(By.id("main-content")).getText()).contains("Visit a school").doesNotContain("Offers to review");
        check("home-as-trust-adviser");

        follow("Change role");
        assertThat(heading()).isEqualTo("Which role are you acting in?");
        assertThat(browser.findElement(By.id("main-content")).getText()).contains("Adviser, Ribble Learning Trust", "Assurer, Lancashire")
                .doesNotContain("@", "888", "trust-ribble");
        check("change-role");
        choose("membership", "ASSURER@888");
        press("Act in this role");
        waitFor(d -> d.findElement(By.cssSelector(".sse-account__who")).getText().contains("Assurer, Lancashire"));
        assertThat(browser.findElement(By.id("main-content")).getText()).contains("Offers to review").doesNotContain("Visit a school");
        follow("Offers to review");
        assertThat(heading()).isEqualTo("Offers to review");
        check("assurer-queue-as-second-role");
    }
}
