package uk.sse.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.testing.HostileBodies;
import uk.sse.testing.LambdaInstance;

/**
 * Nested bodies of 16, 64 and 256 KiB, objects and arrays with unknown keys at every level, to every route of the
 * notifier that reads a JSON body, through the Lambda handler: each is a 4xx, nothing is written, and the slowest
 * answer comes well within a second.
 */
@MicronautTest
class NotifierHostileBodiesTest extends NotifierLambdaTest {

    @Inject
    ApplicationContext context;

    @Test
    void everyJsonRouteRefusesHostileBodiesQuicklyAndWritesNothing() {
        List<HostileBodies.Route> routes = HostileBodies.jsonRoutes(context);
        assertThat(routes).extracting(Object::toString).contains("POST /subscriptions", "PUT /subscriptions/x1");
        String broker = tokens.bearer(Role.BROKER, "888", "la-888");
        List<HostileBodies.Sent> sent;
        long before;
        try (LambdaInstance lambda = LambdaInstance.like(context, Map.of())) {
            HostileBodies.sendAll(lambda, routes.subList(0, 1), broker); // warm the handler once
            before = HostileBodies.items(dynamo, settings.tableName());
            sent = HostileBodies.sendAll(lambda, routes, broker);
        }
        assertThat(sent).allSatisfy(s -> assertThat(s.status()).as(s.toString()).isBetween(400, 499));
        assertThat(HostileBodies.items(dynamo, settings.tableName())).isEqualTo(before);
        HostileBodies.Sent slowest = HostileBodies.slowest(sent);
        System.out.printf(
                "notifier: %d hostile bodies to %d routes; slowest %s%n", sent.size(), routes.size(), slowest);
        assertThat(slowest.micros()).as(slowest.toString()).isLessThan(1_000_000);
    }
}
