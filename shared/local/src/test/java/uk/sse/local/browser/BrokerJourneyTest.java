package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.sse.directory.model.ProviderType;

/**
 * A broker's working day: their queue puts the oldest urgent request first and marks what waits for them; filtered to
 * one school, they open it (the school's context, the suggestions stored with it, the history), propose the offer the
 * adviser liked (warned that the credits are not its price, then proposing anyway), and once the provider accepted and
 * the school agreed, start delivery and record the days delivered. Another request they cancel, saying why. Only the
 * actions the brokerage allows them are shown; a step no longer allowed is "page not found".
 */
class BrokerJourneyTest extends Journey {

    static final String PROVIDER = "prv_la-888-attendance";
    /** Schools other journeys raise requests for. */
    static final Set<String> TAKEN = Set.of(SchoolJourneyTest.SCHOOL, "119190", AdviserJourneyTest.ST_BEDES);

    @Test
    @SuppressWarnings("unchecked")
    void theBrokerTakesTheOldestUrgentRequestToProposedAndLaterToCompleted() {
        Others others = new Others(stack);
        String offer = others.approvedOfferOf(PROVIDER);
        Map<String, Object> offered = others.offer(offer, PROVIDER);
        Map<String, Object> content = (Map<String, Object>) offered.get("content");
        String title = (String) content.get("title");
        long price = ((Number) content.get("priceCredits")).longValue();
        long proposed = price == 25 ? 24 : 25; // not the price, and within a demo school's term allocation
        String urn = freshSchool(others, proposed);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String oldest = "Year 9 attendance fell to 88% this term; the head wants a plan " + tag;
        String high = "Attendance of pupils with SEND needs a review " + tag;
        String later = "Persistent absence in Year 11 before the exams " + tag;
        String first = others.raise(
                urn, oldest, "AB.ATT", 3, 30, "URGENT", LocalDate.now().plusDays(10), List.of(offer));
        String cancelled =
                others.raise(urn, high, "AB.ATT", 2, 20, "HIGH", LocalDate.now().plusWeeks(8), List.of());
        others.raise(urn, later, "AB.ATT", 2, 20, "URGENT", LocalDate.now().plusWeeks(6), List.of());
        String school = (String) others.request(first).get("schoolName");

        signIn("broker");
        check("home");
        follow("Queue");
        assertThat(heading()).isEqualTo("Your queue");
        check("queue");
        select("areaOfSupport", "AB.ATT");
        press("Apply filters");
        assertThat(text()).contains(oldest);
        check("queue-filtered");
        go(rowWith(oldest).findElement(By.partialLinkText("Only this school's requests")));
        assertThat(byId("school-filter").getText()).contains(school);
        List<WebElement> rows = browser.findElements(By.cssSelector("#queue > li"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getText())
                .contains(oldest, "Urgent", "Wanted within 10 days", "Your next step: Propose support");
        assertThat(rows.get(1).getText()).contains(later, "Urgent");
        assertThat(rows.get(2).getText()).contains(high, "High urgency");
        check("queue-school");

        go(rows.get(0).findElement(By.tagName("a")));
        assertThat(heading()).isEqualTo(school);
        assertThat(byId("school-context").getText()).contains("Credits", "available", "2 other requests");
        assertThat(byId("suggestions").getText()).contains(title, "The adviser liked this", Long.toString(price));
        assertThat(byId("history").getText()).contains("Raised", "The adviser");
        assertThat(browser.findElements(By.xpath("//button[normalize-space(.)='Start delivery']")))
                .isEmpty();
        check("request");

        go(byId("suggestions").findElement(By.partialLinkText("Propose")));
        assertThat(heading()).isEqualTo("Propose " + title);
        assertThat(byId("days").getAttribute("value")).isEqualTo("3");
        assertThat(byId("credits").getAttribute("value")).isEqualTo(Long.toString(price));
        check("propose");
        type("days", "");
        press("Propose this support");
        assertThat(errors()).containsOnlyKeys("days");
        assertThat(fieldError("days")).isEqualTo("Enter the days proposed");
        check("propose-errors");
        type("days", "3");
        type("credits", Long.toString(proposed));
        press("Propose this support");
        assertThat(byId("price-warning").getText())
                .contains("The offer's price is " + price, "You are proposing " + proposed);
        assertThat(others.request(first).get("status"))
                .as("nothing proposed before the broker confirms")
                .isEqualTo("OPEN");
        check("propose-warning");
        press("Propose at these credits");
        assertThat(byId("done").getText()).contains("You proposed the support");
        assertThat(text()).contains("Support proposed", "3 days for " + proposed + " credits");
        assertThat(byId("history").getText()).contains("Support proposed");
        check("proposed");

        others.accept(first, PROVIDER);
        others.agree(first, "P1", urn);
        browser.navigate().refresh();
        press("Start delivery");
        assertThat(byId("done").getText()).contains("Delivery has started");
        check("started");
        press("Record the delivery");
        assertThat(heading()).isEqualTo("Record the delivery");
        assertThat(byId("daysDelivered").getAttribute("value")).isEqualTo("3");
        type("daysDelivered", "two");
        press("Record the delivery");
        assertThat(fieldError("daysDelivered")).isEqualTo("Days delivered must be a whole number, like 2");
        check("complete-errors");
        type("daysDelivered", "2");
        type("note", "The third day moved to next term.");
        press("Record the delivery");
        assertThat(byId("done").getText()).contains("The delivery is recorded");
        assertThat(text()).contains("Delivered", "2 days by");
        assertThat(byId("history").getText())
                .contains("Delivery started", "Delivery recorded", "The third day moved to next term.");
        assertThat(browser.findElements(By.id("actions")))
                .as("nothing more is the broker's to do")
                .isEmpty();
        check("completed");
        assertThat(others.request(first).get("status")).isEqualTo("COMPLETED");

        open("/support-requests/" + first + "/complete");
        assertThat(heading()).isEqualTo("Page not found");

        open("/support-requests/" + cancelled);
        press("Cancel the request");
        assertThat(heading()).isEqualTo("Cancel the request");
        press("Cancel the request");
        assertThat(fieldError("reason")).isEqualTo("Enter why you are cancelling the request");
        check("cancel-errors");
        type("reason", "The school found support through its trust.");
        press("Cancel the request");
        assertThat(byId("done").getText()).contains("The request is cancelled");
        assertThat(byId("history").getText()).contains("Cancelled", "The school found support through its trust.");
        check("cancelled");
        assertThat(others.request(cancelled).get("status")).isEqualTo("CANCELLED");
    }

    /** A school of the demo area that no other journey raises requests for, with at least {@code credits} available. */
    String freshSchool(Others others, long credits) {
        String area = stack.demo().demoArea();
        List<String> schools = new java.util.ArrayList<>(stack.demo().providers().stream()
                .filter(p -> p.area().equals(area) && p.type() == ProviderType.SCHOOL)
                .map(p -> p.id())
                .filter(id -> !TAKEN.contains(id))
                .toList());
        java.util.Collections.reverse(schools);
        return schools.stream()
                .filter(urn -> others.available(urn) >= credits)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo school has " + credits + " credits available"));
    }

    WebElement rowWith(String need) {
        return browser.findElements(By.cssSelector("#queue > li")).stream()
                .filter(li -> li.getText().contains(need))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request in the queue with need " + need));
    }
}
