package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.sse.kernel.identity.Role;

/**
 * The adviser on a visit to St Bede's, on a phone, with JavaScript and without: finds the school by a name said wrongly,
 * sees its credits, finds support near it, opens an offer, raises a request (once with mistakes), is warned the school
 * has too few credits, raises it, taps twice and resubmits after a dropped connection, and finds one request.
 */
class AdviserJourneyTest extends Journey {

    static final String ST_BEDES = "119788";
    static final String ST_BEDES_NAME = "St Bede's Catholic High School, Lytham";

    @Test
    void withJavaScript() throws Exception {
        walk(true);
    }

    @Test
    void withoutJavaScript() throws Exception {
        walk(false);
    }

    void walk(boolean js) throws Exception {
        javaScript(js);
        signIn("adviser");
        assertThat(bodyHasClass("js-enabled"))
                .as("scripts are " + (js ? "on" : "off"))
                .isEqualTo(js);
        check("home");
        press("Visit a school");
        check("find-school");

        // the school's name as said in a hurry: "saint", no apostrophe, two letters swapped
        if (js) {
            byId("q").sendKeys("saint bedse");
            waitFor(d -> d.findElements(By.cssSelector("#q__listbox li")).stream()
                    .anyMatch(li -> li.getText().startsWith(ST_BEDES_NAME)));
            check("find-school-suggested");
            browser.findElements(By.cssSelector("#q__listbox li")).stream()
                    .filter(li -> li.getText().startsWith(ST_BEDES_NAME))
                    .findFirst()
                    .orElseThrow()
                    .click();
            waitFor(d -> d.getCurrentUrl().endsWith("/visit/" + ST_BEDES));
        } else {
            assertThat(browser.findElements(By.cssSelector("#q__listbox")))
                    .as("no autocomplete without scripts")
                    .isEmpty();
            type("q", "saint bedse");
            press("Find the school");
            assertThat(byId("postcode-attribution").getText())
                    .as("the school search's places carry the postcode data's attribution")
                    .contains("Contains OS data © Crown copyright and database right 2022");
            check("find-school-results");
            follow(ST_BEDES_NAME);
        }
        assertThat(heading()).isEqualTo(ST_BEDES_NAME);
        long available = new Others(stack).available(ST_BEDES);
        assertThat(byId("credits").getText()).contains(available + " credits available to spend");
        assertThat(text()).contains("Secondary", "Lancashire", "FY8 4JL");
        check("school");

        press("Find support near this school");
        assertThat(browser.findElement(By.cssSelector("input[name=phase][value=SECONDARY]"))
                        .isSelected())
                .isTrue();
        List<WebElement> results = browser.findElements(By.cssSelector(".sse-results h3 a"));
        assertThat(results).isNotEmpty();
        assertThat(text()).contains("km away", "credits", "Until ");
        check("support");
        // a filter that narrows: in school, within 50 km, sorted nearest first
        choose("mode", "IN_SCHOOL");
        select("radiusKm", "50");
        select("sort", "distance");
        press("Search");
        assertThat(browser.findElements(By.cssSelector(".sse-results h3 a")))
                .as(text())
                .isNotEmpty();
        check("support-filtered");
        // the first that is not the school's own offer (the school cannot be its own provider)
        WebElement first = browser.findElements(By.cssSelector(".sse-results > li")).stream()
                .filter(li -> !li.getText().contains("This school's own offer"))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("h3 a"));
        String firstTitle = first.getText();
        go(first);
        assertThat(heading()).isEqualTo(firstTitle);
        assertThat(text()).contains("Provider", "What it covers", "How it is delivered", "Price", "Assured until");
        check("offer");
        // liked: it goes with the request, first among its suggestions for the broker
        press("Add to the request");
        assertThat(byId("liked").getText()).contains("Added to the request");
        check("offer-liked");

        press("Raise a request for");
        assertThat(browser.findElement(By.cssSelector("input[name=likedOffers]"))
                        .isSelected())
                .isTrue();
        assertThat(text()).contains("Offers you liked", firstTitle);
        check("request-form");
        // nothing entered: each question says what it needs, and the summary links to it
        browser.findElements(By.cssSelector("input[name=areasOfSupport]:checked"))
                .forEach(WebElement::click);
        continueTheRequestFormEmpty();
        check("request-errors");

        String need = "Year 7 reading ages are two years behind; the English lead wants a catch-up plan "
                + UUID.randomUUID().toString().substring(0, 8);
        fillInTheRequestForm(need, "CT.ENG", "HIGH", 400, LocalDate.now().plusMonths(3), available + 50);
        press("Continue");
        assertThat(heading()).isEqualTo("Check your request before raising it");
        assertThat(byId("credits-warning").getText())
                .contains(available + " credits available", "fewer than the " + (available + 50));
        check("check-answers");

        // the brokerage refuses 400 days: the answer comes back on the field, in words
        press("Raise the request");
        assertThat(errors()).containsOnlyKeys("daysWanted");
        assertThat(fieldError("daysWanted")).isEqualTo("Days of support must be 365 or fewer");
        check("request-refused");
        type("daysWanted", "3");
        press("Continue");
        Map<String, String> sent = formFields("form[action$='/request/raise']");
        if (js) {
            // a double tap
            browser.executeScript(
                    "var b = document.querySelector(\"form[action$='/request/raise'] button\"); b.click(); b.click();");
        } else {
            press("Raise the request");
        }
        waitFor(d -> d.getCurrentUrl().contains("/raised/"));
        String reference = byId("reference").getText();
        assertThat(heading()).isEqualTo("Request raised");
        check("raised");

        // the connection dropped before the answer came, so the same form is sent again: the same request answers
        HttpResponse<String> again = resend("/visit/" + ST_BEDES + "/request/raise", sent);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/raised/" + reference);

        press("See all your requests");
        assertThat(heading()).isEqualTo("Your requests");
        assertThat(browser.findElements(By.xpath("//*[contains(text(), '" + need + "')]")))
                .hasSize(1);
        assertThat(new Others(stack).requestsRaisedBy(Role.ADVISER).stream().filter(r -> need.equals(r.get("need"))))
                .hasSize(1);
        check("your-requests");
        go(browser.findElement(By.partialLinkText("St Bede")));
        assertThat(text()).contains(need, "Waiting for a proposal", reference, "Offers the adviser liked", firstTitle);
        check("request");
    }

    boolean bodyHasClass(String name) {
        return browser.findElement(By.tagName("body")).getAttribute("class").contains(name);
    }

    Map<String, String> formFields(String form) {
        return browser.findElements(By.cssSelector(form + " input")).stream()
                .collect(Collectors.toMap(
                        i -> i.getAttribute("name") + "#" + UUID.randomUUID(), i -> i.getAttribute("value")));
    }

    /** The same form sent again with the browser's cookies, as a browser does when a person resubmits it. */
    HttpResponse<String> resend(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey().substring(0, e.getKey().indexOf('#'))) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.url() + path))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "text/html")
                                .header("Cookie", cookies)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
