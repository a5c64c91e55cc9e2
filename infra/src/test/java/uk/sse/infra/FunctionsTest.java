package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every handler: Java 21 on arm64 with SnapStart, reached through a live alias, sized by stage, given the environment it reads. */
class FunctionsTest {

    static final String API = "uk.sse.kernel.http.HttpApiFunction";

    /** Handler name to its module and Lambda handler class, as the functions' own docs name them. */
    static final Map<String, List<String>> HANDLERS = Map.ofEntries(
            Map.entry("directory-api", List.of("directory", API)),
            Map.entry("directory-signals", List.of("directory", "uk.sse.directory.signals.RecordEngagementOutcomes")),
            Map.entry("register-import", List.of("directory", "uk.sse.directory.imports.trigger.ImportArrivals")),
            Map.entry("register-fetch", List.of("directory", "uk.sse.directory.imports.trigger.FetchDailyRegister")),
            Map.entry("indexer", List.of("indexer", "uk.sse.indexer.IndexDirectoryChanges")),
            Map.entry("ledger-api", List.of("ledger", API)),
            Map.entry("ledger-sweeper", List.of("ledger", "uk.sse.ledger.sweep.SweepDueHolds")),
            Map.entry("ledger-check", List.of("ledger", "uk.sse.ledger.check.CheckLedgerOnSchedule")),
            Map.entry(
                    "ledger-entitlements", List.of("ledger", "uk.sse.ledger.entitlements.GiveEntitlementsOnSchedule")),
            Map.entry("brokerage-api", List.of("brokerage", API)),
            Map.entry(
                    "brokerage-reconciliation", List.of("brokerage", "uk.sse.brokerage.reconcile.ReconcileOnSchedule")),
            Map.entry("brokerage-retention", List.of("brokerage", "uk.sse.brokerage.retention.RedactTextsOnSchedule")),
            Map.entry("notifier-api", List.of("notifier", API)),
            Map.entry("notifier-stream", List.of("notifier", "uk.sse.notifier.stream.NotifyOnEvents")),
            Map.entry("notifier-sweeper", List.of("notifier", "uk.sse.notifier.sweep.RetryDueDeliveries")),
            Map.entry("notifier-reminders", List.of("notifier", "uk.sse.notifier.sweep.SendReminders")),
            Map.entry("reporting-api", List.of("reporting", API)),
            Map.entry("reporting-projection", List.of("reporting", "uk.sse.reporting.projection.ProjectEvents")),
            Map.entry("web", List.of("web", API)));

    @Test
    @SuppressWarnings("unchecked")
    void every_handler_is_java_21_on_arm64_with_snapstart_on_published_versions() {
        for (Synthesised s : Synthesised.both()) {
            HANDLERS.forEach((name, moduleAndHandler) -> {
                Map<String, Object> fn = s.function(name);
                assertThat(fn.get("Runtime")).as(name).isEqualTo("java21");
                assertThat(fn.get("Architectures")).as(name).isEqualTo(List.of("arm64"));
                assertThat(fn.get("Handler")).as(name).isEqualTo(moduleAndHandler.get(1));
                assertThat(fn.get("SnapStart")).as(name).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
                assertThat(fn.get("MemorySize")).as(name).isEqualTo(s.stage.memoryOf(moduleAndHandler.get(0)));
                assertThat(s.environment(name)).as(name).containsEntry("MICRONAUT_ENVIRONMENTS", "aws");
                assertThat((Map<String, Object>) fn.get("LoggingConfig")).containsEntry("LogFormat", "JSON");
                assertThat(fn.get("TracingConfig")).as(name).isEqualTo(Map.of("Mode", "Active"));
            });
            // the others: the Cognito trigger, CDK's handler that sets the import bucket's notifications, and the
            // custom
            // resource that reads the brokerage client's secret at deploy time
            assertThat(s.ofType("AWS::Lambda::Function")).hasSize(HANDLERS.size() + 3);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_handler_is_invoked_through_a_live_alias_on_a_published_version() {
        for (Synthesised s : Synthesised.both()) {
            for (String name : HANDLERS.keySet()) {
                Map<String, Object> alias =
                        (Map<String, Object>) s.resource(s.aliasId(name)).get("Properties");
                assertThat(alias.get("Name")).isEqualTo("live");
                String version = (String)
                        ((List<Object>) ((Map<String, Object>) alias.get("FunctionVersion")).get("Fn::GetAtt")).get(0);
                assertThat(s.resource(version).get("Type")).isEqualTo("AWS::Lambda::Version");
                assertThat(((Map<String, Object>) s.resource(version).get("Properties")).get("FunctionName"))
                        .isEqualTo(Map.of("Ref", s.functionId(name)));
            }
        }
    }

    @Test
    void memory_is_per_function_and_larger_in_prod() {
        Synthesised dev = Synthesised.dev();
        Synthesised prod = Synthesised.prod();
        for (String name : HANDLERS.keySet()) {
            assertThat((Integer) prod.function(name).get("MemorySize")).as(name).isGreaterThan((Integer)
                    dev.function(name).get("MemorySize"));
        }
        assertThat(dev.function("notifier-api").get("MemorySize"))
                .isNotEqualTo(dev.function("directory-api").get("MemorySize"));
    }

    @Test
    void api_handlers_answer_within_api_gateways_29_seconds_and_consumers_have_longer() {
        for (Synthesised s : Synthesised.both()) {
            HANDLERS.forEach((name, moduleAndHandler) -> {
                int timeout = (Integer) s.function(name).get("Timeout");
                if (moduleAndHandler.get(1).equals(API)) {
                    assertThat(timeout).as(name).isLessThanOrEqualTo(29);
                } else {
                    assertThat(timeout).as(name).isBetween(30, 900);
                }
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_handler_reads_the_environment_its_application_aws_yml_names() {
        Synthesised s = Synthesised.dev();
        String directoryTable = s.tableId("directory");
        assertThat(s.environment("directory-api"))
                .containsKeys("SSE_DIRECTORY_TABLE", "SSE_OPENSEARCH_URL", "SSE_JWKS_URL");
        assertThat(String.valueOf(s.environment("directory-api").get("SSE_DIRECTORY_TABLE")))
                .contains(directoryTable);
        assertThat(s.environment("indexer"))
                .containsOnlyKeys("MICRONAUT_ENVIRONMENTS", "SSE_DIRECTORY_TABLE", "SSE_OPENSEARCH_URL");
        assertThat(String.valueOf(s.environment("ledger-api").get("SSE_LEDGER_TABLE")))
                .contains(s.tableId("ledger"));
        assertThat(String.valueOf(s.environment("ledger-sweeper").get("SSE_LEDGER_TABLE")))
                .contains(s.tableId("ledger"));
        assertThat(String.valueOf(s.environment("ledger-check").get("SSE_LEDGER_TABLE")))
                .contains(s.tableId("ledger"));
        assertThat(String.valueOf(s.environment("notifier-stream").get("SSE_NOTIFIER_TABLE")))
                .contains(s.tableId("notifier"));
        // the notifier's sealing key: a generated secret the functions read at run time; the environment names it only
        String sealingKey = s.ofType("AWS::SecretsManager::Secret").keySet().stream()
                .filter(id -> id.startsWith("NotifierSealingKey"))
                .findFirst()
                .orElseThrow();
        for (String handler : List.of("notifier-api", "notifier-stream", "notifier-sweeper", "notifier-reminders")) {
            assertThat(s.environment(handler)).as(handler).doesNotContainKey("SSE_NOTIFIER_SECRET_KEY");
            assertThat(String.valueOf(s.environment(handler).get("SSE_NOTIFIER_SECRET_KEY_ARN")))
                    .as(handler)
                    .contains(sealingKey)
                    .doesNotContain("resolve:secretsmanager");
        }
        // the erasure key: one generated secret, named to every function that erases and to no other, which derive
        // the same tombstone from it (decision 0117)
        String erasureKey = s.ofType("AWS::SecretsManager::Secret").keySet().stream()
                .filter(id -> id.startsWith("ErasureKey"))
                .findFirst()
                .orElseThrow();
        for (String handler : HANDLERS.keySet()) {
            if (AccessTest.ERASING.contains(handler)) {
                assertThat(String.valueOf(s.environment(handler).get("SSE_ERASURE_KEY_ARN")))
                        .as(handler)
                        .contains(erasureKey)
                        .doesNotContain("resolve:secretsmanager");
            } else {
                assertThat(s.environment(handler)).as(handler).doesNotContainKey("SSE_ERASURE_KEY_ARN");
            }
        }
        assertThat(s.environment("reporting-projection"))
                .containsKeys("SSE_REPORTING_JDBC_URL", "SSE_REPORTING_DB_SECRET_ARN");
        // brokerage calls the directory and the ledger through the API's own stage URL
        Map<String, Object> brokerage = s.environment("brokerage-api");
        String api = s.ofType("AWS::ApiGatewayV2::Api").keySet().iterator().next();
        assertThat(String.valueOf(brokerage.get("SSE_DIRECTORY_URL")))
                .contains(api)
                .contains("execute-api");
        assertThat(brokerage.get("SSE_LEDGER_URL")).isEqualTo(brokerage.get("SSE_DIRECTORY_URL"));
        // every API handler checks tokens against the user pool's keys, its issuer, the web's client for people, and
        // the
        // brokerage's and the web's own service clients
        // (the web checks none: it calls the API with them)
        String pool = s.ofType("AWS::Cognito::UserPool").keySet().iterator().next();
        String web = s.clientId("web");
        String brokerageClient = s.clientId("brokerage");
        HANDLERS.forEach((name, moduleAndHandler) -> {
            if (moduleAndHandler.get(1).equals(API) && !name.equals("web")) {
                Map<String, Object> env = s.environment(name);
                assertThat(String.valueOf(env.get("SSE_JWKS_URL")))
                        .as(name)
                        .contains(pool)
                        .contains("/.well-known/jwks.json");
                assertThat(String.valueOf(env.get("SSE_TOKEN_ISSUER")))
                        .as(name)
                        .contains("https://cognito-idp.")
                        .contains(pool);
                assertThat(env.get("SSE_TOKEN_CLIENTS")).as(name).isEqualTo(Map.of("Ref", web));
                assertThat(env.get("SSE_SERVICE_CLIENTS"))
                        .as(name)
                        .isEqualTo(Map.of(
                                "Fn::Join",
                                List.of(
                                        ",",
                                        List.of(
                                                Map.of("Ref", brokerageClient),
                                                Map.of("Ref", s.clientId("web-service"))))));
            }
        });
        // the brokerage and its reconciliation get their own token: the client's id and secret, and the pool's token
        // endpoint
        for (String handler : List.of("brokerage-api", "brokerage-reconciliation")) {
            Map<String, Object> env = s.environment(handler);
            assertThat(env.get("SSE_SERVICE_CLIENT_ID")).as(handler).isEqualTo(Map.of("Ref", brokerageClient));
            assertThat(String.valueOf(env.get("SSE_SERVICE_CLIENT_SECRET")))
                    .as(handler)
                    .contains("ClientSecret")
                    .doesNotContain("Ref=" + web);
            assertThat(String.valueOf(env.get("SSE_SERVICE_TOKEN_URL")))
                    .as(handler)
                    .contains("amazoncognito.com")
                    .contains("/oauth2/token");
        }
        assertThat(s.environment("directory-api"))
                .doesNotContainKeys("SSE_SERVICE_CLIENT_ID", "SSE_SERVICE_CLIENT_SECRET");
        // retention calls no function: it holds no token's secret
        assertThat(s.environment("brokerage-retention"))
                .containsKey("SSE_BROKERAGE_TABLE")
                .doesNotContainKeys("SSE_SERVICE_CLIENT_ID", "SSE_SERVICE_CLIENT_SECRET", "SSE_SERVICE_TOKEN_URL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void only_the_reporting_handlers_run_in_the_vpc() {
        for (Synthesised s : Synthesised.both()) {
            HANDLERS.keySet().forEach(name -> {
                Map<String, Object> fn = s.function(name);
                if (name.startsWith("reporting")) {
                    Map<String, Object> vpc = (Map<String, Object>) fn.get("VpcConfig");
                    assertThat(vpc).as(name).isNotNull();
                    assertThat((List<Object>) vpc.get("SubnetIds"))
                            .as(name)
                            .isNotEmpty()
                            .allSatisfy(subnet -> assertThat(subnet.toString()).contains("functions"));
                } else {
                    // the notifier in particular needs the internet for webhooks, which a VPC without NAT would deny
                    assertThat(fn).as(name).doesNotContainKey("VpcConfig");
                }
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void log_groups_are_kept_for_the_stages_retention() {
        for (Synthesised s : Synthesised.both()) {
            HANDLERS.keySet().forEach(name -> {
                Map<String, Object> logging =
                        (Map<String, Object>) s.function(name).get("LoggingConfig");
                String logGroup = (String) ((Map<String, Object>) logging.get("LogGroup")).get("Ref");
                Map<String, Object> group =
                        (Map<String, Object>) s.resource(logGroup).get("Properties");
                assertThat(group.get("LogGroupName")).isEqualTo("/aws/lambda/" + s.name(name));
                assertThat(group.get("RetentionInDays"))
                        .isEqualTo(s.stage.name().equals("prod") ? 180 : 14);
            });
        }
    }
}
