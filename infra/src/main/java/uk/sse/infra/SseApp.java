package uk.sse.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code cdk synth -c stage=dev} (or prod). Context: {@code functions} (where the function modules'
 * built jars are, default {@code ../functions}), {@code placeholders=true} (stand in for jars not built yet; never
 * deploy the result), {@code webOrigins} (comma-separated CORS origins), {@code alarmEmail}. The account and
 * region come from the CDK CLI's environment.
 */
public final class SseApp {

    private SseApp() {}

    public static void main(String[] args) {
        App app = new App();
        String stageName = context(app, "stage", "dev");
        StageConfig stage = StageConfig.named(stageName);
        String origins = context(app, "webOrigins", null);
        if (origins != null) {
            stage = stage.withWebOrigins(Arrays.stream(origins.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList());
        }
        List<String> missing = new ArrayList<>();
        Artefacts artefacts = Artefacts.moduleJars(
                Path.of(context(app, "functions", "../functions"))
                        .toAbsolutePath()
                        .normalize(),
                Boolean.parseBoolean(context(app, "placeholders", "false")),
                missing::add);
        SseStack stack = new SseStack(
                app,
                "sse-" + stage.name(),
                StackProps.builder()
                        .env(Environment.builder()
                                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                                .region(System.getenv().getOrDefault("CDK_DEFAULT_REGION", "eu-west-2"))
                                .build())
                        .description("School Support Exchange (" + stage.name() + ")")
                        .build(),
                stage,
                artefacts,
                context(app, "alarmEmail", null));
        missing.stream().distinct().forEach(warning -> Annotations.of(stack).addWarningV2("sse:placeholder", warning));
        app.synth();
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
