package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Telling people when to act, in the browser: the adviser's request is proposed and the header says something new is
 * waiting; their notifications name the school, link to the request and are marked read; they choose which of them are
 * emailed to the address they signed in with; the school hears that support
 * awaits its agreement and follows the notice to the request.
 */
class NotificationsJourneyTest extends Journey {

    static final String SCHOOL = "149099";
    static final String SCHOOL_NAME = "Lancaster University School of Mathematics";
    static final String PROVIDER = "prv_la-888-attendance";

    @Test
    void theAdviserHearsTheirRequestIsProposedAndTheSchoolThatSupportAwaitsItsAgreement() {
        Others others = new Others(stack);
        String offer = others.approvedOfferOf(PROVIDER);
        String request = others.raise(
                SCHOOL,
                "Attendance of Year 9 fell to 88% "
                        + UUID.randomUUID().toString().substring(0, 8),
                "AB.ATT",
                2,
                10);
        others.propose(request, offer, 2, 10);
        others.accept(request, PROVIDER);
        String link = "/support-requests/" + request;

        signIn("adviser");
        WebElement proposed = awaitNotice(link, "Support is proposed for " + SCHOOL_NAME);
        assertThat(proposed.findElement(By.xpath("ancestor::li")).getText()).startsWith("New");
        check("adviser-notifications");
        assertThat(byId("notifications-link").getText()).matches("Notifications\\s+\\d+\\s+new");
        press("Mark all as read");
        assertThat(byId("done").getText()).isEqualTo("Your notifications are marked as read");
        assertThat(byId("notifications-link").getText()).isEqualTo("Notifications");
        assertThat(browser.findElements(By.cssSelector("#notifications .govuk-tag")))
                .as("nothing is new")
                .isEmpty();
        check("adviser-read");

        follow("Choose which emails you get");
        assertThat(heading()).isEqualTo("Emails you get");
        assertThat(text()).contains("We email demo-adviser@demo.schoolsupport.example");
        assertThat(byId("emails").isSelected())
                .as("every kind is emailed until the person says otherwise")
                .isTrue();
        check("adviser-settings");
        browser.findElement(By.cssSelector("label[for='emails']")).click();
        press("Save your choices");
        assertThat(byId("done").getText()).isEqualTo("Your choices are saved");
        assertThat(byId("emails").isSelected()).isFalse();
        assertThat(byId("emails-2").isSelected()).isTrue();
        check("adviser-settings-saved");
        browser.findElement(By.cssSelector("label[for='emails']")).click();
        press("Save your choices");

        signIn("school-" + SCHOOL);
        press("Notifications");
        go(awaitNotice(link, "Support for " + SCHOOL_NAME + " awaits your agreement"));
        assertThat(heading()).isEqualTo(SCHOOL_NAME);
        assertThat(text()).contains("Agree this support");
    }

    /**
     * A reminder from the passing of time, on the local run's real clock: a request wanted in 3 days (within the 7 days
     * the reminder looks ahead) and not agreed reaches the broker at the notifier's next reminder sweep (every 30 s
     * locally), in their Notifications and as one email to the local GOV.UK Notify stand-in.
     */
    @Test
    void theBrokerIsRemindedThatARequestsWantedByDateIsNear() {
        signIn("broker"); // the web records the broker's email address as they sign in, so the reminder can be emailed
        Others others = new Others(stack);
        LocalDate by = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3);
        String request = others.raise(
                SCHOOL,
                "Phonics catch-up before the assessment "
                        + UUID.randomUUID().toString().substring(0, 8),
                "CT.ENG",
                1,
                5,
                "HIGH",
                by,
                List.of());
        String title = SCHOOL_NAME + " wants support by " + by + " and none is agreed yet";

        WebElement reminder = awaitNotice("/support-requests/" + request, title, Duration.ofSeconds(150));
        assertThat(reminder.findElement(By.xpath("ancestor::li")).getText()).startsWith("New");
        check("broker-reminder");
        // the email is sent by the notifier's delivery machinery (its sweeper every 5 s locally): wait for it, then
        // check it came once
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        List<String> emailed = List.of();
        while (emailed.isEmpty() && Instant.now().isBefore(until)) {
            emailed = stack.emailsSent().stream()
                    .filter(e -> e.to().equals("demo-broker@demo.schoolsupport.example")
                            && title.equals(e.personalisation().get("title")))
                    .map(e -> String.valueOf(e.personalisation().get("link")))
                    .toList();
            pause();
        }
        assertThat(emailed)
                .as("the reminder is emailed once, linking to the request")
                .hasSize(1);
        assertThat(emailed.getFirst()).endsWith("/support-requests/" + request);
    }

    @Test
    void someoneWithNothingWaitingIsToldSo() {
        signIn("commissioner");
        follow("Notifications");
        assertThat(heading()).isEqualTo("Notifications");
        assertThat(text()).contains("Nothing is waiting for you");
        check("nothing-waiting");
    }
}
