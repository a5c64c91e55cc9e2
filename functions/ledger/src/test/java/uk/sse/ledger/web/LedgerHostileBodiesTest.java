package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.kernel.identity.Role;
import uk.sse.ledger.storage.LedgerTable;
import uk.sse.testing.HostileBodies;
import uk.sse.testing.LambdaInstance;

/**
 * Nested bodies of 16, 64 and 256 KiB, objects and arrays with unknown keys at every level, to every route of the
 * ledger that reads a JSON body, through the Lambda handler: each is a 4xx, nothing is written, and the slowest answer
 * comes well within a second.
 */
@MicronautTest
class LedgerHostileBodiesTest extends LedgerLambdaTest {

    @Inject
    ApplicationContext context;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LedgerTable table;

    @Test
    void everyJsonRouteRefusesHostileBodiesQuicklyAndWritesNothing() {
        List<HostileBodies.Route> routes = HostileBodies.jsonRoutes(context);
        assertThat(routes)
                .extracting(Object::toString)
                .contains(
                        "POST /transfers",
                        "POST /allocations",
                        "POST /accounts",
                        "POST /transfers/x1/post",
                        "POST /transfers/x1/void",
                        "POST /transfers/x1/extend");
        String commissioner = tokens.bearer(Role.COMMISSIONER, "888", "la-888");
        List<HostileBodies.Sent> sent;
        long before;
        try (LambdaInstance lambda = LambdaInstance.like(context, java.util.Map.of())) {
            HostileBodies.sendAll(lambda, routes.subList(0, 1), commissioner); // warm the handler once
            before = HostileBodies.items(dynamo, table.name());
            sent = HostileBodies.sendAll(lambda, routes, commissioner);
        }
        assertThat(sent).allSatisfy(s -> assertThat(s.status()).as(s.toString()).isBetween(400, 499));
        assertThat(HostileBodies.items(dynamo, table.name())).isEqualTo(before);
        HostileBodies.Sent slowest = HostileBodies.slowest(sent);
        System.out.printf("ledger: %d hostile bodies to %d routes; slowest %s%n", sent.size(), routes.size(), slowest);
        assertThat(slowest.micros()).as(slowest.toString()).isLessThan(1_000_000);
    }
}
