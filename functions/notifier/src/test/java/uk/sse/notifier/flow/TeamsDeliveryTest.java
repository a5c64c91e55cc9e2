package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Urgency;
import uk.sse.notifier.testing.AdaptiveCardSchema;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Receiver;

/**
 * A {@code teams} subscription: the event from a real stream record reaches the Workflows webhook as a message whose
 * attachment is an Adaptive Card 1.5 the schema accepts, signed like every delivery; Workflows' 202 is delivered.
 */
@MicronautTest
class TeamsDeliveryTest extends NotifierLambdaTest {

    @Test
    void aNewRequestReachesATeamsWorkflowAsAnAdaptiveCard() throws Exception {
        notifiers().subscribe("881", receiver.url("/teams"), "teams", List.of("brokerage.request.created"));
        receiver.script("/teams", Receiver.Answer.status(202));
        brokerage()
                .raise(
                        "881",
                        "R-teams-flow",
                        "100001",
                        "Oakfield Primary",
                        List.of("INC.SEND.ASD"),
                        "Provision maps",
                        Urgency.HIGH);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        Receiver.Request posted =
                receiver.await("/teams", 1, Duration.ofSeconds(15)).getFirst();
        assertThat(posted.header("webhook-signature")).startsWith("v1,");
        JsonNode message = new ObjectMapper().readTree(posted.body());
        assertThat(message.get("type").asText()).isEqualTo("message");
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(AdaptiveCardSchema.load().validate(attachment.get("content")))
                .isEmpty();
        assertThat(posted.body())
                .contains("Oakfield Primary", "https://sse.example.test/support-requests/R-teams-flow");
        pipeline().handle(pipeline().lastBatch());
        assertThat(receiver.received("/teams")).as("once").hasSize(1);
    }
}
