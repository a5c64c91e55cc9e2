package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.notifier.testing.AdaptiveCardSchema;
import uk.sse.notifier.testing.DirectoryOffers;

/**
 * Every kind of event a subscription can ask for, as the Teams message a Workflows webhook posts: its card valid against
 * the Adaptive Card 1.5 schema (shared/data/adaptivecards, JSON Schema draft-06, checked by networknt's validator), naming
 * the school and linking to the page, with user text unable to forge a link.
 */
class TeamsCardsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventsCardIsAValidAdaptiveCardOneFive() throws IOException {
        JsonSchema schema = AdaptiveCardSchema.load();
        for (EventEnvelope e : events()) {
            Map<String, Object> message = TeamsCards.of(e, "https://sse.example.test", Taxonomy.standard());
            assertThat(message).containsEntry("type", "message");
            JsonNode card = JSON.valueToTree(TeamsCards.card(message));
            Set<ValidationMessage> problems = schema.validate(card);
            assertThat(problems).as(e.type() + ": " + card).isEmpty();
            assertThat(card.get("version").asText()).isEqualTo("1.5");
        }
        JsonNode broken =
                JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\"}]}");
        assertThat(schema.validate(broken))
                .as("the schema can fail: a TextBlock needs its text")
                .isNotEmpty();
    }

    @Test
    void theCardNamesTheSchoolLinksToTheRequestAndForgesNoLink() throws IOException {
        EventEnvelope raised = raise("[click me](https://evil.example) Academy").event();
        String card = JSON.writeValueAsString(TeamsCards.of(raised, "https://sse.example.test", Taxonomy.standard()));
        assertThat(card)
                .contains(
                        "\uFF3Bclick me\uFF3D(https://evil.example) Academy",
                        "https://sse.example.test/support-requests/R-teams-1",
                        "Action.OpenUrl",
                        "application/vnd.microsoft.card.adaptive")
                .doesNotContain("[click me]");
    }

    private static List<EventEnvelope> events() {
        List<EventEnvelope> all = new ArrayList<>();
        Result.Applied raised = raise("Oakfield Primary");
        all.add(raised.event());
        BrokerageRequest r = raised.request();
        Actor broker = Actor.broker("broker-888", "888");
        Result.Applied proposed = applied(Brokerage.apply(
                r,
                new Command.Propose(
                        broker,
                        Instant.now(),
                        r.version(),
                        List.of(new Command.Offered("off_1", "prv_1", 2, 8)),
                        "a good fit")));
        all.add(proposed.event());
        Result.Applied accepted = applied(Brokerage.apply(
                proposed.request(),
                new Command.Accept(
                        Actor.provider("p", "prv_1"),
                        Instant.now(),
                        proposed.request().version(),
                        "P1")));
        all.add(accepted.event());
        Result.Applied agreed = applied(Brokerage.apply(
                accepted.request(),
                new Command.Agree(
                        Actor.school("h", "100001"),
                        Instant.now(),
                        accepted.request().version(),
                        "P1")));
        all.add(agreed.event());
        Result.Applied started = applied(Brokerage.apply(
                agreed.request(),
                new Command.StartDelivery(
                        broker, Instant.now(), agreed.request().version())));
        all.add(started.event());
        all.add(applied(Brokerage.apply(
                        started.request(),
                        new Command.Complete(
                                broker, Instant.now(), started.request().version(), 2, OptionalLong.empty(), "done")))
                .event());
        all.add(applied(Brokerage.apply(
                        raise("Elm School").request(), new Command.Cancel(broker, Instant.now(), 1, "not needed")))
                .event());
        all.add(DirectoryOffers.submitted(
                "off_1",
                "888",
                "Riverside Trust",
                uk.sse.directory.model.ProviderType.TRUST,
                "Phonics catch-up",
                List.of("CT.READ"),
                8,
                "provider-888-100008"));
        all.add(new EventEnvelope(
                EventCatalogue.SUBSCRIPTION_DISABLED,
                "sub_1/disabled/1",
                Instant.now(),
                "888",
                Map.of(
                        "subscriptionId",
                        "sub_01JF3Q7Z9X2M8K4T6V0B1C5D7E",
                        "host",
                        "example.org",
                        "format",
                        "teams",
                        "reason",
                        "answered 410",
                        "disabledAt",
                        Instant.now().toString())));
        return all;
    }

    private static Result.Applied raise(String school) {
        Instant now = Instant.now();
        return applied(Brokerage.raise(new Command.Raise(
                Actor.adviser("adviser-888", "888"),
                now,
                "R-teams-1",
                "100001",
                "888",
                List.of("INC.SEND.ASD"),
                "Provision maps for [year 7]",
                Urgency.HIGH,
                3,
                List.of(DeliveryMode.values()[0]),
                LocalDate.now().plusMonths(2),
                12,
                List.of(),
                school)));
    }

    private static Result.Applied applied(Result result) {
        assertThat(result).isInstanceOf(Result.Applied.class);
        return (Result.Applied) result;
    }
}
