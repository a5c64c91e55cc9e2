package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An area's admin keeps their area's settings (decision 0086) in the directory's register of areas: the trust's admin
 * sees the trust by its names, is shown their mistakes against each field, lets the trust's schools ask for support and
 * turns it off again; an LA's admin has no membership rules to change; anyone else finds no such page.
 */
class AreaSettingsJourneyTest extends Journey {

    @Test
    void theTrustsAdminChangesWhetherItsSchoolsMayAskAndIsShownTheirMistakes() {
        signIn("trust-admin");
        follow("Area settings");
        assertThat(heading()).isEqualTo("Ribble Learning Trust");
        assertThat(text())
                .contains("Multi-academy trust", "No, only advisers raise requests", "These schools:")
                .doesNotContain("trust-ribble");
        check("area-settings");

        go(browser.findElement(By.cssSelector("a[href='/area-settings/change#schoolsRaiseRequests']")));
        assertThat(heading()).isEqualTo("Change the area's settings");
        String urns = byId("urns").getAttribute("value");
        assertThat(urns).isNotBlank();
        type("name", "");
        type("urns", urns + "\n12");
        press("Save the settings");
        assertThat(errors())
                .containsExactly(
                        Map.entry("name", "Enter the area's name"),
                        Map.entry("urns", "Enter each school as its URN, 6 or 7 digits, one on each line"));
        assertThat(fieldError("urns")).isEqualTo("Enter each school as its URN, 6 or 7 digits, one on each line");
        check("area-settings-refused");

        type("name", "Ribble Learning Trust");
        type("urns", urns);
        choose("schoolsRaiseRequests", "true");
        press("Save the settings");
        waitFor(d -> d.getCurrentUrl().endsWith("/area-settings?saved=1"));
        assertThat(byId("done").getText()).startsWith("The area's settings are saved");
        assertThat(text()).contains("Schools may ask for support themselves Yes");
        check("area-settings-saved");

        // as it was, for the other journeys: the demo trust does not let its schools ask
        go(browser.findElement(By.cssSelector("a[href='/area-settings/change#schoolsRaiseRequests']")));
        choose("schoolsRaiseRequests", "false");
        press("Save the settings");
        waitFor(d -> d.getCurrentUrl().endsWith("/area-settings?saved=1"));
        assertThat(text()).contains("No, only advisers raise requests");
    }

    @Test
    void anLasAdminHasNoRulesToChangeAndNoOneElseFindsThePage() {
        signIn("admin");
        follow("Area settings");
        assertThat(text()).contains("Local authority", "Every school in:");
        go(browser.findElement(By.cssSelector("a[href='/area-settings/change#name']")));
        assertThat(browser.findElements(By.id("urns"))).isEmpty();
        assertThat(text()).contains("and no others");
        check("area-settings-la");

        signIn("adviser");
        assertThat(text()).doesNotContain("Area settings");
        open("/area-settings");
        assertThat(heading()).isEqualTo("Page not found");
        check("area-settings-not-found");
    }
}
