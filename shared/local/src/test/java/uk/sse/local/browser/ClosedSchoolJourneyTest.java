package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.register.School;

/**
 * The adviser names a school that closed years ago beside the academy that took its name (decision 0087): the school
 * picker lists only the open one; its old URN still finds it, marked closed with the day; its page says when it closed
 * and offers no request, and the request form sends the adviser back to it.
 */
class ClosedSchoolJourneyTest extends Journey {

    static final String CLOSED_URN = "119700";

    @Test
    void aClosedSchoolIsFoundOnlyByItsUrnAndOffersNoRequest() {
        School open = stack.context()
                .getBean(SchoolStore.class)
                .find(AdviserJourneyTest.ST_BEDES)
                .orElseThrow();
        School closed = new School(
                CLOSED_URN,
                open.name(),
                open.laCode(),
                open.laName(),
                open.type(),
                School.CLOSED,
                open.phase(),
                null,
                null,
                null,
                null,
                null,
                null,
                open.town(),
                open.postcode(),
                null,
                null,
                null,
                null,
                open.latitude(),
                open.longitude(),
                null,
                null,
                null,
                null,
                null,
                LocalDate.of(2012, 8, 31));
        stack.context().getBean(SchoolStore.class).putAll(List.of(new SchoolStore.Write(closed, null, null)));

        javaScript(false);
        signIn("adviser");
        // the stream carries the school to the index: its URN finds it once it is there
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        do {
            open("/visit?q=" + CLOSED_URN);
        } while (browser.findElements(By.cssSelector(".sse-results li")).isEmpty()
                && Instant.now().isBefore(until));
        assertThat(browser.findElements(By.cssSelector(".sse-results li")))
                .singleElement()
                .satisfies(li -> assertThat(li.getText()).contains(open.name(), "Closed", "31 August 2012"));
        check("find-school-closed");

        open("/visit?q=" + java.net.URLEncoder.encode("St Bede's", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElements(By.cssSelector(".sse-results li a")))
                .extracting(a -> a.getAttribute("href"))
                .anyMatch(href -> href.endsWith("/visit/" + AdviserJourneyTest.ST_BEDES))
                .noneMatch(href -> href.endsWith("/visit/" + CLOSED_URN));
        assertThat(text()).doesNotContain("Closed");

        open("/visit?q=" + CLOSED_URN);
        follow(open.name());
        assertThat(heading()).isEqualTo(open.name());
        assertThat(byId("closed").getText()).contains("Closed", "This school closed on 31 August 2012");
        assertThat(browser.findElements(By.linkText("Raise a request"))).isEmpty();
        check("school-closed");

        open("/visit/" + CLOSED_URN + "/request");
        assertThat(browser.getCurrentUrl()).endsWith("/visit/" + CLOSED_URN);
        assertThat(byId("closed").isDisplayed()).isTrue();

        press("Find support near this school");
        assertThat(byId("closed").getText()).contains("31 August 2012");
        assertThat(text()).doesNotContain("Raise a request");
        check("support-closed");
    }
}
