package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.HostileBodies;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.Tokens;

/**
 * Nested bodies of 16, 64 and 256 KiB, objects and arrays with unknown keys at every level, to every route of the
 * directory that reads a JSON body, through the Lambda handler: each is a 4xx, nothing is written, and the slowest
 * answer comes well within a second.
 */
@MicronautTest
class DirectoryHostileBodiesTest extends LambdaTest {

    @Inject
    ApplicationContext context;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    DirectoryTable table;

    @Inject
    Tokens tokens;

    @Test
    void everyJsonRouteRefusesHostileBodiesQuicklyAndWritesNothing() {
        List<HostileBodies.Route> routes = HostileBodies.jsonRoutes(context);
        assertThat(routes)
                .extracting(Object::toString)
                .contains(
                        "POST /providers",
                        "POST /offers",
                        "PUT /offers/x1",
                        "POST /offers/x1/assurance",
                        "PUT /providers/x1");
        String admin = tokens.bearer(Role.ADMIN, "888", "la-888");
        List<HostileBodies.Sent> sent;
        long before;
        try (LambdaInstance lambda = LambdaInstance.like(context, Map.of())) {
            HostileBodies.sendAll(lambda, routes.subList(0, 1), admin); // warm the handler once
            before = HostileBodies.items(dynamo, table.name());
            sent = HostileBodies.sendAll(lambda, routes, admin);
        }
        assertThat(sent).allSatisfy(s -> assertThat(s.status()).as(s.toString()).isBetween(400, 499));
        assertThat(HostileBodies.items(dynamo, table.name())).isEqualTo(before);
        HostileBodies.Sent slowest = HostileBodies.slowest(sent);
        System.out.printf(
                "directory: %d hostile bodies to %d routes; slowest %s%n", sent.size(), routes.size(), slowest);
        assertThat(slowest.micros()).as(slowest.toString()).isLessThan(1_000_000);
    }
}
