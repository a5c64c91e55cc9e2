package uk.sse.infra.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.IClusterInstance;
import software.amazon.awscdk.services.rds.RotationSingleUserOptions;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;
import uk.sse.infra.StageConfig;

/**
 * The reporting read model: Aurora PostgreSQL Serverless v2 in isolated subnets (no route to or from the internet),
 * encrypted, its master credentials generated into Secrets Manager and rotated. Only what is granted here may
 * connect.
 */
public class ReportingDatabase extends Construct {

    public static final String DATABASE = "reporting";
    public static final int PORT = 5432;

    private final DatabaseCluster cluster;

    public ReportingDatabase(Construct scope, String id, IVpc vpc, StageConfig stage) {
        super(scope, id);
        StageConfig.Database size = stage.database();
        List<IClusterInstance> readers = size.reader()
                ? List.of(ClusterInstance.serverlessV2(
                        "Reader",
                        ServerlessV2ClusterInstanceProps.builder()
                                .scaleWithWriter(true)
                                .build()))
                : List.of();
        cluster = DatabaseCluster.Builder.create(this, "Cluster")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_17_5)
                        .build()))
                .clusterIdentifier("sse-" + stage.name() + "-reporting")
                .defaultDatabaseName(DATABASE)
                .port(PORT)
                .credentials(Credentials.fromGeneratedSecret("sse_reporting"))
                .writer(ClusterInstance.serverlessV2("Writer"))
                .readers(readers)
                .serverlessV2MinCapacity(size.minAcu())
                .serverlessV2MaxCapacity(size.maxAcu())
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .build())
                .storageEncrypted(true)
                .backup(BackupProps.builder()
                        .retention(Duration.days(size.backupDays()))
                        .build())
                .deletionProtection(stage.protectData())
                .removalPolicy(stage.protectData() ? RemovalPolicy.SNAPSHOT : stage.removalPolicy())
                .build();
        cluster.addRotationSingleUser(RotationSingleUserOptions.builder()
                .automaticallyAfter(Duration.days(30))
                // the rotation function reaches Secrets Manager through the NAT; the database itself has no egress
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                        .build())
                .build());
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + cluster.getClusterEndpoint().getHostname() + ":" + PORT + "/" + DATABASE;
    }

    public ISecret secret() {
        return cluster.getSecret();
    }

    /** May connect on the database port and read the credentials. */
    public void allow(IConnectable client, IGrantable identity) {
        cluster.getConnections().allowDefaultPortFrom(client, "reporting function");
        cluster.getSecret().grantRead(identity);
    }

    public DatabaseCluster cluster() {
        return cluster;
    }
}
