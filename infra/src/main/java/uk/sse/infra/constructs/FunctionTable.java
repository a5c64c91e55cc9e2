package uk.sse.infra.constructs;

import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;
import uk.sse.infra.StageConfig;

/**
 * A function's own table in the shape {@code uk.sse.kernel.dynamo.Tables} gives it locally: string keys
 * {@code pk}/{@code sk}, indices {@code gsi1..gsiN} keyed {@code gsiNpk}/{@code gsiNsk} (all attributes projected),
 * on demand, a stream of new and old images for the consumers, point-in-time recovery, and in prod deletion
 * protection and retention.
 */
public class FunctionTable extends Construct {

    /** {@code ttlAttribute} null for a table that keeps everything (the ledger). */
    public record Spec(String function, int indices, String ttlAttribute) {}

    public static final String TTL = "expiresAt";

    private final Table table;

    public FunctionTable(Construct scope, String id, Spec spec, StageConfig stage) {
        super(scope, id);
        var builder = Table.Builder.create(this, "Table")
                .tableName("sse-" + stage.name() + "-" + spec.function())
                .partitionKey(string("pk"))
                .sortKey(string("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .recoveryPeriodInDays(stage.protectData() ? 35 : 7)
                        .build())
                .deletionProtection(stage.protectData())
                .removalPolicy(stage.removalPolicy());
        if (spec.ttlAttribute() != null) {
            builder.timeToLiveAttribute(spec.ttlAttribute());
        }
        table = builder.build();
        for (int n = 1; n <= spec.indices(); n++) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName("gsi" + n)
                    .partitionKey(string("gsi" + n + "pk"))
                    .sortKey(string("gsi" + n + "sk"))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
    }

    public Table table() {
        return table;
    }

    private static Attribute string(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
