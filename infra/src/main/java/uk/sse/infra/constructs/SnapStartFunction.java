package uk.sse.infra.constructs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;
import uk.sse.infra.StageConfig;

/**
 * One Lambda handler of a function module: Java 21 on arm64, SnapStart on published versions, and a {@code live}
 * alias on the current version that every trigger (route, stream, schedule) invokes, because SnapStart applies
 * only to published versions. JSON logs, X-Ray active tracing; its errors and throttles alarm.
 */
public class SnapStartFunction extends Construct {

    public static final String ALIAS = "live";
    /** Every handler's; the embeddings layer ships this architecture's native libraries only (decision 0055). */
    public static final Architecture ARCHITECTURE = Architecture.ARM_64;

    /** {@code name} is the handler's name in the system ({@code ledger-sweeper}); {@code module} the function whose jar and memory it uses. */
    public record Spec(String name, String module, String handler, Duration timeout, Map<String, String> environment) {}

    private final Function function;
    private final Alias alias;

    public SnapStartFunction(
            Construct scope, String id, Spec spec, Code code, StageConfig stage, Alarms alarms, IVpc vpc) {
        this(scope, id, spec, code, List.of(), stage, alarms, vpc);
    }

    /** With Lambda layers: their {@code java/lib/*.jar} join the handler's classpath. */
    public SnapStartFunction(
            Construct scope,
            String id,
            Spec spec,
            Code code,
            List<ILayerVersion> layers,
            StageConfig stage,
            Alarms alarms,
            IVpc vpc) {
        super(scope, id);
        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.put("MICRONAUT_ENVIRONMENTS", "aws");
        String functionName = "sse-" + stage.name() + "-" + spec.name();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + functionName)
                .retention(stage.logRetention())
                .removalPolicy(stage.removalPolicy())
                .build();
        var builder = Function.Builder.create(this, "Function")
                .functionName(functionName)
                .runtime(Runtime.JAVA_21)
                .architecture(ARCHITECTURE)
                .code(code)
                .layers(layers)
                .handler(spec.handler())
                .memorySize(stage.memoryOf(spec.module()))
                .timeout(spec.timeout())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(environment)
                .loggingFormat(LoggingFormat.JSON)
                .tracing(Tracing.ACTIVE) // X-Ray: the trace id is in every log line (decision 0102)
                .logGroup(logs);
        if (vpc != null) {
            builder.vpc(vpc)
                    .vpcSubnets(SubnetSelection.builder()
                            .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                            .build());
        }
        function = builder.build();
        // CDK warns that SnapStart needs a published version: the live alias below is one
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "invoked only through the live alias on the current version");
        alias = Alias.Builder.create(this, "Live")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();

        MetricOptions fiveMinutes =
                MetricOptions.builder().period(Duration.minutes(5)).build();
        alarms.atLeast(
                this,
                spec.name() + "-errors",
                spec.name() + ": invocations failed",
                function.metricErrors(fiveMinutes),
                stage.alarms().functionErrors());
        alarms.atLeast(
                this,
                spec.name() + "-throttles",
                spec.name() + ": invocations throttled",
                function.metricThrottles(fiveMinutes),
                1);
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }
}
