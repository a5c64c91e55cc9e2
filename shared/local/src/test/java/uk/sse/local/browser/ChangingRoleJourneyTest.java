package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.sse.directory.register.School;
import uk.sse.local.demo.DemoAreas;
import uk.sse.local.demo.DemoDirectory;
import uk.sse.local.demo.DemoTrustCredits;

/**
 * A person of several memberships (decision 0080): the demo's trust adviser, who also assures offers in the demo LA,
 * sees in the page's header which role they act in, by its names, and changes it; what they are offered follows. Acting
 * for the trust, they see an academy's credits with the trust (decision 0084), and are told plainly when a school has none.
 */
class ChangingRoleJourneyTest extends Journey {

    @Test
    void theTrustsAdviserWhoIsAlsoTheLasAssurerChangesRoleAndSeesTheAssurersWork() {
        signIn("trust-adviser");
        String who = browser.findElement(By.cssSelector(".sse-account__who")).getText();
        assertThat(who).contains("Demo Trust Adviser", "Adviser, Ribble Learning Trust", "Change role");
        assertThat(browser.findElement(By.id("main-content")).getText())
                .contains("Visit a school")
                .doesNotContain("Offers to review");
        check("home-as-trust-adviser");

        follow("Change role");
        assertThat(heading()).isEqualTo("Which role are you acting in?");
        assertThat(browser.findElement(By.id("main-content")).getText())
                .contains("Adviser, Ribble Learning Trust", "Assurer, Lancashire")
                .doesNotContain("@", "888", "trust-ribble");
        check("change-role");
        choose("membership", "ASSURER@888");
        press("Act in this role");
        waitFor(d ->
                d.findElement(By.cssSelector(".sse-account__who")).getText().contains("Assurer, Lancashire"));
        assertThat(browser.findElement(By.id("main-content")).getText())
                .contains("Offers to review")
                .doesNotContain("Visit a school");
        follow("Offers to review");
        assertThat(heading()).isEqualTo("Offers to review");
        check("assurer-queue-as-second-role");
    }

    @Test
    void theTrustsAdviserSeesAnAcademysCreditsWithTheTrustAndSaysSoWhereTheSchoolHasNone() {
        List<School> register = DemoDirectory.sampleSchools();
        String la = stack.demo().demoArea();
        String academy = DemoAreas.trustAcademies(register).stream()
                .filter(urn -> register.stream().anyMatch(s -> s.urn().equals(urn) && !la.equals(s.laCode())))
                .findFirst()
                .orElseThrow();
        String outside = register.stream()
                .filter(s -> la.equals(s.laCode())
                        && !DemoAreas.trustAcademies(register).contains(s.urn()))
                .map(School::urn)
                .findFirst()
                .orElseThrow();

        signIn("trust-adviser");
        open("/visit/" + academy);
        assertThat(byId("credits").getText())
                .isEqualTo(DemoTrustCredits.PER_TERM + " credits available to spend in Ribble Learning Trust");
        check("academy-credits-with-the-trust");
        open("/visit/" + outside);
        assertThat(byId("credits").getText()).isEqualTo("No credit account in Ribble Learning Trust");
        check("school-outside-the-trust");
    }
}
