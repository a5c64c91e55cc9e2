package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The adviser searching for support near St Bede's as they would say the need: offers that meet the words come first
 * and are counted; weaker ones are set apart as related at best; a need no offer meets is said plainly, with a way to
 * raise a request anyway; remote support is marked and can be left out; and a postcode stands in for the school
 * (in any case and spacing; one that is not a postcode, or that the directory cannot find, is said on the field).
 */
class SupportSearchJourneyTest extends Journey {

    static final String SUPPORT = "/visit/" + AdviserJourneyTest.ST_BEDES + "/support";

    @Test
    void strongMatchesFirstAndAPlainNoGoodMatch() {
        signIn("adviser");
        open(SUPPORT);
        // the school's phase (secondary) is chosen to start with
        type("q", "attendance");
        press("Search");
        assertThat(heading()).isEqualTo("Find support near this school");
        assertThat(byId("results-heading").getText()).matches("[0-9]+ offers? match(es)? \u201Cattendance\u201D");
        List<WebElement> matches = browser.findElements(By.cssSelector("#matches > li"));
        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).getText().toLowerCase())
                .as("the first strong match")
                .contains("attendance");
        assertThat(browser.findElements(By.id("no-good-match"))).isEmpty();
        check("strong-matches");

        // phonics for a secondary school: nothing meets it, so what shares a word is set apart, not shown as a match
        type("q", "phonics");
        press("Search");
        assertThat(byId("results-heading").getText()).isEqualTo("No good match for \u201Cphonics\u201D");
        assertThat(browser.findElements(By.cssSelector("#matches > li"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#related > li")))
                .as("related at best")
                .isNotEmpty();
        check("related-only");

        // a need that no offer meets: said plainly, weak results are not presented as matches
        type("q", "roof asbestos inspection");
        press("Search");
        assertThat(byId("results-heading").getText())
                .isEqualTo("No good match for \u201Croof asbestos inspection\u201D");
        assertThat(browser.findElements(By.cssSelector("#matches > li"))).isEmpty();
        assertThat(byId("no-good-match").getText()).contains("No assured offer", "raise a request");
        check("no-good-match");
        press("Raise a request anyway");
        assertThat(heading()).contains("request");
        assertThat(byId("need").getAttribute("value"))
                .as("the need as searched for")
                .isEqualTo("roof asbestos inspection");
    }

    @Test
    void remoteSupportIsMarkedAndCanBeLeftOut() {
        signIn("adviser");
        open(SUPPORT);
        choose("mode", "REMOTE");
        select("radiusKm", "5");
        press("Search");
        assertThat(browser.findElements(By.cssSelector("#matches > li"))).isNotEmpty();
        assertThat(remoteMarks())
                .as("remote offers beyond 5 km are shown, marked remote, without a distance")
                .isNotEmpty();
        check("remote-marked");

        choose("inPersonOnly", "true");
        press("Search");
        assertThat(byId("inPersonOnly").isSelected()).isTrue();
        assertThat(remoteMarks()).as("in person only").isEmpty();
        check("in-person-only");
    }

    @Test
    void aPostcodeStandsInForTheSchool() {
        signIn("adviser");
        open(SUPPORT);
        select("radiusKm", "10");
        type("postcode", "fy84jl");
        press("Search");
        assertThat(errors()).isEmpty();
        assertThat(byId("postcode").getAttribute("value")).isEqualTo("fy84jl");
        assertThat(text()).contains("km away");
        assertThat(byId("postcode-attribution").getText())
                .as("the Open Government Licence's attribution of the postcode data")
                .contains(
                        "Contains OS data © Crown copyright and database right 2022",
                        "Contains Royal Mail data © Royal Mail copyright and database right 2022",
                        "Contains National Statistics data © Crown copyright and database right 2022");
        check("near-a-postcode");

        type("postcode", "not a postcode");
        press("Search");
        assertThat(errors()).containsOnlyKeys("postcode");
        assertThat(fieldError("postcode")).isEqualTo("Enter a full postcode, like FY8 4JL");
        check("postcode-malformed");

        type("postcode", "ZZ9 9ZZ");
        press("Search");
        assertThat(errors()).containsOnlyKeys("postcode");
        assertThat(fieldError("postcode")).startsWith("We could not find the postcode ZZ9 9ZZ");
        check("postcode-unknown");
    }

    private List<WebElement> remoteMarks() {
        return browser.findElements(
                By.xpath("//ul[@id='matches' or @id='related']//strong[normalize-space(.)='Remote']"));
    }
}
