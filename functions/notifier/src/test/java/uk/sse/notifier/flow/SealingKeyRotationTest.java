package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.snapstart.SnapStartHooks;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.notifier.testing.Receiver;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.LocalSecretsManager;

/**
 * The key that seals the subscriptions' signing secrets comes from Secrets Manager at run time (a local one here, through
 * the real SDK client), not from the environment. Rotated (the new key sealing, the old one kept to open), a running
 * instance keeps sealing with the key it read until it reads again; after a simulated SnapStart restore it seals with
 * the new one. Another instance that read the secret before the rotation (the stream handler) meets a secret sealed with
 * a key it does not hold, reads the secret again, and signs with it: every subscriber's deliveries verify.
 */
@MicronautTest
class SealingKeyRotationTest extends NotifierLambdaTest {

    static final String ARN = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:sse-notifier-sealing-key";
    static final String FIRST = "first-key-0123456789abcdefghijklmnopqrstuvwxyz";
    static final String SECOND = "second-key-0123456789abcdefghijklmnopqrstuvwxyz";
    static final Duration WAIT = Duration.ofSeconds(15);

    static LocalSecretsManager secrets;
    LambdaInstance lambda;

    @Inject
    ApplicationContext context;

    @Override
    protected Map<String, String> extra() {
        if (secrets == null) {
            secrets = LocalSecretsManager.start();
            secrets.put(ARN, FIRST); // as CloudFormation generates it: the key itself, id k1
        }
        return Map.of(
                "sse.notifier.secret-key-arn",
                ARN,
                "sse.notifier.secrets-endpoint",
                secrets.endpoint(),
                "sse.notifier.secret-key",
                "");
    }

    @Test
    void afterARotationAndARestoreNewSecretsAreSealedWithTheNewKeyAndOldOnesStillOpen() throws Exception {
        receiver.script("/k/one", Receiver.Answer.status(200));
        receiver.script("/k/two", Receiver.Answer.status(200));
        receiver.script("/k/three", Receiver.Answer.status(200));
        lambda = LambdaInstance.like(context, Map.of()); // one warm instance of the notifier's API handler
        Notifiers.Made one = subscribe("/k/one");
        assertThat(sealed(one.id())).startsWith("k1:");
        pipeline().deliver(brokerage().stream()); // the stream handler's instance starts, and reads the secret, now

        secrets.put(ARN, "{\"id\":\"k2\",\"key\":\"" + SECOND + "\",\"previous\":{\"k1\":\"" + FIRST + "\"}}");
        Notifiers.Made two = subscribe("/k/two");
        assertThat(sealed(two.id()))
                .as("until it reads the secret again, an instance seals with the key it holds")
                .startsWith("k1:");

        long reads = secrets.reads(ARN);
        lambda.context().getBean(SnapStartHooks.class).afterRestore(null);
        Notifiers.Made three = subscribe("/k/three");
        assertThat(sealed(three.id()))
                .as("a restored instance reads the secret first")
                .startsWith("k2:");
        assertThat(secrets.reads(ARN)).isEqualTo(reads + 1);
        assertThat(lambda.get("/subscriptions/" + one.id(), notifiers().broker("831"))
                        .status())
                .as("sealed with the old key, still opens")
                .isEqualTo(200);

        brokerage().raise("831", "R-k-1", "100031", "Key School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        assertThat(secrets.reads(ARN))
                .as("the stream handler met a key it did not hold, and read the secret again")
                .isEqualTo(reads + 2);
        for (var pair : List.of(Map.entry("/k/one", one), Map.entry("/k/two", two), Map.entry("/k/three", three))) {
            Receiver.Request r = receiver.await(pair.getKey(), 1, WAIT).get(0);
            new Webhook(pair.getValue().secret())
                    .verify(
                            r.body(),
                            Map.of(
                                    "webhook-id",
                                    List.of(r.header("webhook-id")),
                                    "webhook-timestamp",
                                    List.of(r.header("webhook-timestamp")),
                                    "webhook-signature",
                                    List.of(r.header("webhook-signature"))));
        }
        assertThat(secrets.asked()).allSatisfy(a -> assertThat(a).startsWith("secretsmanager.GetSecretValue "));
    }

    @SuppressWarnings("unchecked")
    private Notifiers.Made subscribe(String path) {
        Api.Reply reply = lambda.post(
                "/subscriptions",
                notifiers().broker("831"),
                Notifiers.body(receiver.url(path), "json", List.of("brokerage.request.created")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        Map<String, Object> subscription = (Map<String, Object>) reply.map().get("subscription");
        return new Notifiers.Made(
                (String) subscription.get("id"), (String) reply.map().get("secret"), subscription);
    }

    private String sealed(String subscriptionId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(settings.tableName())
                        .consistentRead(true)
                        .key(Map.of(
                                "pk",
                                AttributeValue.fromS("SUB#" + subscriptionId),
                                "sk",
                                AttributeValue.fromS("SUB"))))
                .item();
        return item.get("secrets").l().get(0).m().get("sealed").s();
    }

    @AfterAll
    void stopSecrets() {
        if (lambda != null) {
            lambda.close();
        }
        secrets.close();
    }
}
