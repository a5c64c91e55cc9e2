package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Result;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.notifier.testing.DirectoryOffers;

/** Slack messages made from the brokerage model's own events: the school, the need, urgency, status and a link. */
class SlackMessagesTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:30:00Z");
    static final String BASE = "https://sse.example.test";

    static Result.Applied raised(String schoolName, String need) {
        Result r = Brokerage.raise(new Command.Raise(
                Actor.adviser("ann", "888"),
                T0,
                "R-1",
                "100001",
                "888",
                List.of("INC.SEND.ASD", "CT.READ"),
                need,
                uk.sse.brokerage.model.Urgency.HIGH,
                4,
                List.of(DeliveryMode.values()[0]),
                LocalDate.parse("2027-01-31"),
                20,
                List.of(),
                schoolName));
        assertThat(r).isInstanceOf(Result.Applied.class);
        return (Result.Applied) r;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Map<String, Object> message) {
        return (List<Map<String, Object>>) message.get("blocks");
    }

    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> block) {
        Object text = block.get("text");
        if (text instanceof Map<?, ?> t) {
            return (String) t.get("text");
        }
        Object fields = block.get("fields");
        if (fields instanceof List<?> f) {
            return String.join(
                    "\n",
                    f.stream()
                            .map(x -> (String) ((Map<String, Object>) x).get("text"))
                            .toList());
        }
        Object elements = block.get("elements");
        return elements == null ? "" : elements.toString();
    }

    @Test
    void aNewRequestNamesTheSchoolTheNeedTheUrgencyTheStatusAndLinksToIt() {
        EventEnvelope e = raised("Oakfield Primary", "Set up provision maps with the new SENCo")
                .event();
        Map<String, Object> m = SlackMessages.of(e, BASE, Taxonomy.standard());
        assertThat((String) m.get("text"))
                .contains(
                        "New brokerage request",
                        "Oakfield Primary (URN 100001)",
                        "Set up provision maps",
                        "Urgency HIGH",
                        "status open",
                        "<" + BASE + "/support-requests/R-1|Open request>");
        List<Map<String, Object>> blocks = blocks(m);
        assertThat(blocks)
                .extracting(b -> b.get("type"))
                .containsExactly("header", "section", "section", "context", "actions");
        assertThat(text(blocks.get(0))).isEqualTo("New brokerage request: Oakfield Primary (URN 100001)");
        assertThat(((Map<?, ?>) blocks.get(0).get("text")).get("type")).isEqualTo("plain_text");
        assertThat(text(blocks.get(1)))
                .isEqualTo("*Oakfield Primary (URN 100001)*\nSet up provision maps with the new SENCo");
        assertThat(text(blocks.get(2)))
                .contains(
                        "*Urgency*\nHIGH",
                        "*Status*\nopen",
                        "*Areas of support*\nAutistic spectrum disorder (ASD), Early reading and phonics",
                        "*Days wanted*\n4",
                        "*Credits*\n20");
        assertThat(text(blocks.get(3))).contains("adviser ann", "1 Dec 2026 09:30 UTC", "event R-1/1");
        assertThat(blocks.get(4).toString()).contains("url=" + BASE + "/support-requests/R-1", "Open request");
    }

    @Test
    void userTextCannotMentionTheChannelOrForgeALink() {
        EventEnvelope e = raised("<!channel> & <https://evil.test|Click>", "Urgent <@U123> help > now")
                .event();
        Map<String, Object> m = SlackMessages.of(e, BASE, Taxonomy.standard());
        String all = m.toString();
        assertThat(all).doesNotContain("<!channel>", "<@U123>", "<https://evil.test");
        assertThat(text(blocks(m).get(1)))
                .contains("&lt;!channel&gt; &amp; &lt;https://evil.test|Click&gt;", "&lt;@U123&gt; help &gt; now");
        // the header is plain text, shown as written; its angle brackets are look-alikes all the same
        assertThat(text(blocks(m).get(0))).contains("‹!channel› & ‹https://evil.test|Click›");
    }

    @Test
    void aLongNeedIsCutToSlacksLimits() {
        EventEnvelope e = raised("S".repeat(400), "n".repeat(3999)).event();
        Map<String, Object> m = SlackMessages.of(e, BASE, Taxonomy.standard());
        assertThat(text(blocks(m).get(0))).hasSize(SlackMessages.HEADER_MAX).endsWith("…");
        assertThat(text(blocks(m).get(1)).length()).isLessThanOrEqualTo(SlackMessages.SECTION_MAX);
        assertThat(((String) m.get("text")).length()).isLessThanOrEqualTo(SlackMessages.SECTION_MAX);
    }

    @Test
    void anOfferAwaitingAssuranceNamesTheOfferAndItsProvider() {
        EventEnvelope e = DirectoryOffers.submitted(
                "off_1",
                "888",
                "Northway Teaching School Hub",
                ProviderType.HUB,
                "Phonics for the new year",
                List.of("CT.READ"),
                12,
                "provider-888-100008");
        Map<String, Object> m = SlackMessages.of(e, BASE, Taxonomy.standard());
        assertThat(text(blocks(m).get(0))).isEqualTo("Offer awaiting assurance: Phonics for the new year");
        assertThat(text(blocks(m).get(1))).isEqualTo("*Phonics for the new year*\nNorthway Teaching School Hub (hub)");
        assertThat(text(blocks(m).get(2)))
                .contains("*Status*\nsubmitted", "*Price*\n12 credits", "Early reading and phonics");
        assertThat(blocks(m).get(4).toString()).contains(BASE + "/support-offers/off_1");
    }

    @Test
    void anOfferEventThatDoesNotMeetItsContractSaysSoAndNamesNoOffer() {
        EventEnvelope e = new EventEnvelope(
                "directory.offer.submitted", "off_1/2", T0, "888", Map.of("offerId", "off_1", "title", "Phonics"));
        Map<String, Object> m = SlackMessages.of(e, BASE, Taxonomy.standard());
        assertThat(text(blocks(m).get(0))).isEqualTo("Offer awaiting assurance");
        assertThat(text(blocks(m).get(1))).contains("does not meet its contract");
        assertThat(SlackMessages.page(e, BASE)).isEmpty();
    }

    @Test
    void aDisabledEndpointIsReportedWithItsReasonAndALinkToTheSubscription() {
        EventEnvelope e = new EventEnvelope(
                EventCatalogue.SUBSCRIPTION_DISABLED,
                "sub_1/disabled/1",
                T0,
                "888",
                Map.of(
                        "subscriptionId",
                        "sub_1",
                        "host",
                        "hooks.slack.com",
                        "reason",
                        "Slack answered 404 channel_not_found",
                        "description",
                        "Brokers' channel"));
        Map<String, Object> m = SlackMessages.of(e, BASE, Taxonomy.standard());
        assertThat(text(blocks(m).get(0))).isEqualTo("Webhook subscription disabled: hooks.slack.com");
        assertThat(text(blocks(m).get(1))).contains("*hooks.slack.com*", "channel_not_found");
        assertThat(text(blocks(m).get(2))).contains("sub_1", "Brokers' channel");
        assertThat(blocks(m).get(4).toString()).contains(BASE + "/webhooks/sub_1");
    }
}
