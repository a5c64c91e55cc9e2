package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, read from the roles' policies: a handler writes only its own table, reads only the streams it
 * consumes, and reaches search and the database only as its job needs.
 */
class AccessTest {

    static final Set<String> TABLE_WRITES = Set.of(
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:*");
    static final List<String> TABLES = List.of("directory", "ledger", "brokerage", "notifier");

    /** Which table each handler may write: its own module's, or none. */
    static final Map<String, String> WRITES = Map.ofEntries(
            Map.entry("directory-api", "directory"),
            Map.entry("directory-signals", "directory"),
            Map.entry("register-import", "directory"),
            Map.entry("register-fetch", "directory"),
            Map.entry("ledger-api", "ledger"),
            Map.entry("ledger-sweeper", "ledger"),
            Map.entry("ledger-entitlements", "ledger"),
            Map.entry("brokerage-api", "brokerage"),
            Map.entry("brokerage-reconciliation", "brokerage"),
            Map.entry("brokerage-retention", "brokerage"),
            Map.entry("notifier-api", "notifier"),
            Map.entry("notifier-stream", "notifier"),
            Map.entry("notifier-sweeper", "notifier"),
            Map.entry("notifier-reminders", "notifier"));

    /** Which tables' streams each handler reads. */
    static final Map<String, Set<String>> STREAMS = Map.of(
            "indexer", Set.of("directory"),
            "directory-signals", Set.of("brokerage"),
            "notifier-stream", Set.of("brokerage", "directory", "ledger", "notifier"),
            "reporting-projection", Set.of("brokerage", "ledger", "directory"));

    @Test
    void each_handler_may_write_its_own_table_and_no_other() {
        for (Synthesised s : Synthesised.both()) {
            for (String handler : FunctionsTest.HANDLERS.keySet()) {
                Set<String> written = tablesWith(s, handler, TABLE_WRITES::contains);
                String own = WRITES.get(handler);
                assertThat(written).as(handler + " writes").isEqualTo(own == null ? Set.of() : Set.of(own));
            }
        }
    }

    @Test
    void the_indexer_reads_the_directory_table_and_cannot_write_any_table_least_of_all_the_ledger() {
        Synthesised s = Synthesised.dev();
        assertThat(tablesWith(s, "indexer", TABLE_WRITES::contains)).isEmpty();
        assertThat(tablesWith(s, "indexer", action -> true)).isEqualTo(Set.of("directory"));
        assertThat(tablesWith(s, "indexer", "dynamodb:Scan"::equals)).containsExactly("directory");
    }

    @Test
    void each_stream_consumer_reads_exactly_the_streams_it_consumes() {
        for (Synthesised s : Synthesised.both()) {
            for (String handler : FunctionsTest.HANDLERS.keySet()) {
                Set<String> streams = TABLES.stream()
                        .filter(table -> s.statementsOf(handler).stream()
                                .anyMatch(
                                        st -> Synthesised.list(st.get("Action")).contains("dynamodb:GetShardIterator")
                                                && Synthesised.mentions(st.get("Resource"), s.tableId(table))
                                                && st.get("Resource").toString().contains("StreamArn")))
                        .collect(Collectors.toSet());
                assertThat(streams).as(handler + " streams").isEqualTo(STREAMS.getOrDefault(handler, Set.of()));
            }
        }
    }

    @Test
    void no_handler_is_granted_a_wildcard_action_or_every_resource_except_listing_streams() {
        for (Synthesised s : Synthesised.both()) {
            for (String handler : FunctionsTest.HANDLERS.keySet()) {
                for (Map<String, Object> statement : s.statementsOf(handler)) {
                    List<String> actions = Synthesised.list(statement.get("Action"));
                    assertThat(actions).as(handler).noneMatch(a -> a.endsWith(":*") || a.equals("*"));
                    if ("*".equals(statement.get("Resource"))) {
                        // what CDK grants for VPC network interfaces, DynamoDB's ListStreams and X-Ray's segments
                        // cannot be scoped to a resource
                        assertThat(actions)
                                .as(handler + " on *")
                                .isSubsetOf(
                                        "dynamodb:ListStreams",
                                        "xray:PutTraceSegments",
                                        "xray:PutTelemetryRecords",
                                        "ec2:CreateNetworkInterface",
                                        "ec2:DescribeNetworkInterfaces",
                                        "ec2:DeleteNetworkInterface",
                                        "ec2:AssignPrivateIpAddresses",
                                        "ec2:UnassignPrivateIpAddresses");
                    }
                }
            }
        }
    }

    @Test
    void only_the_indexer_may_change_the_search_indices_and_the_directory_may_only_search_them() {
        for (Synthesised s : Synthesised.both()) {
            String domain = s.ofType("AWS::OpenSearchService::Domain")
                    .keySet()
                    .iterator()
                    .next();
            for (String handler : FunctionsTest.HANDLERS.keySet()) {
                List<Map<String, Object>> search = s.statementsOf(handler).stream()
                        .filter(st -> Synthesised.mentions(st.get("Resource"), domain))
                        .toList();
                Set<String> actions = search.stream()
                        .flatMap(st -> Synthesised.list(st.get("Action")).stream())
                        .collect(Collectors.toSet());
                switch (handler) {
                    case "indexer" -> assertThat(actions).contains("es:ESHttpPut", "es:ESHttpDelete", "es:ESHttpPost");
                    case "directory-api", "directory-signals" -> {
                        assertThat(actions).isEqualTo(Set.of("es:ESHttpPost", "es:ESHttpGet"));
                        assertThat(search)
                                .allSatisfy(st -> assertThat(Synthesised.list(st.get("Resource")))
                                        .allSatisfy(arn -> assertThat(arn).contains("_search")));
                    }
                    default -> assertThat(actions).as(handler).isEmpty();
                }
            }
        }
    }

    @Test
    void only_the_notifier_handlers_may_read_the_sealing_key() {
        for (Synthesised s : Synthesised.both()) {
            String key = s.ofType("AWS::SecretsManager::Secret").keySet().stream()
                    .filter(id -> id.startsWith("NotifierSealingKey"))
                    .findFirst()
                    .orElseThrow();
            for (String handler : FunctionsTest.HANDLERS.keySet()) {
                boolean reads = s.statementsOf(handler).stream()
                        .anyMatch(st -> Synthesised.list(st.get("Action")).contains("secretsmanager:GetSecretValue")
                                && Synthesised.mentions(st.get("Resource"), key));
                assertThat(reads).as(handler + " reads the sealing key").isEqualTo(handler.startsWith("notifier"));
            }
        }
    }

    /** The functions that erase a person, each through its API (decision 0117). */
    static final Set<String> ERASING = Set.of("brokerage-api", "directory-api", "ledger-api", "notifier-api");

    @Test
    @SuppressWarnings("unchecked")
    void only_the_functions_that_erase_may_read_the_erasure_key() {
        for (Synthesised s : Synthesised.both()) {
            String key = s.ofType("AWS::SecretsManager::Secret").keySet().stream()
                    .filter(id -> id.startsWith("ErasureKey"))
                    .findFirst()
                    .orElseThrow();
            for (String handler : FunctionsTest.HANDLERS.keySet()) {
                boolean reads = s.statementsOf(handler).stream()
                        .anyMatch(st -> Synthesised.list(st.get("Action")).contains("secretsmanager:GetSecretValue")
                                && Synthesised.mentions(st.get("Resource"), key));
                assertThat(reads).as(handler + " reads the erasure key").isEqualTo(ERASING.contains(handler));
            }
            // generated, named where an operator finds it, never rotated, kept where the stage keeps its data
            Map<String, Object> secret = s.resource(key);
            assertThat(((Map<String, Object>) secret.get("Properties")).get("Name"))
                    .isEqualTo("sse-" + s.stage.name() + "/erasure-key");
            assertThat(((Map<String, Object>) secret.get("Properties")).get("GenerateSecretString"))
                    .isNotNull();
            assertThat(s.ofType("AWS::SecretsManager::RotationSchedule").values())
                    .noneMatch(rotation -> Synthesised.mentions(rotation.get("SecretId"), key));
            assertThat(secret.get("DeletionPolicy")).isEqualTo(s.stage.protectData() ? "Retain" : "Delete");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void only_the_reporting_handlers_may_read_the_database_secret_and_reach_the_database() {
        for (Synthesised s : Synthesised.both()) {
            // grants name the secret through its attachment to the cluster, which resolves to the secret's ARN
            String secret = s.ofType("AWS::SecretsManager::SecretTargetAttachment")
                    .keySet()
                    .iterator()
                    .next();
            for (String handler : FunctionsTest.HANDLERS.keySet()) {
                boolean reads = s.statementsOf(handler).stream()
                        .anyMatch(st -> Synthesised.list(st.get("Action")).contains("secretsmanager:GetSecretValue")
                                && Synthesised.mentions(st.get("Resource"), secret));
                assertThat(reads).as(handler + " reads the database secret").isEqualTo(handler.startsWith("reporting"));
            }
            // the cluster's security group lets in the two reporting handlers and the secret's rotation, on its port
            // only
            String cluster = s.ofType("AWS::RDS::DBCluster").keySet().iterator().next();
            assertThat(((Map<String, Object>) s.resource(cluster).get("Properties")).get("Port"))
                    .isEqualTo(5432);
            List<Map<String, Object>> ingress = s.ofType("AWS::EC2::SecurityGroupIngress").values().stream()
                    .filter(rule -> rule.get("GroupId").toString().contains("ReportingClusterSecurityGroup"))
                    .toList();
            assertThat(ingress).allSatisfy(rule -> {
                assertThat(rule.get("FromPort").toString()).contains(cluster).contains("Endpoint.Port");
                assertThat(rule.get("ToPort")).isEqualTo(rule.get("FromPort"));
            });
            assertThat(ingress)
                    .extracting(rule -> rule.get("SourceSecurityGroupId")
                            .toString()
                            .replaceAll(".*\\[(\\w+?)(Function)?SecurityGroup.*", "$1"))
                    .containsExactlyInAnyOrder(
                            "ReportingApi", "ReportingProjection", "ReportingClusterRotationSingleUser");
            assertThat(s.ofType("AWS::EC2::SecurityGroup").values())
                    .noneMatch(group ->
                            String.valueOf(group.get("SecurityGroupIngress")).contains("0.0.0.0/0"));
        }
    }

    /** The tables some statement of the handler's grants an action matching {@code action} on. */
    private static Set<String> tablesWith(Synthesised s, String handler, java.util.function.Predicate<String> action) {
        return TABLES.stream()
                .filter(table -> s.statementsOf(handler).stream()
                        .anyMatch(st ->
                                Synthesised.list(st.get("Action")).stream().anyMatch(action)
                                        && Synthesised.mentions(st.get("Resource"), s.tableId(table))))
                .collect(Collectors.toSet());
    }
}
