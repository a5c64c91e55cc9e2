package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each function's own table: the kernel's key shape, on demand, streams, point-in-time recovery, TTL where used, protection in prod. */
class TablesTest {

    /** Index counts as in {@code uk.sse.kernel.dynamo.Tables} users; TTL where idempotency keys or deliveries expire. */
    static final Map<String, Integer> INDICES = Map.of("directory", 2, "ledger", 2, "brokerage", 3, "notifier", 2);

    static final Map<String, Boolean> TTL =
            Map.of("directory", true, "ledger", false, "brokerage", true, "notifier", true);

    @Test
    void there_is_one_table_per_function_that_keeps_state() {
        for (Synthesised s : Synthesised.both()) {
            assertThat(s.ofType("AWS::DynamoDB::Table").values())
                    .extracting(p -> p.get("TableName"))
                    .containsExactlyInAnyOrder(
                            s.name("directory"), s.name("ledger"), s.name("brokerage"), s.name("notifier"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_table_has_string_keys_its_indices_on_demand_billing_a_stream_and_recovery() {
        for (Synthesised s : Synthesised.both()) {
            INDICES.forEach((function, indices) -> {
                Map<String, Object> table =
                        (Map<String, Object>) s.resource(s.tableId(function)).get("Properties");
                assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
                assertThat(table.get("KeySchema"))
                        .isEqualTo(List.of(
                                Map.of("AttributeName", "pk", "KeyType", "HASH"),
                                Map.of("AttributeName", "sk", "KeyType", "RANGE")));
                assertThat((Map<String, Object>) table.get("StreamSpecification"))
                        .containsEntry("StreamViewType", "NEW_AND_OLD_IMAGES");
                assertThat((Map<String, Object>) table.get("PointInTimeRecoverySpecification"))
                        .containsEntry("PointInTimeRecoveryEnabled", true);
                List<Map<String, Object>> gsis = (List<Map<String, Object>>) table.get("GlobalSecondaryIndexes");
                assertThat(gsis).as(function + " indices").hasSize(indices);
                for (int n = 1; n <= indices; n++) {
                    int i = n;
                    assertThat(gsis).anySatisfy(gsi -> {
                        assertThat(gsi.get("IndexName")).isEqualTo("gsi" + i);
                        assertThat(gsi.get("KeySchema"))
                                .isEqualTo(List.of(
                                        Map.of("AttributeName", "gsi" + i + "pk", "KeyType", "HASH"),
                                        Map.of("AttributeName", "gsi" + i + "sk", "KeyType", "RANGE")));
                        assertThat(gsi.get("Projection")).isEqualTo(Map.of("ProjectionType", "ALL"));
                    });
                }
                assertThat((List<Map<String, Object>>) table.get("AttributeDefinitions"))
                        .allSatisfy(a -> assertThat(a.get("AttributeType")).isEqualTo("S"))
                        .hasSize(2 + 2 * indices);
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void ttl_is_on_expiresAt_where_items_expire_and_off_for_the_ledger() {
        for (Synthesised s : Synthesised.both()) {
            TTL.forEach((function, expires) -> {
                Map<String, Object> table =
                        (Map<String, Object>) s.resource(s.tableId(function)).get("Properties");
                if (expires) {
                    assertThat(table.get("TimeToLiveSpecification"))
                            .as(function)
                            .isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
                } else {
                    assertThat(table).as(function).doesNotContainKey("TimeToLiveSpecification");
                }
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prod_tables_are_deletion_protected_and_retained_and_dev_tables_are_not() {
        Synthesised prod = Synthesised.prod();
        Synthesised dev = Synthesised.dev();
        for (String function : INDICES.keySet()) {
            Map<String, Object> prodTable = prod.resource(prod.tableId(function));
            assertThat(((Map<String, Object>) prodTable.get("Properties")).get("DeletionProtectionEnabled"))
                    .isEqualTo(true);
            assertThat(prodTable.get("DeletionPolicy")).isEqualTo("Retain");
            assertThat(prodTable.get("UpdateReplacePolicy")).isEqualTo("Retain");
            Map<String, Object> devTable = dev.resource(dev.tableId(function));
            assertThat(((Map<String, Object>) devTable.get("Properties")).get("DeletionProtectionEnabled"))
                    .isEqualTo(false);
            assertThat(devTable.get("DeletionPolicy")).isEqualTo("Delete");
        }
    }
}
