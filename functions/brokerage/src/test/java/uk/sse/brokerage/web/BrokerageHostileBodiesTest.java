package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.testing.HostileBodies;
import uk.sse.testing.LambdaInstance;

/**
 * Nested bodies of 16, 64 and 256 KiB, objects and arrays with unknown keys at every level, to every route of the
 * brokerage that reads a JSON body, through the Lambda handler: each is a 4xx, nothing is written (neither the
 * brokerage's table nor the ledger's), and the slowest answer comes well within a second.
 */
@MicronautTest(environments = "test")
class BrokerageHostileBodiesTest extends BrokerageLambdaTest {

    @Inject
    ApplicationContext context;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void everyJsonRouteRefusesHostileBodiesQuicklyAndWritesNothing() {
        List<HostileBodies.Route> routes = HostileBodies.jsonRoutes(context);
        assertThat(routes)
                .extracting(Object::toString)
                .contains(
                        "POST /requests",
                        "POST /requests/x1/proposals",
                        "POST /requests/x1/proposals/P1/agree",
                        "POST /requests/x1/complete",
                        "POST /requests/x1/cancel");
        List<HostileBodies.Sent> sent;
        long before;
        long ledgerBefore;
        try (LambdaInstance lambda = world.brokerage()) {
            HostileBodies.sendAll(lambda, routes.subList(0, 1), seeds.adviser()); // warm the handler once
            before = HostileBodies.items(dynamo, world.table("brokerage"));
            ledgerBefore = HostileBodies.items(dynamo, world.table("ledger"));
            sent = HostileBodies.sendAll(lambda, routes, seeds.adviser());
        }
        assertThat(sent).allSatisfy(s -> assertThat(s.status()).as(s.toString()).isBetween(400, 499));
        assertThat(HostileBodies.items(dynamo, world.table("brokerage"))).isEqualTo(before);
        assertThat(HostileBodies.items(dynamo, world.table("ledger"))).isEqualTo(ledgerBefore);
        HostileBodies.Sent slowest = HostileBodies.slowest(sent);
        System.out.printf(
                "brokerage: %d hostile bodies to %d routes; slowest %s%n", sent.size(), routes.size(), slowest);
        assertThat(slowest.micros()).as(slowest.toString()).isLessThan(1_000_000);
    }
}
