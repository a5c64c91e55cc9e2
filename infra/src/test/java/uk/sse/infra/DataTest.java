package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search domain and the reporting database: encrypted, private where they can be, sized by stage. */
class DataTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_search_domain_is_encrypted_https_only_and_has_no_open_access_policy() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> domain = s.ofType("AWS::OpenSearchService::Domain")
                    .values()
                    .iterator()
                    .next();
            assertThat(domain.get("EngineVersion").toString()).startsWith("OpenSearch_3.");
            assertThat(domain.get("EncryptionAtRestOptions")).isEqualTo(Map.of("Enabled", true));
            assertThat(domain.get("NodeToNodeEncryptionOptions")).isEqualTo(Map.of("Enabled", true));
            Map<String, Object> endpoint = (Map<String, Object>) domain.get("DomainEndpointOptions");
            assertThat(endpoint.get("EnforceHTTPS")).isEqualTo(true);
            assertThat(endpoint.get("TLSSecurityPolicy").toString()).contains("TLS-1-2");
            // no resource policy: only the roles granted in IAM (the indexer and the directory) get in
            assertThat(domain).doesNotContainKey("AccessPolicies");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_prod_domain_spreads_over_two_zones_with_dedicated_masters_and_dev_is_one_small_node() {
        Map<String, Object> prod = (Map<String, Object>) Synthesised.prod()
                .ofType("AWS::OpenSearchService::Domain")
                .values()
                .iterator()
                .next()
                .get("ClusterConfig");
        assertThat(prod.get("ZoneAwarenessEnabled")).isEqualTo(true);
        assertThat(prod.get("DedicatedMasterEnabled")).isEqualTo(true);
        assertThat((Integer) prod.get("InstanceCount")).isGreaterThanOrEqualTo(2);
        Map<String, Object> dev = (Map<String, Object>) Synthesised.dev()
                .ofType("AWS::OpenSearchService::Domain")
                .values()
                .iterator()
                .next()
                .get("ClusterConfig");
        assertThat(dev.get("InstanceCount")).isEqualTo(1);
        assertThat(dev.get("InstanceType")).isEqualTo("t3.small.search");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reporting_runs_on_encrypted_aurora_postgresql_serverless_v2_in_isolated_subnets() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> cluster =
                    s.ofType("AWS::RDS::DBCluster").values().iterator().next();
            assertThat(cluster.get("Engine")).isEqualTo("aurora-postgresql");
            assertThat(cluster.get("StorageEncrypted")).isEqualTo(true);
            assertThat(cluster.get("DatabaseName")).isEqualTo("reporting");
            Map<String, Object> scaling = (Map<String, Object>) cluster.get("ServerlessV2ScalingConfiguration");
            assertThat(((Number) scaling.get("MinCapacity")).doubleValue())
                    .isEqualTo(s.stage.database().minAcu());
            assertThat(((Number) scaling.get("MaxCapacity")).doubleValue())
                    .isEqualTo(s.stage.database().maxAcu());
            assertThat(s.ofType("AWS::RDS::DBInstance").values()).allSatisfy(instance -> {
                assertThat(instance.get("DBInstanceClass")).isEqualTo("db.serverless");
                assertThat(instance.get("PubliclyAccessible")).isEqualTo(false);
            });
            // the credentials are generated into Secrets Manager, never written in the template, and rotate monthly
            assertThat(cluster.get("MasterUserPassword").toString()).contains("resolve:secretsmanager");
            Map<String, Object> rotation = s.ofType("AWS::SecretsManager::RotationSchedule")
                    .values()
                    .iterator()
                    .next();
            assertThat(((Map<String, Object>) rotation.get("RotationRules")).get("ScheduleExpression"))
                    .isEqualTo("rate(30 days)");
            // isolated subnets: their route tables have no route to the internet at all
            Map<String, Object> subnets =
                    s.ofType("AWS::RDS::DBSubnetGroup").values().iterator().next();
            for (Object subnet : (List<Object>) subnets.get("SubnetIds")) {
                String id = subnet.toString().replaceAll(".*Ref=(\\w+).*", "$1");
                assertThat(id).contains("data");
                assertThat(((Map<String, Object>) s.resource(id).get("Properties")).get("MapPublicIpOnLaunch"))
                        .isEqualTo(false);
                assertThat(s.ofType("AWS::EC2::Route").keySet())
                        .noneMatch(route -> route.startsWith(id.replaceAll("Subnet[0-9A-F]{8}$", "")));
            }
        }
        Map<String, Object> prod = Synthesised.prod()
                .ofType("AWS::RDS::DBCluster")
                .values()
                .iterator()
                .next();
        assertThat(prod.get("DeletionProtection")).isEqualTo(true);
        assertThat(Synthesised.prod()
                        .resource(Synthesised.prod()
                                .ofType("AWS::RDS::DBCluster")
                                .keySet()
                                .iterator()
                                .next())
                        .get("DeletionPolicy"))
                .isEqualTo("Snapshot");
        assertThat(Synthesised.prod().ofType("AWS::RDS::DBInstance")).hasSize(2);
        assertThat(Synthesised.dev().ofType("AWS::RDS::DBInstance")).hasSize(1);
    }
}
