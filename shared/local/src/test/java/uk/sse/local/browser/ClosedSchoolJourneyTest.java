package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolEvents;
import uk.sse.kernel.events.EventEnvelope;

/**
 * The adviser names a school that closed years ago beside the academy that took its name (decision 0087): the school
 * picker lists only the open one; its old URN still finds it, marked closed with the day; its page says when it closed
 * and offers no request, and the request form sends the adviser back to it.
 */
class ClosedSchoolJourneyTest extends Journey {

    static final String CLOSED_URN = "119700";
    static final String CLOSING_URN = "119701";

    @Test
    void aClosedSchoolIsFoundOnlyByItsUrnAndOffersNoRequest() {
        School open = stack.context()
                .getBean(SchoolStore.class)
                .find(AdviserJourneyTest.ST_BEDES)
                .orElseThrow();
        School closed = named(open, CLOSED_URN, School.CLOSED);
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

        // an offer found near it says the school closed and offers nothing that would need a request
        go(browser.findElements(By.cssSelector(".sse-results h3 a")).get(0));
        String offerPage = browser.getCurrentUrl();
        assertThat(byId("closed").getText()).contains("This school closed on 31 August 2012");
        assertThat(text()).doesNotContain("Raise a request", "Add to the request");
        check("offer-closed");

        // the page was opened while the school was open, and it closed before the adviser pressed the button:
        // refused, said on the page, and nothing liked
        stack.context()
                .getBean(SchoolStore.class)
                .putAll(List.of(new SchoolStore.Write(named(open, CLOSED_URN, open.status()), null, null)));
        browser.get(offerPage);
        assertThat(browser.findElements(By.id("closed"))).isEmpty();
        stack.context().getBean(SchoolStore.class).putAll(List.of(new SchoolStore.Write(closed, null, null)));
        press("Add to the request");
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains(open.name() + " has closed, so this offer cannot be added to a request for it");
        assertThat(byId("closed").getText()).contains("31 August 2012");
        assertThat(browser.findElements(By.id("like"))).isEmpty();
        assertThat(browser.manage().getCookieNamed("sse-liked")).isNull();
        check("offer-like-refused");
    }

    /**
     * A request raised for a school that closes afterwards is left as it was (decision 0078): the register's import
     * closes the school, the broker is told in their notifications (decision 0108), and the request's page it links to
     * tells them the school closed, and that cancelling it is theirs to decide.
     */
    @Test
    void aRequestRaisedBeforeItsSchoolClosedSaysSoToItsBroker() {
        SchoolStore store = stack.context().getBean(SchoolStore.class);
        School stBedes = store.find(AdviserJourneyTest.ST_BEDES).orElseThrow();
        store.putAll(List.of(new SchoolStore.Write(named(stBedes, CLOSING_URN, stBedes.status()), null, null)));

        javaScript(false);
        signIn("adviser");
        open("/visit/" + CLOSING_URN + "/request");
        String need = "Help for the science lead with practical work in Year 8 "
                + UUID.randomUUID().toString().substring(0, 8);
        fillInTheRequestForm(need, "CT.SCI", "LOW", 2, LocalDate.now().plusMonths(2), 1);
        press("Continue");
        press("Raise the request");
        waitFor(d -> d.getCurrentUrl().contains("/raised/"));
        follow("See the request");
        String requestPage = browser.getCurrentUrl();
        assertThat(browser.findElements(By.id("school-closed"))).isEmpty();

        // as an import of the register closes it: the school and its event in one write
        School closed = named(stBedes, CLOSING_URN, School.CLOSED);
        String importId = "imp_journey-" + UUID.randomUUID().toString().substring(0, 8);
        DirectoryEvent.SchoolClosed event = SchoolEvents.closed(closed, "Closed", importId, Instant.now());
        store.putWithEvent(
                new SchoolStore.Write(closed, importId, SchoolStore.Change.CLOSED),
                new EventEnvelope(event.type(), event.eventId(), event.occurredAt(), event.area(), event.data()));
        signIn("broker");
        String requestPath = java.net.URI.create(requestPage).getPath();
        go(awaitNotice(
                requestPath,
                stBedes.name()
                        + " closed on 31 August 2012: its request is unchanged; cancel it if the support is no longer"
                        + " wanted"));
        assertThat(browser.getCurrentUrl()).endsWith(requestPath);
        assertThat(text()).contains(need);
        assertThat(byId("school-closed").getText())
                .contains(stBedes.name() + " closed on 31 August 2012, after this request was raised")
                .contains("cancel it if the support is no longer wanted");
        assertThat(text()).contains("School closed");
        check("request-school-closed");
    }

    /** A school at St Bede's place and of its name under another URN, with GIAS's status given. */
    private static School named(School open, String urn, String status) {
        return new School(
                urn,
                open.name(),
                open.laCode(),
                open.laName(),
                open.type(),
                status,
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
                School.CLOSED.equals(status) ? LocalDate.of(2012, 8, 31) : null);
    }
}
