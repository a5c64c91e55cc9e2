package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An area's admin adds a webhook subscription (after being told what it needs), copies its signing secret, sends a
 * test and sees the delivery arrive, signed with that secret; makes a new secret, shown once; pauses and resumes it.
 */
class AdminJourneyTest extends Journey {

    @Test
    void theAdminAddsAWebhookSubscriptionSendsATestAndSeesItsDelivery() {
        String path = "/admin-" + UUID.randomUUID().toString().substring(0, 8);
        String url = stack.receiverUrl().replaceFirst("/$", "") + path;

        signIn("admin");
        check("home");
        follow("Webhooks");
        assertThat(heading()).isEqualTo("Webhooks");
        check("webhooks");
        press("Add a subscription");
        assertThat(heading()).isEqualTo("Add a webhook subscription");
        check("new");
        browser.findElement(By.cssSelector("input[name=events][value=requests]"))
                .click();
        press("Add the subscription");
        assertThat(errors()).containsKeys("url", "events");
        check("new-errors");

        type("url", url);
        type("description", "Test channel for the admin journey");
        choose("format", "json");
        browser.findElement(By.cssSelector("input[name=events][value=offers]")).click();
        press("Add the subscription");
        assertThat(heading())
                .isEqualTo(stack.receiverUrl()
                        .replaceFirst("https?://([^:/]+).*", "$1")
                        .strip());
        assertThat(byId("done").getText()).contains("Copy its signing secret now");
        String secret = byId("secret").getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(text()).contains("Sending", "directory.offer.submitted", "Nothing has been sent yet");
        check("added");
        stack.receiveWebhooksAt(path, secret);

        press("Send a test");
        assertThat(byId("done").getText()).isEqualTo("A test event was sent. Its delivery is below.");
        String delivery =
                browser.findElement(By.cssSelector("#deliveries > li")).getText();
        assertThat(delivery).contains("A test event", "Delivered", "1 attempt", "last answered 204");
        assertThat(stack.webhooksReceived(path)).hasSize(1);
        check("tested");

        // a new signing secret, shown once
        press("Make a new secret");
        assertThat(byId("done").getText()).startsWith("A new signing secret is made");
        String rotated = byId("secret").getText();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        check("rotated");

        press("Pause");
        assertThat(text()).contains("Paused");
        press("Resume");
        assertThat(byId("done").getText()).isEqualTo("The subscription is sending again.");
        follow("Webhooks");
        assertThat(byId("subscriptions").getText()).contains("Test channel for the admin journey");
    }
}
