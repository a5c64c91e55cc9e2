package uk.sse.infra.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.opensearchservice.CapacityConfig;
import software.amazon.awscdk.services.opensearchservice.Domain;
import software.amazon.awscdk.services.opensearchservice.EbsOptions;
import software.amazon.awscdk.services.opensearchservice.EncryptionAtRestOptions;
import software.amazon.awscdk.services.opensearchservice.EngineVersion;
import software.amazon.awscdk.services.opensearchservice.TLSSecurityPolicy;
import software.amazon.awscdk.services.opensearchservice.ZoneAwarenessConfig;
import software.constructs.Construct;
import uk.sse.infra.StageConfig;

/**
 * The search cluster: an OpenSearch Service domain, encrypted at rest and between nodes, HTTPS only (TLS 1.2+),
 * reachable only with SigV4-signed requests from roles granted here. The indexer may write the indices; the
 * directory may only search them ({@code POST <index>/_search}).
 */
public class SearchDomain extends Construct {

    /** The indices (and their rebuild twins, e.g. {@code offers-next}) the system keeps. */
    public static final List<String> INDICES = List.of("offers", "schools");

    private final Domain domain;

    public SearchDomain(Construct scope, String id, StageConfig stage, Alarms alarms) {
        super(scope, id);
        StageConfig.Search size = stage.search();
        var capacity = CapacityConfig.builder()
                .dataNodeInstanceType(size.instanceType())
                .dataNodes(size.dataNodes())
                .multiAzWithStandbyEnabled(false);
        if (size.masterNodes() > 0) {
            capacity.masterNodeInstanceType(size.masterType()).masterNodes(size.masterNodes());
        }
        var builder = Domain.Builder.create(this, "Domain")
                .domainName("sse-" + stage.name())
                .version(EngineVersion.OPENSEARCH_3_5)
                .capacity(capacity.build())
                .ebs(EbsOptions.builder()
                        .volumeSize(size.volumeGb())
                        .volumeType(EbsDeviceVolumeType.GP3)
                        .build())
                .encryptionAtRest(
                        EncryptionAtRestOptions.builder().enabled(true).build())
                .nodeToNodeEncryption(true)
                .enforceHttps(true)
                .tlsSecurityPolicy(TLSSecurityPolicy.TLS_1_2)
                .removalPolicy(stage.removalPolicy());
        if (size.zoneAware()) {
            builder.zoneAwareness(ZoneAwarenessConfig.builder()
                    .enabled(true)
                    .availabilityZoneCount(2)
                    .build());
        }
        domain = builder.build();
        alarms.atLeast(
                this,
                "search-red",
                "the search cluster is red",
                domain.metricClusterStatusRed(MetricOptions.builder()
                        .period(Duration.minutes(1))
                        .statistic("Maximum")
                        .build()),
                1);
        alarms.atLeast(
                this,
                "search-writes-blocked",
                "the search cluster refuses writes",
                domain.metricClusterIndexWritesBlocked(MetricOptions.builder()
                        .period(Duration.minutes(1))
                        .statistic("Maximum")
                        .build()),
                1);
    }

    public String url() {
        return "https://" + domain.getDomainEndpoint();
    }

    /** Everything on the system's indices and the cluster-level calls the indexer makes ({@code _bulk}, {@code _aliases}). */
    public void grantWrite(IGrantable writer) {
        writer.getGrantPrincipal()
                .addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(List.of(
                                "es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete"))
                        .resources(List.of(domain.getDomainArn(), domain.getDomainArn() + "/*"))
                        .build());
    }

    /** Searches only: a POST to anything but {@code _search} (a bulk write, an alias swap) is refused. */
    public void grantSearch(IGrantable reader) {
        reader.getGrantPrincipal()
                .addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("es:ESHttpPost", "es:ESHttpGet"))
                        .resources(INDICES.stream()
                                .map(index -> domain.getDomainArn() + "/" + index + "*/_search")
                                .toList())
                        .build());
    }

    public Domain domain() {
        return domain;
    }
}
