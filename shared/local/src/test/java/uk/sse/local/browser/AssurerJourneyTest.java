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
 * An assurer's review: a provider changed an assured offer's title, so it waits for assurance again; the assurer finds
 * it among the offers to review, marked as changed since assured, sees exactly what changed (the title, before and now)
 * and approves it to a review date, after being told what a decision needs; a new offer, never assured, they send back
 * asking for changes.
 */
class AssurerJourneyTest extends Journey {

    /** Providers whose offers other journeys use. */
    static final Set<String> TAKEN = Set.of(ProviderJourneyTest.PROVIDER, SchoolJourneyTest.PROVIDER);

    @Test
    @SuppressWarnings("unchecked")
    void theAssurerSeesWhatChangedAndApprovesToAReviewDateAndAsksForChangesToANewOffer() {
        Others others = new Others(stack);
        Map.Entry<String, String> chosen = approvedOfferOfAnotherProvider(others);
        String provider = chosen.getKey();
        String offer = chosen.getValue();
        String before =
                (String) ((Map<String, Object>) others.offer(offer, provider).get("content")).get("title");
        String after = "Attendance and wellbeing, revised "
                + UUID.randomUUID().toString().substring(0, 6);
        others.colleagueRetitles(offer, provider, after);
        assertThat(others.offer(offer, provider).get("status")).isEqualTo("SUBMITTED");

        signIn("assurer");
        check("home");
        follow("Offers to review");
        assertThat(heading()).isEqualTo("Offers to review");
        WebElement row = browser.findElements(By.cssSelector("#waiting > li")).stream()
                .filter(li -> li.getText().contains(after))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the changed offer is not waiting for review"));
        assertThat(row.getText()).contains("Changed since assured", "Submitted today");
        check("queue");

        go(row.findElement(By.tagName("a")));
        assertThat(heading()).isEqualTo(after);
        String changes = byId("changes").getText();
        assertThat(changes).contains("Title", before, after).doesNotContain("Price", "Description");
        check("review");

        press("Save the decision");
        assertThat(errors()).containsOnlyKeys("decision");
        assertThat(fieldError("decision")).isEqualTo("Select a decision");
        check("review-errors");
        choose("decision", "APPROVE");
        press("Save the decision");
        assertThat(fieldError("reviewDate")).isEqualTo("Enter the date the offer must be reviewed by");
        LocalDate review = LocalDate.now().plusYears(1).withDayOfMonth(1);
        choose("decision", "APPROVE");
        type("reviewDate-day", Integer.toString(review.getDayOfMonth()));
        type("reviewDate-month", Integer.toString(review.getMonthValue()));
        type("reviewDate-year", Integer.toString(review.getYear()));
        press("Save the decision");
        assertThat(byId("done").getText()).contains("The offer is assured");
        assertThat(browser.findElements(By.cssSelector("#waiting > li")))
                .noneMatch(li -> li.getText().contains(after));
        check("approved");
        Map<String, Object> assured = others.offer(offer, provider);
        assertThat(assured.get("status")).isEqualTo("APPROVED");
        assertThat(assured.get("reviewDate")).isEqualTo(review.toString());

        String fresh = "Attendance first steps " + UUID.randomUUID().toString().substring(0, 6);
        String draft = others.submitNewOffer(offer, provider, fresh);
        open("/offers-to-review");
        WebElement waiting = browser.findElements(By.cssSelector("#waiting > li")).stream()
                .filter(li -> li.getText().contains(fresh))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the new offer is not waiting for review"));
        assertThat(waiting.getText()).contains("New");
        go(waiting.findElement(By.tagName("a")));
        assertThat(byId("changes").getText()).contains("has not been assured before");
        choose("decision", "REQUEST_CHANGES");
        press("Save the decision");
        assertThat(fieldError("reason")).isEqualTo("Enter the changes the provider must make");
        check("changes-errors");
        choose("decision", "REQUEST_CHANGES");
        type("reason", "Say which schools the sessions suit, and add evidence of impact.");
        press("Save the decision");
        assertThat(byId("done").getText()).contains("The provider is asked for the changes");
        check("changes-requested");
        assertThat(others.offer(draft, provider).get("status")).isEqualTo("CHANGES_REQUESTED");
    }

    /**
     * Reject and suspend, on offers made for this test (suspending a shared demo offer would hide it from the other
     * journeys): a new offer submitted for assurance the assurer rejects, after being told a rejection needs a reason;
     * an offer the area's assurer approved, the assurer then suspends with a reason.
     */
    @Test
    void theAssurerRejectsANewOfferAndSuspendsAnAssuredOne() {
        Others others = new Others(stack);
        Map.Entry<String, String> chosen = approvedOfferOfAnotherProvider(others);
        String provider = chosen.getKey();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String toReject = others.submitNewOffer(chosen.getValue(), provider, "Governance health check " + suffix);
        String toSuspend = others.submitNewOffer(chosen.getValue(), provider, "Curriculum mapping days " + suffix);
        Map<String, Object> submitted = others.offer(toSuspend, provider);
        others.send(
                "POST",
                "/offers/" + toSuspend + "/assurance",
                stack.token(uk.sse.kernel.identity.Role.ASSURER),
                Map.of(
                        "action",
                        "APPROVE",
                        "reviewDate",
                        LocalDate.now().plusMonths(6).toString()),
                Map.of("If-Match", "\"v" + submitted.get("version") + "\""),
                200);

        signIn("assurer");
        follow("Offers to review");
        WebElement waiting = browser.findElements(By.cssSelector("#waiting > li")).stream()
                .filter(li -> li.getText().contains("Governance health check " + suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the new offer is not waiting for review"));
        go(waiting.findElement(By.tagName("a")));
        choose("decision", "REJECT");
        press("Save the decision");
        assertThat(fieldError("reason")).isEqualTo("Enter the reason the provider will read");
        check("reject-errors");
        choose("decision", "REJECT");
        type("reason", "We fund governance reviews through the LA's own service.");
        press("Save the decision");
        assertThat(byId("done").getText()).contains("The offer is rejected");
        check("rejected");
        assertThat(others.offer(toReject, provider).get("status")).isEqualTo("REJECTED");

        open("/offers-to-review/" + toSuspend);
        assertThat(heading()).isEqualTo("Curriculum mapping days " + suffix);
        assertThat(browser.findElements(By.cssSelector("input[name=decision]")))
                .extracting(e -> e.getAttribute("value"))
                .as("an assured offer can only be suspended")
                .containsExactly("SUSPEND");
        check("suspend");
        choose("decision", "SUSPEND");
        type("reason", "The named facilitator has left the trust.");
        press("Save the decision");
        assertThat(byId("done").getText()).contains("The offer is suspended");
        check("suspended");
        assertThat(others.offer(toSuspend, provider).get("status")).isEqualTo("SUSPENDED");
    }

    /** A provider of the demo area (not a school, nor one another journey uses) and an approved offer of theirs. */
    Map.Entry<String, String> approvedOfferOfAnotherProvider(Others others) {
        String area = stack.demo().demoArea();
        List<String> providers = stack.demo().providers().stream()
                .filter(p -> p.area().equals(area) && p.type() != ProviderType.SCHOOL)
                .map(p -> p.id())
                .filter(id -> !TAKEN.contains(id))
                .toList();
        for (String p : providers) {
            try {
                return Map.entry(p, others.approvedOfferOf(p));
            } catch (AssertionError none) {
                // this provider has no approved offer: try the next
            }
        }
        throw new AssertionError("no other provider in the demo area has an approved offer");
    }
}
