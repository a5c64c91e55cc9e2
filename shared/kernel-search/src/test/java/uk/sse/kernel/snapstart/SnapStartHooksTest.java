package uk.sse.kernel.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.kernel.ids.Ids;

/** The SnapStart hooks, driven directly as Lambda's runtime would: before the snapshot, then after a restore. */
class SnapStartHooksTest {

    private static final Map<String, Object> AWS =
            Map.of("sse.aws.region", "eu-west-2", "sse.opensearch.url", "https://search.invalid:443");

    @Test
    void every_application_context_has_the_hooks_and_priming_builds_the_clients_without_calling_anything()
            throws Exception {
        try (ApplicationContext context = ApplicationContext.run(AWS)) {
            SnapStartHooks hooks = context.getBean(SnapStartHooks.class);
            assertThat(hooks.hooks())
                    .hasAtLeastOneElementOfType(JsonPriming.class)
                    .hasAtLeastOneElementOfType(AwsClientPriming.class)
                    .hasAtLeastOneElementOfType(SearchClientPriming.class)
                    .hasAtLeastOneElementOfType(RandomReseeding.class);
            assertThat(context.getActiveBeanRegistrations(DynamoDbClient.class)).isEmpty();
            assertThat(context.getActiveBeanRegistrations(OpenSearchClient.class))
                    .isEmpty();

            // each hook on its own, so that a failure is not hidden by the resource's logging
            for (SnapshotHook hook : hooks.hooks()) {
                assertThatCode(hook::prime).as(hook.getClass().getSimpleName()).doesNotThrowAnyException();
            }
            // the endpoint is unresolvable, so a client that tried to call anything would have failed the prime
            assertThat(context.getActiveBeanRegistrations(DynamoDbClient.class)).hasSize(1);
            assertThat(context.getActiveBeanRegistrations(OpenSearchClient.class))
                    .hasSize(1);
            for (SnapshotHook hook : hooks.hooks()) {
                assertThatCode(hook::refresh)
                        .as(hook.getClass().getSimpleName())
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void the_resource_runs_every_hook_in_order_and_a_failing_one_does_not_stop_the_rest_or_the_snapshot() {
        List<String> ran = new ArrayList<>();
        SnapshotHook broken = new SnapshotHook() {
            @Override
            public void prime() {
                ran.add("broken prime");
                throw new NoClassDefFoundError("not on this function's classpath");
            }

            @Override
            public void refresh() throws Exception {
                ran.add("broken refresh");
                throw new java.io.IOException("no network yet");
            }
        };
        SnapshotHook recording = new SnapshotHook() {
            @Override
            public void prime() {
                ran.add("prime");
            }

            @Override
            public void refresh() {
                ran.add("refresh");
            }
        };
        SnapStartHooks hooks = new SnapStartHooks(List.of(broken, recording));

        assertThatCode(() -> hooks.beforeCheckpoint(null)).doesNotThrowAnyException();
        assertThat(ran).containsExactly("broken prime", "prime");
        assertThatCode(() -> hooks.afterRestore(null)).doesNotThrowAnyException();
        assertThat(ran).containsExactly("broken prime", "prime", "broken refresh", "refresh");
    }

    @Test
    void after_a_restore_ids_come_from_a_reseeded_generator_and_stay_well_formed() {
        new RandomReseeding().refresh();
        String first = Ids.newId("off");
        String second = Ids.newId("off");
        assertThat(Ids.looksLike("off", first)).isTrue();
        assertThat(first).isNotEqualTo(second);
    }
}
