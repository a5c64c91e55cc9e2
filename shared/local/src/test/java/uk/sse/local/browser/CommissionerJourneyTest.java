package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.sse.directory.model.ProviderType;

/**
 * A commissioner reads the dashboard for a term and for the school year, and downloads a report as CSV; then allocates
 * credits: a sheet with bad lines is refused, each bad line named, and nothing is given; a good sheet is previewed with
 * the schools' names and given once, even when it is sent twice.
 */
class CommissionerJourneyTest extends Journey {

    @Test
    void theCommissionerReadsTheDashboardAndAllocatesCreditsOnceFromACheckedSheet() {
        Others others = new Others(stack);
        List<String> schools = stack.demo().providers().stream()
                .filter(p -> p.type() == ProviderType.SCHOOL
                        && p.area().equals(others.area())
                        && !p.id().equals(stack.demoSchool()))
                .map(p -> p.id())
                .toList();
        String first = schools.get(schools.size() - 1);
        String second = schools.get(schools.size() - 2);

        signIn("commissioner");
        check("home");
        follow("Dashboard");
        assertThat(heading()).endsWith("term " + java.time.LocalDate.now().getYear());
        assertThat(byId("figures").getText())
                .contains("Days commissioned", "Schools supported", "Credits allocated", "Requests waiting");
        check("dashboard-term");

        String year = browser.findElements(By.cssSelector("#period option")).stream()
                .map(o -> o.getAttribute("value"))
                .filter(v -> v.startsWith("year-"))
                .findFirst()
                .orElseThrow();
        select("period", year);
        press("Show the period");
        assertThat(heading()).startsWith("School year");
        assertThat(browser.findElements(By.cssSelector("section h2")))
                .extracting(e -> e.getText())
                .contains(
                        "Days of support by month",
                        "Days of support by area of support",
                        "Schools supported",
                        "Credits moved by month",
                        "Balances at the end of the period",
                        "Time from request to agreement",
                        "Impact ratings by area of support",
                        "Requests waiting");
        // the demo's allocations were made this term, so the year's credits chart has a bar and its table the same
        // figure
        String creditsTable = byId("credits").findElement(By.tagName("table")).getText();
        assertThat(byId("credits").findElements(By.cssSelector("svg rect"))).isNotEmpty();
        check("dashboard-year");

        String csvLink =
                byId("credits").findElement(By.partialLinkText("(CSV)")).getAttribute("href");
        String csv = (String) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + '\\n' + t)));",
                csvLink);
        assertThat(csv).startsWith("200 text/csv");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("month,allocated,adjusted,held,released,spent,earned,earnedBySchools");
        assertThat(creditsTable).isNotBlank();

        long firstBefore = others.available(first);
        long secondBefore = others.available(second);
        follow("Allocate credits");
        assertThat(heading()).isEqualTo("Allocate credits");
        check("allocate");
        type("reference", "Spring term top-up");
        type("sheet", "URN,amount\n" + first + ",7\n12AB,5\n" + second + ",0\n999999,4\n" + first + ",3\n");
        press("Check the allocation");
        assertThat(errors())
                .containsExactly(Map.entry("sheet", "The CSV has 4 lines to correct. Nothing has been given"));
        assertThat(browser.findElements(By.cssSelector("#sheet-problems li")))
                .extracting(li -> li.getText())
                .containsExactly(
                        "Line 3: \"12AB\" is not a URN: a URN is 6 or 7 digits",
                        "Line 4: \"0\" is not an amount: give a whole number of credits from 1 to 1,000,000,000",
                        "Line 5: URN 999999 is not a school with credits in your area",
                        "Line 6: URN " + first + " is already on line 2. Give each school one line");
        check("allocate-refused");
        assertThat(others.available(first))
                .as("nothing given from a refused sheet")
                .isEqualTo(firstBefore);
        assertThat(others.available(second)).isEqualTo(secondBefore);

        type("sheet", first + ",7\n" + second + ",11\n");
        press("Check the allocation");
        assertThat(heading()).isEqualTo("Check the allocation");
        assertThat(byId("summary").getText())
                .contains("18 credits to 2 schools", "Spring term top-up", "Nothing has been given yet");
        assertThat(byId("lines").getText()).doesNotContain("School " + first);
        check("allocate-preview");
        assertThat(others.available(first)).as("nothing given by the preview").isEqualTo(firstBefore);

        // the same upload sent twice: once here as a second tab would, then by the button
        Object again = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const f = document.querySelector('form[action=\"/allocate-credits/apply\"]');"
                        + "fetch(f.action, {method: 'POST', body: new URLSearchParams(new FormData(f)), redirect: 'manual'}).then(r => done(r.type + ' ' + r.status));");
        assertThat(String.valueOf(again)).isEqualTo("opaqueredirect 0");
        press("Allocate 18 credits");
        assertThat(heading()).endsWith("term " + java.time.LocalDate.now().getYear());
        assertThat(byId("done").getText()).isEqualTo("Credits allocated to 2 schools.");
        check("allocated");
        assertThat(others.available(first)).as("given once").isEqualTo(firstBefore + 7);
        assertThat(others.available(second)).isEqualTo(secondBefore + 11);
    }
}
