package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A provider drafts an offer (with mistakes, one only the directory can see), edits it while a colleague changes it too
 * (and is told, not overwritten), submits it for assurance, then answers two proposals: declines one saying why, and
 * accepts the other. Its engagements, credits and profile are there too.
 */
class ProviderJourneyTest extends Journey {

    static final String PROVIDER = "prv_north-west-science-learning-partnership";

    @Test
    void aProviderDraftsAndSubmitsAnOfferAndAnswersProposals() {
        signIn("provider-" + PROVIDER);
        check("home");
        press("Your offers");
        assertThat(heading()).isEqualTo("Your offers");
        check("offers");
        press("Draft a new offer");
        check("offer-form");
        press("Save as a draft");
        assertThat(errors())
                .containsOnlyKeys(
                        "title",
                        "description",
                        "areasOfSupport",
                        "phases",
                        "deliveryModes",
                        "capacity",
                        "price",
                        "contactName",
                        "contactEmail");
        check("offer-form-errors");

        String title = "Practical science for Key Stage 3 "
                + UUID.randomUUID().toString().substring(0, 8);
        type("title", title);
        type(
                "description",
                "Two days in school with the science department: planning required practicals and assessing them.");
        openDetailsOf("input[name=areasOfSupport][value='CT.SCI']");
        choose("areasOfSupport", "CT.SCI");
        choose("phases", "SECONDARY");
        choose("deliveryModes", "IN_SCHOOL");
        type("capacity", "2.5");
        type("price", "25");
        type("contactName", "Sam Okafor");
        type("contactEmail", "sam.okafor at example");
        press("Save as a draft");
        // only the directory knows what an email address looks like: its answer lands on the field
        assertThat(errors()).containsOnlyKeys("contactEmail");
        assertThat(fieldError("contactEmail")).startsWith("Contact email");
        check("offer-form-refused");
        type("contactEmail", "sam.okafor@example.org");
        press("Save as a draft");
        assertThat(byId("done").getText()).contains("saved as a draft");
        assertThat(heading()).isEqualTo(title);
        assertThat(text()).contains("Draft", "2.5 days a term", "25 credits", "Science");
        String offerId =
                browser.getCurrentUrl().replaceFirst(".*/your-offers/", "").replaceFirst("\\?.*", "");
        check("offer-drafted");

        press("Change the offer");
        check("offer-edit");
        type("title", title + " (revised)");
        new Others(stack).colleagueRetitles(offerId, PROVIDER, "A colleague's title");
        press("Save the changes");
        assertThat(errors().values()).singleElement().asString().startsWith("Someone else changed this offer");
        check("offer-changed-elsewhere");
        press("Save the changes");
        assertThat(byId("done").getText()).contains("Your changes are saved");
        assertThat(heading()).isEqualTo(title + " (revised)");
        press("Submit for assurance");
        assertThat(byId("done").getText()).contains("submitted");
        assertThat(text()).contains("Awaiting assurance");
        check("offer-submitted");

        Others others = new Others(stack);
        String approved = others.approvedOfferOf(PROVIDER);
        String declineNeed = "Science results fell at GCSE; the new head of science wants an outside view "
                + UUID.randomUUID().toString().substring(0, 8);
        String acceptNeed = "Year 8 practical work is rare; the department wants to plan it in "
                + UUID.randomUUID().toString().substring(0, 8);
        String first = others.raise("119773", declineNeed, "CT.SCI", 2, 10);
        others.propose(first, approved, 2, 10);
        String second = others.raise("119802", acceptNeed, "CT.SCI", 3, 15);
        others.propose(second, approved, 3, 15);

        follow("Proposals");
        assertThat(text()).contains(declineNeed, acceptNeed);
        check("proposals");
        go(requestWith(declineNeed).findElement(By.tagName("a")));
        assertThat(text()).contains(declineNeed, "Proposed", "2 days for 10 credits");
        check("proposal");
        press("Decline");
        press("Decline the proposal");
        assertThat(errors()).containsOnlyKeys("reason");
        check("decline-errors");
        type("reason", "No capacity until the spring term.");
        press("Decline the proposal");
        assertThat(byId("done").getText()).contains("You declined the proposal");
        assertThat(text()).contains("Declined", "No capacity until the spring term.");
        check("declined");

        follow("Proposals");
        go(requestWith(acceptNeed).findElement(By.tagName("a")));
        press("Accept");
        assertThat(byId("done").getText()).contains("You accepted the proposal");
        assertThat(text()).contains("Accepted by the provider");
        check("accepted");

        follow("Engagements");
        assertThat(heading()).isEqualTo("Engagements");
        check("engagements");
        follow("Credits");
        check("credits");
        follow("Profile");
        assertThat(text()).contains("North West Science");
        check("profile");
    }

    WebElement requestWith(String need) {
        return browser.findElements(By.cssSelector(".sse-results > li")).stream()
                .filter(li -> li.getText().contains(need))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request with need " + need));
    }
}
