package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A school that asks for itself (decision 0081): the demo LA lets its schools raise requests, so a school's staff find
 * "Ask for support" on their home page, fill in the adviser's form (its questions and answers checked in the same way),
 * and raise it; the LA's broker sees it in the queue and on the request marked "Raised by the school", and the LA's
 * adviser finds it in their own list. Another school's form is not theirs to open.
 */
class SchoolAsksJourneyTest extends Journey {

    static final String SCHOOL = SchoolJourneyTest.SCHOOL;
    static final String SCHOOL_NAME = SchoolJourneyTest.SCHOOL_NAME;

    @Test
    void aSchoolAsksForSupportAndTheBrokerAndTheAdviserSeeItRaisedByTheSchool() {
        signIn("school-" + SCHOOL);
        press("Ask for support");
        assertThat(heading()).isEqualTo("Ask for support");
        check("form");
        continueTheRequestFormEmpty();
        check("form-errors");

        String need = "Our new maths lead wants help planning fluency in Years 3 and 4 "
                + UUID.randomUUID().toString().substring(0, 8);
        fillInTheRequestForm(need, "CT.MATHS", "LOW", 2, LocalDate.now().plusMonths(2), 6);
        press("Continue");
        assertThat(heading()).isEqualTo("Check your request before raising it");
        check("check");
        press("Raise the request");
        waitFor(d -> d.getCurrentUrl().contains("/raised/"));
        assertThat(heading()).isEqualTo("Request raised");
        assertThat(text()).contains("Your school's adviser sees it too");
        check("raised");
        press("See all your requests");
        assertThat(text()).contains(need);

        // another school's form is not theirs
        open("/visit/119190/request");
        assertThat(heading()).isEqualTo("Page not found");
        check("not-theirs");

        signIn("broker");
        open("/support-requests?urn=" + SCHOOL);
        WebElement row = rowWith(need);
        assertThat(row.getText()).contains("Raised by the school");
        check("queue");
        go(row.findElement(By.tagName("a")));
        assertThat(heading()).isEqualTo(SCHOOL_NAME);
        assertThat(text()).contains(need, "Raised by the school");
        check("request");

        signIn("adviser");
        press("Your requests");
        go(rowWith(need).findElement(By.tagName("a")));
        assertThat(text()).contains(need, "Raised by the school");
        check("adviser-request");
    }

    WebElement rowWith(String need) {
        return browser.findElements(By.cssSelector(".sse-results > li")).stream()
                .filter(li -> li.getText().contains(need))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no request with need " + need + " on " + browser.getCurrentUrl()));
    }
}
